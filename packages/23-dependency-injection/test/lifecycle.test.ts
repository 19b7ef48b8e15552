import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../src/index.ts';

describe('Lifecycle', () => {
  it('disposes in reverse order of acquisition and hands each disposer its resource', async () => {
    const lifecycle = new Lifecycle();
    const seen: string[] = [];
    const pool = lifecycle.use('postgres', { name: 'pool' }, (r) => seen.push(r.name));
    lifecycle.use('redis', { name: 'client' }, async (r) => {
      seen.push(r.name);
    });
    lifecycle.use('http', { name: 'server' }, (r) => seen.push(r.name));
    expect(pool).toEqual({ name: 'pool' });
    await lifecycle.dispose();
    expect(seen).toEqual(['server', 'client', 'pool']);
    expect(lifecycle.disposed).toEqual(['http', 'redis', 'postgres']);
  });

  it('runs every disposer when one fails, then reports the failures together', async () => {
    const lifecycle = new Lifecycle();
    const seen: string[] = [];
    lifecycle.use('a', 'a', () => seen.push('a'));
    lifecycle.use('b', 'b', () => {
      throw new Error('b broke');
    });
    lifecycle.use('c', 'c', () => seen.push('c'));
    const error = await lifecycle.dispose().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).message).toBe('1 disposer(s) failed');
    const { errors } = error as AggregateError;
    expect(errors.map((e: Error) => e.message)).toEqual(['disposing b failed']);
    expect((errors[0] as Error).cause).toEqual(new Error('b broke'));
    expect(seen).toEqual(['c', 'a']);
    expect(lifecycle.disposed).toEqual(['c', 'a']);
  });

  it('disposing twice disposes once', async () => {
    const lifecycle = new Lifecycle();
    let calls = 0;
    lifecycle.use('x', 1, () => calls++);
    await Promise.all([lifecycle.dispose(), lifecycle.dispose()]);
    await lifecycle.dispose();
    expect(calls).toBe(1);
  });

  it('refuses a resource after disposal (it would never be closed)', async () => {
    const lifecycle = new Lifecycle();
    await lifecycle.dispose();
    expect(() => lifecycle.use('late', 1, () => {})).toThrow(
      'cannot add late: the lifecycle is already disposed',
    );
  });

  it('await using disposes at the end of the block, even when the block throws', async () => {
    const seen: string[] = [];
    const run = async () => {
      await using lifecycle = new Lifecycle();
      lifecycle.use('first', 1, () => seen.push('first'));
      lifecycle.use('second', 2, () => seen.push('second'));
      seen.push('body');
      throw new Error('request failed');
    };
    await expect(run()).rejects.toThrow('request failed');
    expect(seen).toEqual(['body', 'second', 'first']);
  });
});
