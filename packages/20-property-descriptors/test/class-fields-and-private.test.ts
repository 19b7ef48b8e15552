import { describe, expect, it } from 'vitest';
import {
  AssignsInConstructor,
  Audited,
  FieldShadows,
  Rated,
  RatedWithDefault,
  RatedWithDefinite,
} from '../src/class-fields.ts';
import { describeOwn } from '../src/descriptors.ts';
import { readThroughProxy, TsPrivateWallet, visibleState, Wallet } from '../src/private-fields.ts';

describe('class fields are defined, not assigned', () => {
  it("a subclass field shadows the parent's setter: the setter never runs", () => {
    const o = new FieldShadows();
    expect(o.writes).toEqual([]);
    expect(describeOwn(o, 'label')).toEqual({
      kind: 'data',
      writable: true,
      enumerable: true,
      configurable: true,
    });
    o.label = 'later';
    expect(o.writes).toEqual([]);
  });

  it('assigning in the constructor calls the setter', () => {
    const o = new AssignsInConstructor();
    expect(o.writes).toEqual(['set in the constructor']);
    expect(Object.hasOwn(o, 'label')).toBe(false);
  });

  it('`declare` emits no field, so the validated accessor on the prototype stays in charge', () => {
    const r = new Rated();
    expect(r.rating).toBe(0);
    expect(() => {
      r.rating = 9;
    }).toThrow('Rated.rating must be a number from 0 to 5, got 9');
    expect(Object.keys(r)).toEqual([]);
  });

  it('a subclass field default bypasses the validation silently, now and later', () => {
    const r = new RatedWithDefault();
    expect(r.rating).toBe(9);
    r.rating = 42;
    expect(r.rating).toBe(42);
    expect(describeOwn(r, 'rating')?.kind).toBe('data');
  });

  it('`rating!: number` defines an undefined own field that hides the accessor', () => {
    const r = new RatedWithDefinite();
    expect(r.rating).toBeUndefined();
    r.rating = 9;
    expect(r.rating).toBe(9);
  });
});

describe('private #fields', () => {
  it('are invisible to reflection and JSON, unlike TypeScript private', () => {
    expect(visibleState(new Wallet(100))).toEqual({ keys: [], json: '{}' });
    expect(visibleState(new TsPrivateWallet(100))).toEqual({ keys: ['cents'], json: '{"cents":100}' });
    expect((new TsPrivateWallet(100) as unknown as { cents: number }).cents).toBe(100);
  });

  it('brand-check with `#field in obj`: a look-alike object is not a Wallet', () => {
    expect(Wallet.isWallet(new Wallet(1))).toBe(true);
    expect(Wallet.isWallet({ cents: 1 })).toBe(false);
    expect(Wallet.isWallet(Object.create(Wallet.prototype))).toBe(false);
    expect(Wallet.isWallet(null)).toBe(false);
    expect(Wallet.isWallet(5)).toBe(false);
  });

  it('guard their invariant through methods only', () => {
    const w = new Wallet(100);
    w.pay(30);
    expect(w.cents).toBe(70);
    expect(() => w.pay(71)).toThrow('Wallet.pay: 71 exceeds the balance of 70');
    expect(w.cents).toBe(70);
  });

  it('break behind a transparent Proxy, unless reads are forwarded to the target', () => {
    const w = new Wallet(42);
    expect(() => readThroughProxy(w, false)).toThrow(/Cannot read private member #cents/);
    expect(readThroughProxy(w, true)).toBe(42);
  });

  it('are not copied by a spread or structuredClone', () => {
    const w = new Wallet(5);
    expect({ ...w }).toEqual({});
    expect(Wallet.isWallet(structuredClone(w))).toBe(false);
  });
});

describe('the classes behind the field examples read back what they hold', () => {
  it('Audited starts with an empty label, and its getter returns what the setter stored', () => {
    const a = new Audited();
    expect(a.label).toBe('');
    a.label = 'x';
    expect(a.label).toBe('x');
    expect(new AssignsInConstructor().label).toBe('set in the constructor');
  });

  it("FieldShadows' own field holds the field's initializer", () => {
    expect(new FieldShadows().label).toBe('set by a field');
  });

  it('a Wallet can pay its whole balance, and TypeScript private still reads through a method', () => {
    const w = new Wallet(50);
    w.pay(50);
    expect(w.cents).toBe(0);
    expect(new TsPrivateWallet(7).balance()).toBe(7);
  });
});
