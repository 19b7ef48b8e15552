import { describe, expect, it } from 'vitest';
import { groupBy, longest, Stack } from '../src/index.ts';

describe('Stack<T>', () => {
  it('is last in, first out, and iterates from the top', () => {
    const stack = new Stack<string>().push('a').push('b').push('c');
    expect(stack.size).toBe(3);
    expect([...stack]).toEqual(['c', 'b', 'a']);
    expect(stack.peek()).toBe('c');
    expect(stack.pop()).toBe('c');
    expect(stack.pop()).toBe('b');
    expect(stack.size).toBe(1);
  });

  it('pop on an empty stack throws; peek says undefined', () => {
    const stack = new Stack<number>();
    expect(stack.peek()).toBeUndefined();
    expect(() => stack.pop()).toThrow(new RangeError('pop from an empty stack'));
    stack.push(0);
    expect(stack.pop()).toBe(0);
    expect(() => stack.pop()).toThrow(RangeError);
  });

  it('keeps undefined as an item (pop does not confuse it with empty)', () => {
    const stack = new Stack<undefined>().push(undefined);
    expect(stack.pop()).toBeUndefined();
    expect(stack.size).toBe(0);
  });

  it('its items are private: no property to reach around the type', () => {
    expect(Object.keys(new Stack<number>().push(1))).toEqual([]);
  });
});

describe('constrained and inferred generics', () => {
  it('longest returns the first of the longest, or undefined for none', () => {
    expect(longest(['ab', 'cde', 'fgh', 'i'])).toBe('cde');
    expect(longest([[1], [1, 2]])).toEqual([1, 2]);
    expect(longest([])).toBeUndefined();
    expect(longest(['', ''])).toBe('');
  });

  it('groupBy keeps first-seen key order and item order', () => {
    const groups = groupBy(['apple', 'avocado', 'banana', 'apricot'], (s) => s[0]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')).toEqual(['apple', 'avocado', 'apricot']);
    expect(groups.get('b')).toEqual(['banana']);
  });
});
