import { describe, expect, it } from 'vitest';
import {
  addTodo,
  byTitle,
  removeTodo,
  setBySpread,
  setInPlace,
  setWith,
  type Todo,
  toggleTodo,
} from '../src/updates.ts';

const todos = (): readonly Todo[] =>
  Object.freeze([
    { title: 'write tests', done: false },
    { title: 'benchmark', done: true },
  ]);

describe('immutable updates leave the input alone', () => {
  it('addTodo, toggleTodo, removeTodo and byTitle return new arrays (the input is frozen)', () => {
    const list = todos();
    expect(addTodo(list, { title: 'ship', done: false })).toHaveLength(3);
    expect(toggleTodo(list, 0)[0]).toEqual({ title: 'write tests', done: true });
    expect(removeTodo(list, 0)).toEqual([{ title: 'benchmark', done: true }]);
    expect(byTitle(list).map((t) => t.title)).toEqual(['benchmark', 'write tests']);
    expect(list).toEqual(todos());
  });

  it('toggleTodo shares the untouched items with the input (structural sharing)', () => {
    const list = todos();
    const next = toggleTodo(list, 0);
    expect(next[1]).toBe(list[1]);
    expect(next[0]).not.toBe(list[0]);
  });

  it('rejects an index that does not exist', () => {
    expect(() => toggleTodo(todos(), 5)).toThrow(RangeError);
    expect(() => removeTodo(todos(), -1)).toThrow(/no todo at index -1/);
  });

  it('sort() reorders the caller’s array; toSorted() does not', () => {
    const values = [3, 1, 2];
    const sorted = values.toSorted();
    expect(values).toEqual([3, 1, 2]);
    values.sort();
    expect(values).toEqual([1, 2, 3]);
    expect(sorted).toEqual([1, 2, 3]);
  });

  it('toReversed and toSpliced have mutating twins that change the input', () => {
    const values = [1, 2, 3];
    expect(values.toReversed()).toEqual([3, 2, 1]);
    expect(values.toSpliced(0, 1, 9)).toEqual([9, 2, 3]);
    expect(values).toEqual([1, 2, 3]);
  });
});

describe('one slot: in place vs copy-on-write', () => {
  it('setInPlace changes the array every holder sees', () => {
    const values = [1, 2, 3];
    const alias = values;
    expect(setInPlace(values, 1, 9)).toBe(values);
    expect(alias).toEqual([1, 9, 3]);
  });

  it('setWith and setBySpread give a new array and keep the original', () => {
    const values = Object.freeze([1, 2, 3]);
    expect(setWith(values, 1, 9)).toEqual([1, 9, 3]);
    expect(setBySpread(values, 1, 9)).toEqual([1, 9, 3]);
    expect(values).toEqual([1, 2, 3]);
  });

  it('an in-place write past the end silently grows a sparse array; with() throws', () => {
    const values = [1, 2, 3];
    setInPlace(values, 5, 6);
    expect(values).toHaveLength(6);
    expect(3 in values).toBe(false);
    expect(() => setWith([1, 2, 3], 5, 6)).toThrow(RangeError);
  });

  it('with() accepts a negative index from the end', () => {
    expect(setWith([1, 2, 3], -1, 9)).toEqual([1, 2, 9]);
  });
});
