import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, withDeadline } from '../src/deadline.ts';
import { getJson } from '../src/fetch-all.ts';
import { startSlowServer } from '../src/slow-server.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('withDeadline (fake timers)', () => {
  it('rejects with TimeoutError when the work is slower, and aborts the signal it handed out', async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    const result = withDeadline(
      (signal) => {
        seen = signal;
        return new Promise<string>(() => {});
      },
      { timeoutMs: 100 },
    );
    const assertion = expect(result).rejects.toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(99);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await assertion;
    // The name AbortSignal.timeout uses, and a message that says how long it waited (the demo prints both).
    await expect(result).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'no answer within 100 ms',
      timeoutMs: 100,
    });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(TimeoutError);
  });

  it('returns the value of fast work and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const result = withDeadline(async () => 'fast', { timeoutMs: 100 });
    expect(await result).toBe('fast');
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with the caller's reason when the caller aborts first", async () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const result = withDeadline(() => new Promise<never>(() => {}), {
      timeoutMs: 1_000,
      signal: caller.signal,
    });
    caller.abort(new Error('client went away'));
    await expect(result).rejects.toThrow('client went away');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no listener behind on a long-lived caller signal, nor on the signals it handed out', async () => {
    vi.useFakeTimers();
    // One shutdown signal for every call a process makes: a listener left per call would pile up.
    const shutdown = new AbortController();
    const handedOut: AbortSignal[] = [];
    const work = (result: Promise<number>) => (signal: AbortSignal) => {
      handedOut.push(signal);
      return result;
    };
    const slow = withDeadline(work(new Promise<never>(() => {})), {
      timeoutMs: 100,
      signal: shutdown.signal,
    });
    const timedOut = expect(slow).rejects.toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(100);
    await timedOut;
    for (let i = 0; i < 20; i++)
      await withDeadline(work(Promise.resolve(i)), { timeoutMs: 100, signal: shutdown.signal });
    expect(getEventListeners(shutdown.signal, 'abort')).toEqual([]);
    expect(handedOut.map((signal) => getEventListeners(signal, 'abort').length)).toEqual(Array(21).fill(0));
  });

  it('refuses to start when the caller has already aborted', async () => {
    let calls = 0;
    const result = withDeadline(
      async () => {
        calls++;
      },
      { timeoutMs: 100, signal: AbortSignal.abort(new Error('too late')) },
    );
    await expect(result).rejects.toThrow('too late');
    expect(calls).toBe(0);
  });
});

describe('withDeadline against the real server', () => {
  it('passing the signal to fetch cancels the request on the server too', async () => {
    const server = await startSlowServer({ delayMs: 30_000 });
    try {
      // Warm fetch up first (its first call loads undici): the request must reach the server in time.
      await getJson(`${server.url}/item/1?delay=0`);
      server.resetStats();
      const call = withDeadline((signal) => getJson(`${server.url}/item/7`, signal), { timeoutMs: 1_000 });
      await expect(call).rejects.toBeInstanceOf(TimeoutError);
      await vi.waitFor(() => expect(server.stats.cancelled).toBe(1), { timeout: 5_000 });
      expect(server.stats).toMatchObject({ served: 0, inFlight: 0 });
    } finally {
      await server.close();
    }
  });
});
