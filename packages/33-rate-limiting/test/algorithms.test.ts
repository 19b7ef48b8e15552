import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  checkPolicy,
  emissionIntervalUs,
  fixedWindowMemory,
  gcraMemory,
  manualClock,
  mostAdmittedWithin,
  replay,
  SEED_SLIDING_LOG_BUGGY,
  slidingLogMemory,
  slidingWindowCounterMemory,
  tokenBucketMemory,
} from '../src/index.ts';
import { seededRandom } from './fixtures/seeded-random.ts';

/** A seeded trace: deterministic "random" arrivals, some in the same millisecond. */
function trace(count: number, seed: number, maxGapMs: number, start = 1_000_000): number[] {
  const next = seededRandom(seed);
  const times: number[] = [];
  let t = start;
  for (let i = 0; i < count; i++) {
    if (next() > 0.3) t += Math.floor(next() * maxGapMs);
    times.push(t);
  }
  return times;
}

describe('policy validation', () => {
  it('refuses a policy that cannot mean anything, naming the field', () => {
    expect(() => checkPolicy({ limit: 0, windowMs: 1000 })).toThrow(
      /limit must be a positive integer, got 0/,
    );
    expect(() => checkPolicy({ limit: 5, windowMs: 2.5 })).toThrow(/windowMs must be a positive integer/);
    expect(() => checkPolicy({ limit: 5, windowMs: 1000, burst: 6 })).toThrow(
      /burst \(6\) must not exceed limit/,
    );
    expect(checkPolicy({ limit: 5, windowMs: 1000 })).toEqual({ limit: 5, windowMs: 1000, burst: 5 });
  });

  it('refuses an empty key and a bad policy name', () => {
    const limiter = fixedWindowMemory({ limit: 1, windowMs: 1000 });
    expect(() => limiter.decide('')).toThrow(/non-empty string/);
    expect(() => fixedWindowMemory({ limit: 1, windowMs: 1000 }, { name: 'a"b' })).toThrow(/policy name/);
  });
});

