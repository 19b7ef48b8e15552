import { describe, expect, it } from 'vitest';
import { counterWithAccessor, Temperature } from '../src/accessors.ts';
import { defineConstant, defineHidden, describeOwn, flagEffects, flagString } from '../src/descriptors.ts';

describe('getters and setters (Temperature)', () => {
  it('derives fahrenheit and kelvin from the one stored value, both ways', () => {
    const t = new Temperature(100);
    expect(t.fahrenheit).toBe(212);
    t.fahrenheit = 32;
    expect(t.celsius).toBe(0);
    expect(t.kelvin).toBe(273.15);
  });

  it('validates through the setter, keeping the old value on a refusal', () => {
    const t = new Temperature(20);
    expect(() => {
      t.celsius = -300;
    }).toThrow('Temperature.celsius must be a finite number >= -273.15, got -300');
    expect(() => {
      t.fahrenheit = Number.NaN;
    }).toThrow(RangeError);
    expect(t.celsius).toBe(20);
    expect(() => new Temperature(-273.16)).toThrow(RangeError);
    expect(new Temperature(-273.15).kelvin).toBeCloseTo(0, 10);
  });

  it('refuses assignment to a getter-only property in strict code', () => {
    const t = new Temperature(0) as Temperature & { kelvin: number };
    expect(() => {
      t.kelvin = 1;
    }).toThrow(/only a getter/);
  });

  it('puts accessors on the prototype, not the instance', () => {
    const t = new Temperature(0);
    expect(Object.keys(t)).toEqual([]);
    expect(describeOwn(Temperature.prototype, 'fahrenheit')).toEqual({
      kind: 'accessor',
      enumerable: false,
      configurable: true,
      hasGetter: true,
      hasSetter: true,
    });
    expect(flagString(describeOwn(Temperature.prototype, 'kelvin'))).toBe('accessor(get) -c');
  });

  it('runs a literal getter on every read, including the one a spread makes', () => {
    const counter = counterWithAccessor();
    counter.value = 5;
    const copy = { ...counter };
    expect(counter.reads).toBe(1);
    expect(JSON.stringify(counter)).toBe('{"reads":1,"value":5}');
    expect(counter.reads).toBe(2);
    expect(describeOwn(copy, 'value')).toEqual({
      kind: 'data',
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });
});

describe('descriptor flags', () => {
  it('defaults every flag to false in defineProperty, but to true for a plain assignment', () => {
    const o: Record<string, unknown> = {};
    Object.defineProperty(o, 'defined', { value: 1 });
    o.assigned = 2;
    expect(flagString(describeOwn(o, 'defined'))).toBe('data ---');
    expect(flagString(describeOwn(o, 'assigned'))).toBe('data wec');
    expect(flagString(describeOwn(o, 'missing'))).toBe('(not own)');
  });

  it('reports what each flag allows, found by trying it', () => {
    expect(flagEffects({ value: 1 })).toEqual({
      assign: 'TypeError',
      delete: 'TypeError',
      redefine: 'TypeError',
      listed: false,
    });
    // Non-configurable but writable: a redefinition that only changes the value is still allowed.
    expect(flagEffects({ value: 1, writable: true })).toEqual({
      assign: 'ok',
      delete: 'TypeError',
      redefine: 'ok',
      listed: false,
    });
    expect(flagEffects({ value: 1, enumerable: true })).toMatchObject({ assign: 'TypeError', listed: true });
    expect(flagEffects({ value: 1, configurable: true })).toEqual({
      assign: 'TypeError',
      delete: 'ok',
      redefine: 'ok',
      listed: false,
    });
    expect(flagEffects({ get: () => 1, enumerable: true, configurable: true })).toEqual({
      assign: 'TypeError',
      delete: 'ok',
      redefine: 'ok',
      listed: true,
    });
    const ignoring = flagEffects({ get: () => 1, set: () => {}, configurable: false });
    expect(ignoring).toEqual({
      assign: 'ignored',
      delete: 'TypeError',
      redefine: 'TypeError',
      listed: false,
    });
  });

  it('lets a non-configurable but writable property still be made read-only, and never back', () => {
    const o = Object.defineProperty({}, 'x', { value: 1, writable: true, configurable: false });
    Object.defineProperty(o, 'x', { writable: false });
    expect(describeOwn(o, 'x')?.writable).toBe(false);
    expect(() => Object.defineProperty(o, 'x', { writable: true })).toThrow(TypeError);
  });

  it('defineConstant: readable, not writable, deletable or listed', () => {
    const config = defineConstant({ region: 'eu' }, 'version', 3);
    expect(config.version).toBe(3);
    expect(() => {
      (config as { version: number }).version = 4;
    }).toThrow(TypeError);
    expect(() => {
      delete (config as { version?: number }).version;
    }).toThrow(TypeError);
    expect(Object.keys(config)).toEqual(['region']);
  });

  it('defineHidden: usable by name, left out of keys, spread and JSON', () => {
    const user = defineHidden({ id: 7 }, 'cache', new Map([['a', 1]]));
    expect((user as { cache?: Map<string, number> }).cache?.get('a')).toBe(1);
    expect(JSON.stringify(user)).toBe('{"id":7}');
    expect(Object.keys({ ...user })).toEqual(['id']);
    expect(Object.getOwnPropertyNames(user)).toEqual(['id', 'cache']);
  });

  it('Object.freeze is the flags: every own property non-writable and non-configurable, no new ones', () => {
    const frozen = Object.freeze({ a: 1 });
    expect(describeOwn(frozen, 'a')).toEqual({
      kind: 'data',
      writable: false,
      enumerable: true,
      configurable: false,
    });
    expect(Object.isExtensible(frozen)).toBe(false);
  });
});

describe('Fahrenheit writes convert back exactly', () => {
  it('stores the Celsius equivalent of any Fahrenheit value, not only the freezing point', () => {
    const t = new Temperature(0);
    t.fahrenheit = 212;
    expect(t.celsius).toBe(100);
    t.fahrenheit = -40;
    expect(t.celsius).toBe(-40);
  });
});

describe('accessor summaries report each flag and half on its own', () => {
  it('describes an enumerable, non-configurable, setter-only accessor as it is', () => {
    const o = Object.defineProperty({}, 'sink', { set: () => {}, enumerable: true, configurable: false });
    expect(describeOwn(o, 'sink')).toEqual({
      kind: 'accessor',
      enumerable: true,
      configurable: false,
      hasGetter: false,
      hasSetter: true,
    });
    expect(flagString(describeOwn(o, 'sink'))).toBe('accessor(set) e-');
  });

  it('joins a getter and a setter with a slash', () => {
    const o = Object.defineProperty({}, 'both', { get: () => 1, set: () => {}, enumerable: true });
    expect(flagString(describeOwn(o, 'both'))).toBe('accessor(get/set) e-');
  });
});

describe('flagEffects compares the value after the write, whatever the value was', () => {
  it('counts a write that stores an empty string over an empty string as ok, not ignored', () => {
    // A writable property that already holds '' changes to 'changed': the write took effect.
    expect(flagEffects({ value: '', writable: true }).assign).toBe('ok');
  });

  it("counts a write of 'changed' over 'changed' as ok: the value is unchanged because it was already so", () => {
    expect(flagEffects({ value: 'changed', writable: true }).assign).toBe('ok');
  });

  it('refuses a redefinition with a different value even when the old value is empty', () => {
    // Redefining a non-configurable, non-writable property to the same value is allowed (SameValue), so the
    // probe must use a value the property cannot already hold.
    expect(flagEffects({ value: '' }).redefine).toBe('TypeError');
  });

  it('works for any key, not only the default one', () => {
    expect(flagEffects({ value: 1, enumerable: true }, 'custom')).toEqual({
      assign: 'TypeError',
      delete: 'TypeError',
      redefine: 'TypeError',
      listed: true,
    });
  });
});

describe('defineHidden keeps the property changeable', () => {
  it('is writable and deletable, only unlisted', () => {
    const o = defineHidden({}, 'cache', 1) as { cache?: number };
    o.cache = 2;
    expect(o.cache).toBe(2);
    delete o.cache;
    expect(Object.hasOwn(o, 'cache')).toBe(false);
    expect(describeOwn(defineHidden({}, 'k', 0), 'k')).toEqual({
      kind: 'data',
      writable: true,
      enumerable: false,
      configurable: true,
    });
  });
});
