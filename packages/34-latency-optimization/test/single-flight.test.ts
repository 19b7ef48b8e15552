import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../src/single-flight.ts';

/** A promise the test settles by hand, so "concurrent" means exactly what the test arranges. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('SingleFlight', () => {
  it('100 concurrent calls for one key run the work once and all get its value', async () => {
    const flight = new SingleFlight<string, number>();
    const origin = gate<number>();
    let calls = 0;
    const results = Promise.all(
      Array.from({ length: 100 }, () =>
        flight.run('k', () => {
          calls++;
          return origin.promise;
        }),
      ),
    );
    origin.open(7);
    expect(await results).toEqual(Array(100).fill(7));
    expect(calls).toBe(1);
    expect(flight.stats).toEqual({ started: 1, joined: 99 });
  });

  it('forgets a key once settled: the next call runs the work again', async () => {
    const flight = new SingleFlight<string, number>();
    let calls = 0;
    const work = async () => ++calls;
    expect(await flight.run('k', work)).toBe(1);
    expect(flight.size).toBe(0);
    expect(await flight.run('k', work)).toBe(2);
  });

  it('shares a failure with the waiting callers but does not cache it', async () => {
    const flight = new SingleFlight<string, string>();
    const origin = gate<string>();
    let calls = 0;
    const work = () => {
      calls++;
      return origin.promise;
    };
    const waiting = [flight.run('k', work), flight.run('k', work)];
    origin.fail(new Error('db down'));
    for (const result of await Promise.allSettled(waiting))
      expect(result).toMatchObject({ status: 'rejected', reason: new Error('db down') });
    expect(await flight.run('k', async () => 'recovered')).toBe('recovered');
    expect(calls).toBe(1);
  });

  it('a synchronous throw becomes a shared rejection, not an exception at the call site', async () => {
    const flight = new SingleFlight<string, string>();
    const call = flight.run('k', () => {
      throw new Error('boom');
    });
    await expect(call).rejects.toThrow('boom');
  });

  it('keys are independent', async () => {
    const flight = new SingleFlight<string, string>();
    const seen: string[] = [];
    const work = (key: string) => async () => {
      seen.push(key);
      return key.toUpperCase();
    };
    expect(await Promise.all([flight.run('a', work('a')), flight.run('b', work('b'))])).toEqual(['A', 'B']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('after forget(), new callers start fresh work while earlier callers keep the old result', async () => {
    const flight = new SingleFlight<string, string>();
    const first = gate<string>();
    const early = flight.run('k', () => first.promise);
    flight.forget('k');
    const late = flight.run('k', async () => 'new');
    first.open('old');
    expect(await Promise.all([early, late])).toEqual(['old', 'new']);
    expect(flight.size).toBe(0);
  });

  it('when the forgotten work settles it does not evict the newer work: a third caller still joins it', async () => {
    const flight = new SingleFlight<string, string>();
    const first = gate<string>();
    const second = gate<string>();
    const early = flight.run('k', () => first.promise);
    flight.forget('k');
    const late = flight.run('k', () => second.promise);
    first.open('old');
    await early;
    const third = flight.run('k', async () => 'a third run');
    second.open('new');
    expect(await Promise.all([late, third])).toEqual(['new', 'new']);
    expect(flight.stats).toEqual({ started: 2, joined: 1 });
  });
});
