import { beforeAll, describe, expect, it } from 'vitest';
import { pointsWithShapes, sumXMegamorphic, sumXMonomorphic, sumXPolymorphic } from '../src/access.ts';
import { type Build, bytesPerPoint, LAYOUTS, type Layout } from '../src/memory.ts';
import type { PointColumns, PointLike } from '../src/points.ts';

describe('pointsWithShapes', () => {
  it('cycles the extra field through as many names as shapes asked for', () => {
    const points = pointsWithShapes(3, 7);
    expect(points.map((p) => Object.keys(p).join(','))).toEqual([
      'x,y,tag0',
      'x,y,tag1',
      'x,y,tag2',
      'x,y,tag0',
      'x,y,tag1',
      'x,y,tag2',
      'x,y,tag0',
    ]);
    expect(points.map((p) => p.x)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
  });

  it('gives every point one shape when asked for one', () => {
    expect(pointsWithShapes(1, 3).map((p) => Object.keys(p).join(','))).toEqual([
      'x,y,tag0',
      'x,y,tag0',
      'x,y,tag0',
    ]);
  });

  it('refuses a shape count below one', () => {
    expect(() => pointsWithShapes(0, 1)).toThrow('shapes must be a positive integer');
    expect(() => pointsWithShapes(1.5, 1)).toThrow(RangeError);
  });

  it('the three sums agree: the shape changes speed, never the result', () => {
    const points = pointsWithShapes(8, 100);
    const expected = points.reduce((sum, p) => sum + p.x, 0);
    expect(sumXMonomorphic(points)).toBe(expected);
    expect(sumXPolymorphic(points)).toBe(expected);
    expect(sumXMegamorphic(points)).toBe(expected);
    expect(expected).toBe(5000);
  });
});

describe('LAYOUTS (the builders the memory figures come from)', () => {
  const xs = [0.5, 1.5, 2.5];
  const ys = [0.25, 2.25, 4.25];

  it('every object layout builds the same fractional points, in order', () => {
    for (const layout of ['class instance', 'object literal', 'dictionary-mode object'] as const) {
      const points = LAYOUTS[layout](3, () => {}) as PointLike[];
      expect(
        points.map((p) => [p.x, p.y]),
        layout,
      ).toEqual(xs.map((x, i) => [x, ys[i]]));
    }
    const maps = LAYOUTS['Map per point'](3, () => {}) as Map<string, number>[];
    expect(maps.map((m) => [m.get('x'), m.get('y')])).toEqual(xs.map((x, i) => [x, ys[i]]));
    const ints = LAYOUTS['class instance, integer coords'](3, () => {}) as PointLike[];
    expect(ints.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [1, 2],
      [2, 4],
    ]);
  });

  it('the columns layout fills two Float64Arrays with the same points', () => {
    const build: Build = LAYOUTS['Float64Array columns'];
    const columns = build(3, () => {}) as PointColumns;
    expect(columns.length).toBe(3);
    expect([...columns.xs]).toEqual(xs);
    expect([...columns.ys]).toEqual(ys);
  });

  it('lets the heap meter sample at the first point and every 16,384th', () => {
    let samples = 0;
    const points = LAYOUTS['object literal'](16_385, () => samples++) as PointLike[];
    expect(points).toHaveLength(16_385);
    expect(samples).toBe(2);
  });
});

describe('bytesPerPoint (retained heap plus typed-array bytes, per point)', () => {
  // Large enough that what the test runner allocates meanwhile (CI saw ~320 KB) stays under 2 bytes a point.
  const COUNT = 200_000;
  let measured: Record<Layout, number>;
  beforeAll(() => {
    measured = Object.fromEntries(
      (Object.keys(LAYOUTS) as Layout[]).map((layout) => [layout, bytesPerPoint(layout, COUNT)]),
    ) as Record<Layout, number>;
  });

  it('counts the Float64Array columns at 16 bytes a point, though they live outside the V8 heap', () => {
    expect(measured['Float64Array columns']).toBeGreaterThanOrEqual(16);
    expect(measured['Float64Array columns']).toBeLessThan(20);
  });

  it('orders the layouts: columns < class instance < Map < dictionary-mode object', () => {
    expect(measured['Float64Array columns']).toBeLessThan(measured['class instance']);
    expect(measured['class instance']).toBeLessThan(measured['Map per point']);
    expect(measured['Map per point']).toBeLessThan(measured['dictionary-mode object']);
  });

  it('small-integer fields are stored in place, fractional ones boxed: integers take less', () => {
    expect(measured['class instance, integer coords']).toBeLessThan(measured['class instance']);
  });
});
