import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Point, tryWrite, uniqueBy } from '../src/index.ts';

describe('Point: equality', () => {
  it('equal fields are equal values, but not the same object', () => {
    const a = new Point(1, 2, 'a');
    const b = new Point(1, 2, 'a');
    expect(a.equals(b)).toBe(true);
    expect(b.equals(a)).toBe(true);
    expect(a === b).toBe(false);
  });

  it.each([
    [new Point(1, 2, 'b'), 'label'],
    [new Point(9, 2, 'a'), 'x'],
    [new Point(1, 9, 'a'), 'y'],
  ])('any field that differs makes them unequal (%s, %s)', (other) => {
    expect(new Point(1, 2, 'a').equals(other)).toBe(false);
  });

  it('a plain object with the same fields, or a subclass instance, is not equal (same class required)', () => {
    class Point3 extends Point {
      constructor(
        x: number,
        y: number,
        readonly z: number,
      ) {
        super(x, y);
      }
    }
    const p = new Point(1, 2);
    expect(p.equals({ x: 1, y: 2, label: '' })).toBe(false);
    expect(p.equals(new Point3(1, 2, 3))).toBe(false);
    expect(new Point3(1, 2, 3).equals(p)).toBe(false);
    expect(p.equals(null)).toBe(false);
  });

  it('0 and -0 are equal, as in Python, and share a key (equal values must have equal keys)', () => {
    expect(new Point(0, 0).equals(new Point(-0, 0))).toBe(true);
    expect(new Point(0, 0).key).toBe(new Point(-0, 0).key);
  });

  it('Set and Map compare by identity; key makes equal points one entry', () => {
    const points = [new Point(1, 2), new Point(1, 2), new Point(3, 4)];
    expect(new Set(points).size).toBe(3);
    expect(new Set(points.map((p) => p.key)).size).toBe(2);
    const unique = uniqueBy(points, (p) => p.key);
    expect(unique).toHaveLength(2);
    expect(unique[0]).toBe(points[0]);
    expect(unique[1]).toBe(points[2]);
  });

  it('key tells apart labels that would collide in a naive join', () => {
    expect(new Point(1, 2, 'a,b').key).not.toBe(new Point(1, 2, 'a').key);
    expect(new Point(1, 2, 'a').key).toBe('[1,2,"a"]');
  });
});

describe('Point: immutability at run time', () => {
  it('is frozen, and a write throws in strict mode (every ES module)', () => {
    const p = new Point(1, 2);
    expect(Object.isFrozen(p)).toBe(true);
    expect(tryWrite(() => Object.assign(p, { x: 5 }))).toMatch(
      /^TypeError: Cannot assign to read only property 'x'/,
    );
    expect(tryWrite(() => Object.assign(p, { z: 5 }))).toMatch(/^TypeError: Cannot add property z/);
    expect(p.x).toBe(1);
  });

  it('a subclass is not frozen by the base constructor, so it can still set its own fields', () => {
    class Tagged extends Point {
      readonly tag: string;
      constructor(x: number, y: number, tag: string) {
        super(x, y);
        this.tag = tag;
      }
    }
    const t = new Tagged(1, 2, 'hot');
    expect(t.tag).toBe('hot');
    expect(Object.isFrozen(t)).toBe(false);
  });

  it('refuses non-finite coordinates', () => {
    expect(() => new Point(Number.NaN, 0)).toThrow(
      new RangeError('Point needs finite coordinates; got (NaN, 0)'),
    );
    expect(() => new Point(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('Point: replace, order, repr', () => {
  it('with() returns a new frozen Point with the changes and leaves the original alone', () => {
    const p = new Point(1, 2, 'a');
    const q = p.with({ y: 5 });
    expect(q).toBeInstanceOf(Point);
    expect([q.x, q.y, q.label]).toEqual([1, 5, 'a']);
    expect([p.x, p.y, p.label]).toEqual([1, 2, 'a']);
    expect(Object.isFrozen(q)).toBe(true);
    expect(p.with({ x: 0, label: '' }).equals(new Point(0, 2))).toBe(true);
    expect(p.with({}).equals(p)).toBe(true);
  });

  it('with() goes through the constructor, so its checks run', () => {
    expect(() => new Point(1, 2).with({ x: Number.NaN })).toThrow(RangeError);
  });

  it('compare orders like the tuple (x, y, label)', () => {
    const points = [new Point(2, 1), new Point(1, 3, 'b'), new Point(1, 3, 'a'), new Point(1, 2)];
    expect(points.sort(Point.compare).map(String)).toEqual([
      'Point(x=1, y=2, label="")',
      'Point(x=1, y=3, label="a")',
      'Point(x=1, y=3, label="b")',
      'Point(x=2, y=1, label="")',
    ]);
    expect(Point.compare(new Point(1, 1, 'a'), new Point(1, 1, 'a'))).toBe(0);
  });

  it('prints like a dataclass repr in console.log and template strings', () => {
    const p = new Point(1.5, -2, 'a"b');
    expect(inspect(p)).toBe('Point(x=1.5, y=-2, label="a\\"b")');
    expect(`${p}`).toBe(inspect(p));
    expect(inspect({ at: p })).toBe('{ at: Point(x=1.5, y=-2, label="a\\"b") }');
  });
});
