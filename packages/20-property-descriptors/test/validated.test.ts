import { describe, expect, it } from 'vitest';
import { describeOwn } from '../src/descriptors.ts';
import { LegacyProduct, Product } from '../src/example-product.ts';
import { defineValidated, FieldValidationError, range, rangeCheck, validated } from '../src/validated.ts';

describe('@range / @validated accessor fields', () => {
  it('accepts values inside the range, bounds included', () => {
    const p = new Product('Widget', 9.99, 100);
    p.rating = 5;
    p.rating = 0;
    p.quantity = 10_000;
    expect([p.name, p.price, p.quantity, p.rating]).toEqual(['Widget', 9.99, 10_000, 0]);
  });

  it('refuses a bad assignment with a message naming class, field, rule and value, and keeps the old value', () => {
    const p = new Product('Widget', 9.99, 100);
    p.rating = 4;
    let caught: unknown;
    try {
      p.rating = 7;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FieldValidationError);
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as Error).message).toBe('Product.rating must be a number from 0 to 5, got 7');
    expect(caught).toMatchObject({
      owner: 'Product',
      field: 'rating',
      value: 7,
      name: 'FieldValidationError',
    });
    expect(p.rating).toBe(4);
  });

  it('refuses NaN, -0.1 and non-numbers, which a `value < min` test would let through', () => {
    const p = new Product('Widget', 1, 1);
    for (const bad of [Number.NaN, -0.1, 5.0001, '3' as unknown as number]) {
      expect(() => {
        p.rating = bad;
      }).toThrow(FieldValidationError);
    }
    expect(() => {
      p.rating = '3' as unknown as number;
    }).toThrow('Product.rating must be a number from 0 to 5, got "3"');
  });

  it('checks the constructor arguments: a bad product is never built', () => {
    expect(() => new Product('Widget', -5, 1)).toThrow(
      'Product.price must be a number from 0 to 9007199254740991, got -5',
    );
    expect(() => new Product('  ', 1, 1)).toThrow('Product.name must not be empty, got "  "');
    expect(() => new Product('Widget', 1, 10_001)).toThrow(
      'Product.quantity must be a number from 0 to 10000, got 10001',
    );
  });

  it('checks an initializer when each instance is built', () => {
    class Bad {
      @range(1, 5) accessor stars = 0;
    }
    expect(() => new Bad()).toThrow('Bad.stars must be a number from 1 to 5, got 0');
  });

  it('reports the subclass name of the instance being written', () => {
    class Discounted extends Product {}
    const d = new Discounted('Widget', 1, 1);
    expect(() => {
      d.rating = 9;
    }).toThrow('Discounted.rating must be a number from 0 to 5, got 9');
  });

  it('keeps each instance its own value (the storage is per instance, not per decorator)', () => {
    const a = new Product('A', 1, 1);
    const b = new Product('B', 2, 2);
    a.rating = 1;
    b.rating = 5;
    expect([a.rating, b.rating]).toEqual([1, 5]);
  });

  it('stores nothing enumerable: JSON and Object.keys see no accessor fields', () => {
    const p = new Product('Widget', 1, 1);
    expect(Object.keys(p)).toEqual([]);
    expect(JSON.stringify(p)).toBe('{}');
    expect(Object.getOwnPropertyDescriptor(Product.prototype, 'rating')?.set).toBeTypeOf('function');
  });

  it('names a symbol key in brackets and formats bigint values', () => {
    const key = Symbol('secret');
    class Vault {
      @validated((v: bigint) => (v > 0n ? undefined : 'must be positive')) accessor [key] = 1n;
    }
    const v = new Vault();
    expect(() => {
      v[key] = 0n;
    }).toThrow('Vault.[secret] must be positive, got 0n');
  });

  it('refuses an empty range when the decorator is made, and decorating a non-accessor at run time', () => {
    expect(() => rangeCheck(5, 0)).toThrow('range: min (5) must be <= max (0)');
    expect(rangeCheck(2, 2)(2)).toBeUndefined();
    const decorate = range(0, 1) as unknown as (
      value: unknown,
      context: { kind: string; name: string },
    ) => unknown;
    expect(() => decorate(() => 0, { kind: 'method', name: 'm' })).toThrow(
      '@validated decorates accessor fields, not methods',
    );
  });
});

describe('defineValidated (the same rule without decorators)', () => {
  it('validates on the prototype and keeps values per instance', () => {
    const a = new LegacyProduct();
    const b = new LegacyProduct();
    expect(a.rating).toBe(0);
    a.rating = 3;
    expect([a.rating, b.rating]).toEqual([3, 0]);
    expect(() => {
      b.rating = 6;
    }).toThrow('LegacyProduct.rating must be a number from 0 to 5, got 6');
    expect(Object.keys(a)).toEqual([]);
  });

  it('admits both ends of 0..5 and refuses just outside them', () => {
    const p = new LegacyProduct();
    p.rating = 0;
    expect(p.rating).toBe(0);
    p.rating = 5;
    expect(p.rating).toBe(5);
    expect(() => {
      p.rating = -0.5;
    }).toThrow('got -0.5');
    expect(() => {
      p.rating = 5.5;
    }).toThrow('got 5.5');
    expect(p.rating).toBe(5);
  });
});

describe('error messages when the owner or the key has no name', () => {
  it('names a symbol key without a description as empty brackets', () => {
    const key = Symbol();
    class Vault {
      @range(0, 1) accessor [key] = 0;
    }
    const v = new Vault();
    expect(() => {
      v[key] = 2;
    }).toThrow('Vault.[] must be a number from 0 to 1, got 2');
  });

  it("calls the owner 'object' when the setter runs on something with no constructor, or on nothing", () => {
    const proto = {};
    defineValidated(proto, 'level', rangeCheck(0, 1), 0);
    const set = Object.getOwnPropertyDescriptor(proto, 'level')?.set;
    if (!set) throw new Error('defineValidated installed no setter');
    // Like a class's own accessors: unlisted, and replaceable (a subclass or a test can redefine it).
    expect(describeOwn(proto, 'level')).toEqual({
      kind: 'accessor',
      enumerable: false,
      configurable: true,
      hasGetter: true,
      hasSetter: true,
    });
    // A null-prototype receiver has no constructor at all; an unbound call (strict code) has no receiver.
    expect(() => set.call(Object.create(null), 2)).toThrow(
      'object.level must be a number from 0 to 1, got 2',
    );
    expect(() => set.call(undefined, 2)).toThrow(FieldValidationError);
    expect(() => set.call(undefined, 2)).toThrow('object.level must be a number from 0 to 1, got 2');
  });
});
