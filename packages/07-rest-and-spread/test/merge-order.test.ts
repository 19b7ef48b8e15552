import { describe, expect, it } from 'vitest';
import { mergeDefined, mergeSpread, Temperature, withoutUndefined } from '../src/merge-order.ts';

const defaults = { host: 'localhost', port: 5432, ssl: false };

describe('object spread merge order', () => {
  it('lets the later object win, key by key', () => {
    expect({ ...defaults, ...{ port: 6432 }, ...{ ssl: true } }).toEqual({
      host: 'localhost',
      port: 6432,
      ssl: true,
    });
    expect({ ...{ port: 6432 }, ...defaults }).toEqual(defaults); // written the other way round, defaults win
  });

  it('lets a present `undefined` overwrite a default', () => {
    const fromEnv = { port: undefined as number | undefined };
    const merged = mergeSpread(defaults, fromEnv);
    expect(merged).toEqual({ host: 'localhost', port: undefined, ssl: false });
    expect('port' in merged).toBe(true);
  });

  it('mergeDefined treats undefined as "not given" and still lets null and 0 through', () => {
    const merged = mergeDefined<{ host: string; port: number | null; ssl: boolean }>(
      defaults,
      { port: undefined, ssl: true },
      { port: null },
    );
    expect(merged).toEqual({ host: 'localhost', port: null, ssl: true });
    expect(mergeDefined(defaults, { port: 0 }).port).toBe(0);
    expect(mergeDefined(defaults, { port: undefined })).toStrictEqual(defaults);
    // toStrictEqual: toEqual would also accept a key that is present with the value undefined.
    expect(withoutUndefined({ a: 1, b: undefined, c: null })).toStrictEqual({ a: 1, c: null });
  });

  it('copies shallowly: nested objects are shared with the source', () => {
    const base = { pool: { max: 10 } };
    const copy = { ...base };
    copy.pool.max = 1;
    expect(base.pool.max).toBe(1);
  });
});

describe('spread vs Object.assign', () => {
  it('Object.assign writes through setters; spread builds a plain object without the prototype', () => {
    const reading = new Temperature();
    Object.assign(reading, { celsius: 30 });
    expect(reading.log).toEqual(['set 30']);
    expect(reading.celsius).toBe(30);
    expect(reading.fahrenheit).toBe(86);

    const spread = { ...reading };
    expect(spread).not.toBeInstanceOf(Temperature);
    expect(Object.keys(spread)).toEqual(['log']); // getters live on the prototype; #private is not a property
    expect('fahrenheit' in spread).toBe(false);
  });

  it('Object.assign mutates and returns its first argument; spread never mutates', () => {
    const target = { a: 1 };
    const returned = Object.assign(target, { b: 2 });
    expect(returned).toBe(target);
    expect(target).toEqual({ a: 1, b: 2 });
  });
});
