import { describe, expect, it } from 'vitest';
import { Deque } from '../src/deque.ts';

describe('Deque', () => {
  it('pushes and pops at both ends in order', () => {
    const d = new Deque<number>([1, 2, 3]);
    expect(d.unshift(0)).toBe(4);
    expect(d.push(4)).toBe(5);
    expect(d.toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(d.shift()).toBe(0);
    expect(d.pop()).toBe(4);
    expect([...d]).toEqual([1, 2, 3]);
    expect(d.length).toBe(3);
  });

  it('returns undefined from empty pops and peeks instead of throwing, and stays usable', () => {
    const d = new Deque<string>();
    expect(d.pop()).toBeUndefined();
    expect(d.shift()).toBeUndefined();
    expect(d.peekFront()).toBeUndefined();
    expect(d.peekBack()).toBeUndefined();
    expect(d.length).toBe(0);
    d.push('a');
    expect(d.shift()).toBe('a');
    expect(d.shift()).toBeUndefined();
    expect(d.length).toBe(0);
    d.unshift('b');
    expect(d.pop()).toBe('b');
    expect(d.length).toBe(0);
  });

  it('keeps FIFO order across the wrap-around and through several growths', () => {
    const d = new Deque<number>();
    const expected: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the head walks round the ring before the buffer has to grow.
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < 3; i++) {
        d.push(next);
        expected.push(next++);
      }
      expect(d.shift()).toBe(expected.shift());
    }
    expect(d.length).toBe(400);
    expect(d.toArray()).toEqual(expected);
  });

  it('grows correctly when items were added at the front (head wrapped below zero)', () => {
    const d = new Deque<number>();
    for (let i = 0; i < 40; i++) d.unshift(i);
    expect(d.toArray()).toEqual(Array.from({ length: 40 }, (_, i) => 39 - i));
    expect(d.peekFront()).toBe(39);
    expect(d.peekBack()).toBe(0);
  });

  it('reads any position with at(), negative from the back, undefined outside', () => {
    const d = new Deque<string>(['a', 'b', 'c']);
    d.unshift('z');
    expect([d.at(0), d.at(1), d.at(3), d.at(-1), d.at(-4)]).toEqual(['z', 'a', 'c', 'c', 'z']);
    expect(d.at(4)).toBeUndefined();
    expect(d.at(-5)).toBeUndefined();
    expect(d.at(1.7)).toBe('a');
  });

  it('at() stays inside the items when the buffer is exactly full', () => {
    // 16 items fill the initial buffer, so every slot holds an item and an off-by-one would find one.
    const d = new Deque<number>(Array.from({ length: 16 }, (_, i) => i));
    expect([d.at(15), d.at(-16)]).toEqual([15, 0]);
    expect(d.at(16)).toBeUndefined();
    expect(d.at(-17)).toBeUndefined();
  });

  it('with maxLength, push evicts the front and unshift evicts the back', () => {
    const d = new Deque<number>([1, 2, 3, 4, 5], { maxLength: 3 });
    expect(d.toArray()).toEqual([3, 4, 5]);
    expect(d.push(6)).toBe(3);
    expect(d.toArray()).toEqual([4, 5, 6]);
    expect(d.unshift(0)).toBe(3);
    expect(d.toArray()).toEqual([0, 4, 5]);
    expect(d.maxLength).toBe(3);
  });

  it('with maxLength 0 keeps nothing, as Python does', () => {
    const d = new Deque<number>([1, 2], { maxLength: 0 });
    expect(d.push(3)).toBe(0);
    expect(d.unshift(4)).toBe(0);
    expect(d.length).toBe(0);
    expect(d.toArray()).toEqual([]);
    expect(d.maxLength).toBe(0);
  });

  it('refuses a negative or fractional maxLength', () => {
    expect(() => new Deque([], { maxLength: -1 })).toThrow(RangeError);
    expect(() => new Deque([], { maxLength: 2.5 })).toThrow(/non-negative integer/);
    expect(() => new Deque([], { maxLength: Number.NaN })).toThrow(RangeError);
    expect(new Deque([1]).maxLength).toBe(Number.POSITIVE_INFINITY);
  });

  it('clear() empties it and it grows again from scratch', () => {
    const d = new Deque<number>(Array.from({ length: 50 }, (_, i) => i));
    d.clear();
    expect(d.length).toBe(0);
    expect(d.shift()).toBeUndefined();
    for (let i = 0; i < 20; i++) d.push(i);
    expect(d.toArray()).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('behaves like an array used as a double-ended queue under a long random sequence', () => {
    const d = new Deque<number>();
    const model: number[] = [];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let step = 0; step < 5_000; step++) {
      const op = Math.floor(random() * 4);
      if (op === 0) expect(d.push(step)).toBe(model.push(step));
      else if (op === 1) expect(d.unshift(step)).toBe(model.unshift(step));
      else if (op === 2) expect(d.pop()).toBe(model.pop());
      else expect(d.shift()).toBe(model.shift());
      expect(d.length).toBe(model.length);
      expect(d.peekFront()).toBe(model[0]);
      expect(d.peekBack()).toBe(model.at(-1));
    }
    expect(d.toArray()).toEqual(model);
  });
});
