import { describe, expect, it } from 'vitest';
import { deepClone } from '../src/clone.ts';
import { sharedReferences } from '../src/inspect.ts';

const grid = () => [
  [1, 2, 3],
  [4, 5, 6],
];

describe('three levels of copying', () => {
  it('assignment: one object, two names', () => {
    const original = grid();
    const assigned = original;
    (assigned[0] as number[])[0] = 99;
    expect(original[0]?.[0]).toBe(99);
    expect(sharedReferences(original, assigned)).toEqual(['$', '$[0]', '$[1]']);
  });

  it('shallow copy: a new outer array, the same inner arrays', () => {
    const original = grid();
    const shallow = [...original];
    shallow.push([7, 8]);
    (shallow[0] as number[])[0] = 99;
    expect(original).toHaveLength(2);
    expect(original[0]?.[0]).toBe(99);
    expect(sharedReferences(original, shallow)).toEqual(['$[0]', '$[1]']);
  });

  it('deep copy: nothing shared, changes stay on their side', () => {
    const original = grid();
    const deep = deepClone(original);
    (deep[0] as number[])[0] = 99;
    expect(original[0]?.[0]).toBe(1);
    expect(sharedReferences(original, deep)).toEqual([]);
  });

  it('a shallow copy is enough when the inner values are primitives', () => {
    const original = [1, 2, 3];
    const copy = original.slice();
    copy[0] = 99;
    expect(original).toEqual([1, 2, 3]);
    expect(sharedReferences(original, copy)).toEqual([]);
  });
});
