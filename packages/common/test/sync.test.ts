import { describe, expect, it } from 'vitest';
import { barrier, deferred } from '../src/sync.ts';

describe('deferred', () => {
  it('settles from outside, once', async () => {
    const d = deferred<number>();
    d.resolve(1);
    d.resolve(2);
    expect(await d.promise).toBe(1);
    const failing = deferred();
    failing.reject(new Error('no'));
    await expect(failing.promise).rejects.toThrow('no');
  });
});

describe('barrier', () => {
  it('holds every caller until the last of them arrives', async () => {
    const wait = barrier(3);
    const passed: number[] = [];
    const first = wait().then(() => passed.push(1));
    const second = wait().then(() => passed.push(2));
    await Promise.resolve();
    await Promise.resolve();
    expect(passed).toEqual([]);
    await wait().then(() => passed.push(3));
    await Promise.all([first, second]);
    expect(passed.sort()).toEqual([1, 2, 3]);
  });

  it('lets a single party straight through and refuses nonsense', async () => {
    await barrier(1)();
    expect(() => barrier(0)).toThrow(RangeError);
    expect(() => barrier(1.5)).toThrow(RangeError);
  });
});
