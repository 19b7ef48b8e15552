import { describe, expect, it } from 'vitest';
import { Account, Vault } from '../src/examples.ts';
import { sharedReferences } from '../src/inspect.ts';
import {
  mapCopy,
  SHALLOW_ARRAY_COPIES,
  SHALLOW_OBJECT_COPIES,
  shallowCloneInstance,
  spreadCopy,
} from '../src/shallow.ts';

describe('every shallow copy shares nested objects', () => {
  it('lists the shallow copies by the code a reader would write', () => {
    expect(Object.keys(SHALLOW_ARRAY_COPIES)).toEqual(['[...a]', 'a.slice()', 'Array.from(a)', 'a.concat()']);
    expect(Object.keys(SHALLOW_OBJECT_COPIES)).toEqual(['{ ...o }', 'Object.assign({}, o)']);
  });

  for (const [name, copyOf] of Object.entries(SHALLOW_ARRAY_COPIES)) {
    it(`${name}: new outer array, same elements`, () => {
      const original = [{ id: 1 }, { id: 2 }];
      const copy = copyOf(original);
      expect(copy).not.toBe(original);
      expect(copy).toEqual(original);
      expect(copy[0]).toBe(original[0]);
      copy.push({ id: 3 });
      (copy[0] as { id: number }).id = 99;
      expect(original).toEqual([{ id: 99 }, { id: 2 }]);
    });
  }

  for (const [name, copyOf] of Object.entries(SHALLOW_OBJECT_COPIES)) {
    it(`${name}: new outer object, same nested objects`, () => {
      const original = { name: 'api', db: { host: 'a' }, ports: [1] };
      const copy = copyOf(original);
      copy.name = 'other';
      copy.db.host = 'b';
      copy.ports.push(2);
      expect(original).toEqual({ name: 'api', db: { host: 'b' }, ports: [1, 2] });
      expect(sharedReferences(original, copy)).toEqual(['$.db', '$.ports']);
    });
  }

  it('new Map(map) shares the value objects', () => {
    const original = new Map([['k', { hits: 0 }]]);
    const copy = mapCopy(original);
    copy.set('other', { hits: 0 });
    (copy.get('k') as { hits: number }).hits++;
    expect(original.size).toBe(1);
    expect(original.get('k')?.hits).toBe(1);
  });

  it('a spread copies only own enumerable properties: getters are read, symbols kept, non-enumerables dropped', () => {
    let reads = 0;
    const tag = Symbol('tag');
    const original = Object.defineProperty(
      {
        [tag]: 1,
        get computed() {
          return ++reads;
        },
      },
      'hidden',
      {
        value: 1,
        enumerable: false,
      },
    );
    const copy = spreadCopy(original);
    expect(reads).toBe(1);
    expect(Object.getOwnPropertyDescriptor(copy, 'computed')).toMatchObject({ value: 1, writable: true });
    expect(copy[tag]).toBe(1);
    expect(Object.hasOwn(copy, 'hidden')).toBe(false);
  });
});

describe('shallow copies of class instances', () => {
  it('a spread loses the prototype: instanceof is false and methods are gone', () => {
    const copy = { ...new Account('ada', 10) };
    expect(copy instanceof Account).toBe(false);
    expect((copy as Partial<Account>).deposit).toBeUndefined();
    expect(copy).toEqual({ owner: 'ada', balance: 10 });
  });

  it('shallowCloneInstance keeps the prototype, like Python copy.copy', () => {
    const original = new Account('ada', 10);
    const copy = shallowCloneInstance(original);
    expect(copy).toBeInstanceOf(Account);
    expect(copy.deposit(5)).toBe(15);
    expect(original.balance).toBe(10);
  });

  it('no property copy can carry private #fields: the copy’s methods throw', () => {
    const copy = shallowCloneInstance(new Vault('s3cret'));
    expect(copy).toBeInstanceOf(Vault);
    expect(() => copy.reveal()).toThrow(TypeError);
  });
});
