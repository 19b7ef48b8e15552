import { describe, expect, it } from 'vitest';
import { LruCache } from '../src/lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used key, and get counts as use', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (key) => evicted.push(key));
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.get('b')).toBeUndefined();
  });

  it('peek and has do not refresh a key', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (key) => evicted.push(key));
    cache.set('a', 1).set('b', 2);
    expect(cache.peek('a')).toBe(1);
    expect(cache.has('a')).toBe(true);
    cache.set('c', 3);
    expect(evicted).toEqual(['a']);
  });

  it('setting an existing key refreshes it and replaces the value without evicting', () => {
    const evicted: Array<[string, number]> = [];
    const cache = new LruCache<string, number>(2, (key, value) => evicted.push([key, value]));
    cache.set('a', 1).set('b', 2).set('a', 10);
    expect(evicted).toEqual([]);
    expect(cache.keys()).toEqual(['b', 'a']);
    cache.set('c', 3);
    expect(evicted).toEqual([['b', 2]]);
    expect(cache.get('a')).toBe(10);
    expect(cache.size).toBe(2);
  });

  it('keeps a stored undefined distinct from a miss for ordering', () => {
    const cache = new LruCache<string, undefined | number>(2);
    cache.set('u', undefined).set('v', 1);
    expect(cache.get('u')).toBeUndefined();
    expect(cache.keys()).toEqual(['v', 'u']);
  });

  it('delete removes a key and frees its slot', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (key) => evicted.push(key));
    cache.set('a', 1).set('b', 2);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    cache.set('c', 3);
    expect(evicted).toEqual([]);
    expect(cache.keys()).toEqual(['b', 'c']);
  });

  it('evicts exactly one per insert over capacity under a long sequence', () => {
    let evictions = 0;
    const cache = new LruCache<number, number>(100, () => evictions++);
    for (let i = 0; i < 1_000; i++) cache.set(i % 250, i);
    expect(cache.size).toBe(100);
    expect(evictions).toBe(900);
    expect(cache.keys()).toEqual(Array.from({ length: 100 }, (_, i) => 150 + i));
  });

  it('a miss changes nothing, and a cache without onEvict still evicts', () => {
    const cache = new LruCache<string, number>(1);
    expect(cache.get('missing')).toBeUndefined();
    expect(cache.has('missing')).toBe(false);
    expect(cache.size).toBe(0);
    cache.set('a', 1).set('b', 2);
    expect(cache.keys()).toEqual(['b']);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(/positive integer/);
  });
});
