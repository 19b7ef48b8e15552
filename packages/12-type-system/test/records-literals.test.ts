import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  eventName,
  isMode,
  MODES,
  openFlag,
  parseMode,
  ROUTES,
  routeLine,
  routeLineLoose,
  summarize,
  type UserRecord,
} from '../src/index.ts';

const ada: UserRecord = { name: 'ada', age: 36, email: 'ada@example.com' };

describe('records', () => {
  it('applyPatch writes the defined fields, keeps the original, and lets null through (it is a value)', () => {
    const next = applyPatch(ada, { age: 37, email: null, nickname: undefined });
    expect(next).toEqual({ name: 'ada', age: 37, email: null });
    expect('nickname' in next).toBe(false);
    expect(ada.age).toBe(36);
    expect(next).not.toBe(ada);
  });

  it('summarize returns exactly the picked fields', () => {
    expect(summarize({ ...ada, nickname: 'countess' })).toEqual({ name: 'ada', email: 'ada@example.com' });
  });
});

describe('literal types', () => {
  it('one array is the type and the run-time check', () => {
    expect(MODES.map(openFlag)).toEqual(['r', 'w', 'a']);
    expect(MODES.every(isMode)).toBe(true);
    expect(isMode('READ')).toBe(false);
    expect(parseMode('append')).toBe('append');
    expect(() => parseMode('readwrite')).toThrow(
      new RangeError("mode must be one of read, write, append; got 'readwrite'"),
    );
  });

  it('template literal event names', () => {
    expect(eventName('order', 'deleted')).toBe('order.deleted');
  });
});

describe('satisfies', () => {
  it('the checked table still works as a value', () => {
    expect(Object.keys(ROUTES)).toEqual(['listUsers', 'createUser', 'deleteUser']);
    expect(routeLine('listUsers')).toBe('GET /users');
    expect(routeLine('deleteUser')).toBe('DELETE /users/:id (auth)');
  });

  it('the annotated table compiles any key; a typo is found only at run time', () => {
    expect(routeLineLoose('createUser')).toBe('POST /users');
    expect(routeLineLoose('listUser')).toBe("no route 'listUser'");
  });
});
