import { describe, expect, it } from 'vitest';
import { lazy, whenBodiesRun } from '../src/eager.ts';

describe('when does the body of an async function run?', () => {
  it('an async function runs up to its first await during the call; a lazy one only once awaited', async () => {
    expect(await whenBodiesRun()).toEqual([
      'async function: body starts',
      'async function: call returned',
      'lazy: call returned',
      'async function: body resumes after await',
      'lazy: body starts',
      'lazy: body resumes after await',
      'both awaited',
    ]);
  });

  it('lazy starts its work once, however often it is awaited', async () => {
    let starts = 0;
    const value = lazy(async () => {
      starts++;
      return 42;
    });
    expect(starts).toBe(0);
    expect([await value, await value]).toEqual([42, 42]);
    expect(starts).toBe(1);
  });

  it('lazy passes a rejection to whoever awaits it', async () => {
    const failing = lazy(() => Promise.reject(new Error('nope')));
    await expect(Promise.resolve(failing)).rejects.toThrow('nope');
  });
});