describe.each(ALGORITHMS.map((a) => [a.label, a] as const))('%s (in-process)', (_, algorithm) => {
  const policy = { limit: 4, windowMs: 1000 };

  it('admits exactly `limit` of a burst that arrives in one millisecond', () => {
    const clock = manualClock(50_000);
    const limiter = algorithm.memory(policy, { now: clock.now });
    const decisions = Array.from({ length: 10 }, () => limiter.decide('client'));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
    expect(decisions.map((d) => d.remaining)).toEqual([3, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps clients apart', () => {
    const clock = manualClock(50_000);
    const limiter = algorithm.memory(policy, { now: clock.now });
    for (let i = 0; i < 4; i++) limiter.decide('alice');
    expect(limiter.decide('alice').allowed).toBe(false);
    expect(limiter.decide('bob').allowed).toBe(true);
  });

  it('tells the truth in Retry-After, and rejected retries do not push it back', () => {
    const clock = manualClock(50_300);
    const limiter = algorithm.memory(policy, { now: clock.now });
    for (let i = 0; i < 4; i++) limiter.decide('client');
    const first = limiter.decide('client');
    expect(first.allowed).toBe(false);
    expect(first.retryAfterMs).toBeGreaterThan(0);
    expect(first.resetMs).toBe(first.retryAfterMs);
    const admitAt = 50_300 + first.retryAfterMs;
    // Hammer it every 7 ms until 1 ms before the promised moment: every one rejected...
    for (let t = 50_301; t < admitAt; t += 7) {
      clock.set(t);
      expect(limiter.decide('client').allowed).toBe(false);
    }
    clock.set(admitAt - 1);
    expect(limiter.decide('client').allowed).toBe(false);
    // ...and admitted exactly when promised, all those rejections notwithstanding.
    clock.set(admitAt);
    expect(limiter.decide('client').allowed).toBe(true);
  });

  it('says when more quota comes: remaining goes up exactly resetMs later, not 1 ms sooner', () => {
    const clock = manualClock(70_000);
    const limiter = algorithm.memory(policy, { now: clock.now });
    clock.set(70_250);
    limiter.decide('client');
    clock.set(70_600);
    const d = limiter.decide('client');
    expect(d.allowed).toBe(true);
    // Probe without spending: a fresh limiter replaying the same history answers "what if I asked at t?".
    const remainingAt = (t: number) => {
      const probeClock = manualClock(70_250);
      const probe = algorithm.memory(policy, { now: probeClock.now });
      probe.decide('client');
      probeClock.set(70_600);
      probe.decide('client');
      probeClock.set(t);
      return probe.decide('client').remaining + 1; // +1: this probe spent one
    };
    expect(remainingAt(70_600 + d.resetMs - 1)).toBe(d.remaining);
    expect(remainingAt(70_600 + d.resetMs)).toBeGreaterThan(d.remaining);
  });

  it('drops a client’s state exactly when it stops mattering, at the next sweep (one per window)', () => {
    const T = 7_000_123;
    /** The first instant at which one request at `t` leaves no trace: the client has its whole quota again. */
    const goneAt = (t: number): number => {
      for (let e = t + 1; ; e++) {
        const probeClock = manualClock(t);
        const probe = algorithm.memory(policy, { now: probeClock.now });
        probe.decide('a');
        probeClock.set(e);
        let n = 0;
        while (n <= policy.limit && probe.decide('a').allowed) n++;
        if (n === policy.limit) return e;
      }
    };
    const E = goneAt(T);
    // Sweeps run at most once per window, counted from the first call: start that chain on the instant
    // W, 2W… before E, and keep it going with one request per window, so that a sweep falls due at E.
    const W = policy.windowMs;
    const start = E - Math.ceil((E - T) / W) * W;
    const calls: Array<[number, string]> = [[start, 'first']];
    calls.push([T, 'a']);
    for (let s = start + W; s < E; s += W) calls.push([s, `tick-${s}`]);
    calls.sort((x, y) => x[0] - y[0]);
    calls.push([E - 1, 'b']);
    const clock = manualClock();
    const limiter = algorithm.memory(policy, { now: clock.now });
    const sweeps = calls.map(([t]) => t).filter((t) => (t - start) % W === 0 && t < E);
    const lastSweep = Math.max(...sweeps);
    for (const [t, key] of calls) {
      clock.set(t);
      limiter.decide(key);
    }
    // Before E, only what the last sweep found expired is gone; an expired entry waits for the next sweep.
    const gone = calls.filter(([t]) => t < lastSweep && goneAt(t) <= lastSweep).length;
    expect(limiter.size).toBe(calls.length - gone);
    clock.set(E);
    limiter.decide('c');
    // The sweep at E drops a and every other client whose request stopped mattering by E; c is new.
    expect(limiter.size).toBe(1 + calls.filter(([t]) => goneAt(t) > E).length);
  });

  it('forgets a client once its state has expired (the in-process store sweeps)', () => {
    const clock = manualClock(1_000);
    const limiter = algorithm.memory(policy, { now: clock.now });
    for (let i = 0; i < 50; i++) limiter.decide(`client-${i}`);
    expect(limiter.size).toBe(50);
    clock.advance(10 * policy.windowMs);
    limiter.decide('newcomer');
    expect(limiter.size).toBe(1);
  });
});

describe.each([...ALGORITHMS, SEED_SLIDING_LOG_BUGGY].map((a) => [a.label, a] as const))(
  '%s (in-process): keys',
  (_, algorithm) => {
    it('refuses an empty or over-long key before counting anything, and takes one of 512 characters', async () => {
      const limiter = algorithm.memory({ limit: 2, windowMs: 1000 }, { now: () => 0 });
      for (const key of ['', 'k'.repeat(513), 'k'.repeat(10_000)]) {
        expect(() => limiter.decide(key)).toThrow(/non-empty string of at most 512/);
        await expect(Promise.resolve().then(() => limiter.consume(key))).rejects.toThrow(TypeError);
      }
      expect(limiter.size).toBe(0);
      expect(limiter.decide('k'.repeat(512)).allowed).toBe(true);
      expect(limiter.size).toBe(1);
    });
  },
);

describe('what each algorithm allows over time', () => {
  it('fixed window admits 2 × limit across a window boundary, within 2 ms', async () => {
    const clock = manualClock();
    const limiter = fixedWindowMemory({ limit: 5, windowMs: 10_000 }, { now: clock.now });
    const times = [...Array(5).fill(9_999), ...Array(5).fill(10_000)];
    const [decisions = []] = await replay(times, [limiter], clock);
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(mostAdmittedWithin(times, decisions, 2)).toBe(10);
  });

  it('sliding log never admits more than limit in any window, on a long random trace', async () => {
    const times = trace(3000, 7, 900);
    const clock = manualClock();
    const [decisions = []] = await replay(
      times,
      [slidingLogMemory({ limit: 5, windowMs: 10_000 }, { now: clock.now })],
      clock,
    );
    expect(mostAdmittedWithin(times, decisions, 10_000)).toBe(5);
  });

  it('sliding window counter is an approximation: it can admit 1.5 × limit within one window length', async () => {
    // 10 requests at the very end of one window, then more halfway into the next: the counter assumes the
    // previous window's requests were spread out and gives half of them back.
    const times = [...Array(10).fill(9_999), ...Array(10).fill(15_000)];
    const clock = manualClock();
    const [decisions = []] = await replay(
      times,
      [slidingWindowCounterMemory({ limit: 10, windowMs: 10_000 }, { now: clock.now })],
      clock,
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(15);
    expect(mostAdmittedWithin(times, decisions, 10_000)).toBe(15);
  });

  it('token bucket allows its burst, then exactly the refill rate', async () => {
    // 5 per 10 s: a token every 2 s. A client asking every 100 ms for 20 s gets 5 at once, then one per 2 s.
    const times = Array.from({ length: 200 }, (_, i) => 100_000 + i * 100);
    const clock = manualClock();
    const [decisions = []] = await replay(
      times,
      [tokenBucketMemory({ limit: 5, windowMs: 10_000 }, { now: clock.now })],
      clock,
    );
    const admitted = times.filter((_, i) => decisions[i]?.allowed);
    expect(admitted.slice(0, 5)).toEqual([100_000, 100_100, 100_200, 100_300, 100_400]);
    // After the burst the bucket holds 0.2 of a token (400 ms of refill); the next one is full 1.6 s later.
    expect(admitted[5]).toBe(102_000);
    const gaps = admitted.slice(6).map((t, i) => t - (admitted[i + 5] as number));
    expect(new Set(gaps)).toEqual(new Set([2000]));
    expect(admitted).toHaveLength(14);
  });

  it('gcra with burst 1 is a strict leaky bucket: requests come out evenly spaced', async () => {
    const times = Array.from({ length: 1000 }, (_, i) => 200_000 + i * 10);
    const clock = manualClock();
    const policy = { limit: 5, windowMs: 10_000, burst: 1 };
    const [decisions = []] = await replay(times, [gcraMemory(policy, { now: clock.now })], clock);
    const admitted = times.filter((_, i) => decisions[i]?.allowed);
    expect(admitted).toHaveLength(5);
    expect(admitted.map((t) => t - 200_000)).toEqual([0, 2000, 4000, 6000, 8000]);
  });

  it('gcra with burst = limit admits exactly what the token bucket admits, from one number of state', async () => {
    const policy = { limit: 8, windowMs: 4_000 };
    expect(Number.isInteger(emissionIntervalUs(checkPolicy(policy)))).toBe(true);
    const times = trace(4000, 11, 700);
    const clock = manualClock();
    const [bucket = [], gcra = []] = await replay(
      times,
      [tokenBucketMemory(policy, { now: clock.now }), gcraMemory(policy, { now: clock.now })],
      clock,
    );
    expect(gcra.map((d) => d.allowed)).toEqual(bucket.map((d) => d.allowed));
    expect(gcra.map((d) => d.remaining)).toEqual(bucket.map((d) => d.remaining));
    expect(bucket.filter((d) => d.allowed).length).toBeGreaterThan(100);
    expect(bucket.some((d) => !d.allowed)).toBe(true);
  });
});
