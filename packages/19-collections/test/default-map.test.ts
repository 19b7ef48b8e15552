import { describe, expect, it } from 'vitest';
import { DefaultMap, groupBy } from '../src/default-map.ts';

describe('DefaultMap', () => {
  it('creates a missing value on get, once, and stores it', () => {
    let made = 0;
    const m = new DefaultMap<string, string[]>(() => {
      made++;
      return [];
    });
    m.get('a').push('apple');
    m.get('a').push('avocado');
    m.get('b').push('banana');
    expect(made).toBe(2);
    expect([...m]).toEqual([
      ['a', ['apple', 'avocado']],
      ['b', ['banana']],
    ]);
  });

  it('has and peek do not create entries; get does', () => {
    const m = new DefaultMap<string, number>(() => 0);
    expect(m.has('x')).toBe(false);
    expect(m.peek('x')).toBeUndefined();
    expect(m.size).toBe(0);
    expect(m.get('x')).toBe(0);
    expect(m.size).toBe(1);
    expect(m.peek('x')).toBe(0);
  });

  it('passes the key to the factory, and treats stored falsy values as present', () => {
    const calls: string[] = [];
    const m = new DefaultMap<string, number | undefined>(
      (key) => {
        calls.push(key);
        return key.length;
      },
      [['empty', undefined]],
    );
    expect(m.get('empty')).toBeUndefined();
    expect(m.get('four')).toBe(4);
    m.set('zero', 0);
    expect(m.get('zero')).toBe(0);
    expect(calls).toEqual(['four']);
  });

  it('update starts from the factory value for a missing key', () => {
    const counts = new DefaultMap<string, number>(() => 0);
    for (const w of ['a', 'b', 'a']) counts.update(w, (n) => n + 1);
    expect([...counts]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('is still a Map for code that expects one', () => {
    const m = new DefaultMap<string, number>(() => 1);
    expect(m).toBeInstanceOf(Map);
    expect(m.get('k')).toBe(1);
    expect(m.delete('k')).toBe(true);
    expect(m.size).toBe(0);
  });
});

describe('groupBy', () => {
  it('groups in input order, groups in first-appearance order', () => {
    const groups = groupBy(['banana', 'apple', 'blueberry', 'cherry', 'avocado'], (w) => w[0]);
    expect([...groups]).toEqual([
      ['b', ['banana', 'blueberry']],
      ['a', ['apple', 'avocado']],
      ['c', ['cherry']],
    ]);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
