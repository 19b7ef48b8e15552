import { describe, expect, it } from 'vitest';
import { deepFreeze, Point, replace, replaceInstance, tryWrite, valueEquals } from '../src/index.ts';

describe('valueEquals', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    [Number.NaN, Number.NaN, true],
    [0, -0, false],
    ['a', 'a', true],
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: 1, b: undefined }, { a: 1, c: undefined }, false],
    [[1, 2], [1, 2, 3], false],
    [[1, [2, 3]], [1, [2, 3]], true],
    [[1, [2, 3]], [1, [2, 4]], false],
    [new Date(5), new Date(5), true],
    [new Date(5), new Date(6), false],
    [new Point(1, 2), new Point(1, 2), true],
    [new Point(1, 2), { x: 1, y: 2, label: '' }, false],
    [{ a: 1 }, null, false],
    [null, null, true],
    [[], {}, false],
  ])('valueEquals(%o, %o) = %s', (a, b, expected) => {
    expect(valueEquals(a, b)).toBe(expected);
    expect(valueEquals(b, a)).toBe(expected);
  });
});

describe('freeze', () => {
  it('Object.freeze is shallow: nested data stays writable', () => {
    const order = Object.freeze({ id: 1, lines: [{ sku: 'a', qty: 1 }] });
    expect(tryWrite(() => Object.assign(order, { id: 2 }))).toMatch(/^TypeError/);
    order.lines[0]!.qty = 99;
    order.lines.push({ sku: 'b', qty: 1 });
    expect(order.lines.map((l) => l.qty)).toEqual([99, 1]);
  });

  it('deepFreeze freezes every level and returns the same object', () => {
    const data = { id: 1, lines: [{ sku: 'a', qty: 1 }], meta: { tags: ['x'] } };
    const frozen = deepFreeze(data);
    expect(frozen).toBe(data);
    expect([data, data.lines, data.lines[0], data.meta, data.meta.tags].every(Object.isFrozen)).toBe(true);
    expect(tryWrite(() => data.lines.push({ sku: 'b', qty: 1 }))).toMatch(
      /^TypeError: Cannot add property 1/,
    );
    expect(tryWrite(() => Object.assign(data.lines[0]!, { qty: 2 }))).toMatch(/^TypeError/);
    expect(data.lines).toHaveLength(1);
  });

  it('deepFreeze handles cycles and primitives', () => {
    const node: { self?: unknown; n: number } = { n: 1 };
    node.self = node;
    expect(Object.isFrozen(deepFreeze(node))).toBe(true);
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBe(null);
  });
});

describe('replace for plain records', () => {
  it('returns a new frozen record with the changes; the base is untouched', () => {
    const base: Readonly<{ host: string; port: number; tls: boolean }> = Object.freeze({
      host: 'db',
      port: 5432,
      tls: false,
    });
    const next = replace(base, { port: 6432 });
    expect(next).toEqual({ host: 'db', port: 6432, tls: false });
    expect(next).not.toBe(base);
    expect(base.port).toBe(5432);
    expect(Object.isFrozen(next)).toBe(true);
  });

  it('shares nested values with the base (one level, as dataclasses.replace does)', () => {
    const base = { name: 'a', tags: ['x'] };
    expect(replace(base, { name: 'b' }).tags).toBe(base.tags);
  });
});

describe('replaceInstance skips the constructor', () => {
  it('keeps class and frozenness, and lets through a value the constructor refuses', () => {
    const p = new Point(1, 2);
    const bad = replaceInstance(p, { x: Number.NaN });
    expect(bad).toBeInstanceOf(Point);
    expect(Object.isFrozen(bad)).toBe(true);
    expect(bad.x).toBeNaN();
    expect(() => p.with({ x: Number.NaN })).toThrow(RangeError);
  });

  it('an unfrozen instance gives an unfrozen copy', () => {
    class Box {
      constructor(public size: number) {}
    }
    const copy = replaceInstance(new Box(1), { size: 2 });
    expect(copy).toBeInstanceOf(Box);
    expect(copy.size).toBe(2);
    expect(Object.isFrozen(copy)).toBe(false);
  });
});
