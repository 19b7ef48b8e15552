import { describe, expect, it } from 'vitest';
import { dictionaryPoint, Point, PointColumns, pointLiteral, pointMap, SealedPoint } from '../src/points.ts';

describe('the five layouts hold the same point', () => {
  it('class, literal, dictionary-mode object and Map all read back x and y', () => {
    const p = new Point(1.5, 2.5);
    expect([p.x, p.y]).toEqual([1.5, 2.5]);
    expect(pointLiteral(1.5, 2.5)).toEqual({ x: 1.5, y: 2.5 });
    expect(pointMap(1.5, 2.5).get('y')).toBe(2.5);
    expect([...pointMap(1.5, 2.5).keys()]).toEqual(['x', 'y']);
  });

  it('the dictionary-mode point has exactly x and y left, in that order', () => {
    const point = dictionaryPoint(1.5, 2.5);
    expect(Object.keys(point)).toEqual(['x', 'y']);
    expect('id' in point).toBe(false);
  });
});

describe('PointColumns (struct of arrays)', () => {
  it('stores points by index in two Float64Arrays', () => {
    const columns = new PointColumns(3);
    expect(columns.push(1.5, 10)).toBe(0);
    expect(columns.push(2.5, 20)).toBe(1);
    expect(columns.length).toBe(2);
    expect(columns.at(1)).toEqual({ x: 2.5, y: 20 });
    expect(columns.sumX()).toBe(4);
    expect([...columns.xs]).toEqual([1.5, 2.5, 0]);
    expect(columns.xs.byteLength + columns.ys.byteLength).toBe(3 * 16);
  });

  it('answers undefined outside the filled range', () => {
    const columns = new PointColumns(2);
    columns.push(1, 1);
    expect(columns.at(-1)).toBeUndefined();
    expect(columns.at(1)).toBeUndefined();
    expect(columns.at(0.5)).toBeUndefined();
    expect(columns.at(0)).toEqual({ x: 1, y: 1 });
  });

  it('refuses a point past its capacity', () => {
    const columns = new PointColumns(1);
    columns.push(1, 1);
    expect(() => columns.push(2, 2)).toThrow(new RangeError('PointColumns is full (1 points)'));
    expect(columns.sumX()).toBe(1);
    expect(columns.length).toBe(1);
  });
});

describe('SealedPoint (the refusing half of __slots__)', () => {
  it('refuses a new field, a delete, and a subclass field; allows writes to declared ones', () => {
    const point = new SealedPoint(1, 2);
    expect(() => Object.assign(point, { z: 3 })).toThrow(/not extensible/);
    expect(Reflect.deleteProperty(point, 'x')).toBe(false);
    class Point3 extends SealedPoint {
      z = 0;
    }
    expect(() => new Point3(1, 2)).toThrow(TypeError);
    point.x = 5;
    expect(point).toEqual({ x: 5, y: 2 });
    expect(Object.isSealed(point)).toBe(true);
  });
});
