import { describe, expect, it } from 'vitest';
import {
  Banner,
  closeAll,
  deposit,
  dot,
  isSignupInput,
  parseAccountUnchecked,
  parseSignup,
  render,
  SignupSchema,
  Square,
  sourceAtRunTime,
} from '../src/index.ts';

const valid = { name: 'Ada', age: 36, email: 'ada@example.com' };

describe('types vanish at run time', () => {
  it('an `as` cast on JSON checks nothing: a string balance concatenates', () => {
    const account = parseAccountUnchecked('{"id":1,"balance":"100"}');
    expect(deposit(account, 5)).toBe('1005');
    expect(deposit(parseAccountUnchecked('{"id":1,"balance":100}'), 5)).toBe(105);
  });

  it('the function Node runs has no annotations left', () => {
    const source = sourceAtRunTime();
    expect(source).toMatch(/typedAdd/);
    expect(source).not.toMatch(/:\s*number/);
  });
});

describe('structural typing', () => {
  it('render takes anything with draw(), class or literal', () => {
    expect(render([new Square(2), new Banner('hi'), dot])).toEqual(['square 2×2', '[ hi ]', '·']);
  });

  it('closeAll closes in reverse order, each once', () => {
    const log: string[] = [];
    const open = (name?: string) => ({ name, close: () => log.push(name ?? '?') });
    expect(closeAll([open('db'), open('cache'), open()])).toEqual(['(unnamed)', 'cache', 'db']);
    expect(log).toEqual(['?', 'cache', 'db']);
  });
});

describe('parseSignup (zod at the boundary)', () => {
  it('fills defaults and returns a new object', () => {
    const result = parseSignup(valid);
    expect(result).toEqual({ ok: true, value: { ...valid, role: 'member', tags: [] } });
    if (result.ok) expect(result.value).not.toBe(valid);
  });

  it('reports every problem with its path, in field order', () => {
    const result = parseSignup({ name: '', age: 12.5, email: 'x', tags: ['a', 1], extra: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(['name', 'age', 'email', 'tags.1', '(root)']);
      expect(result.issues[2]?.message).toBe('must be an email address');
      expect(result.issues[4]?.message).toMatch(/extra/);
    }
  });

  it('a non-object is one root issue', () => {
    expect(parseSignup(null)).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'Invalid input: expected object, received null' }],
    });
  });
});

describe('the hand-written guard agrees with the schema', () => {
  const cases: Array<[string, unknown]> = [
    ['valid', valid],
    ['with role and tags', { ...valid, role: 'admin', tags: ['x'] }],
    ['name 100 chars', { ...valid, name: 'n'.repeat(100) }],
    ['name 101 chars', { ...valid, name: 'n'.repeat(101) }],
    ['empty name', { ...valid, name: '' }],
    ['age 13', { ...valid, age: 13 }],
    ['age 12', { ...valid, age: 12 }],
    ['age 130', { ...valid, age: 130 }],
    ['age 131', { ...valid, age: 131 }],
    ['age 36.5', { ...valid, age: 36.5 }],
    ['age as text', { ...valid, age: '36' }],
    ['age NaN', { ...valid, age: Number.NaN }],
    ['bad email', { ...valid, email: 'ada.example.com' }],
    ['unknown role', { ...valid, role: 'owner' }],
    ['role undefined', { ...valid, role: undefined }],
    ['10 tags', { ...valid, tags: Array.from({ length: 10 }, (_, i) => `t${i}`) }],
    ['11 tags', { ...valid, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    ['tag 30 chars', { ...valid, tags: ['t'.repeat(30)] }],
    ['tag 31 chars', { ...valid, tags: ['t'.repeat(31)] }],
    ['tags not an array', { ...valid, tags: 'a,b' }],
    ['non-string tag', { ...valid, tags: [1] }],
    ['extra key', { ...valid, admin: true }],
    ['missing email', { name: 'Ada', age: 36 }],
    ['array', [valid]],
    ['null', null],
    ['string', 'Ada'],
  ];

  it.each(cases)('%s', (_, input) => {
    expect(isSignupInput(input)).toBe(SignupSchema.safeParse(input).success);
  });

  it('the table holds both verdicts, so agreement is not vacuous', () => {
    const verdicts = cases.map(([, input]) => isSignupInput(input));
    expect(verdicts.filter(Boolean)).toHaveLength(8);
    expect(verdicts.filter((v) => !v)).toHaveLength(18);
  });
});
