/**
 * Every number a decision states is checked against what the limiter then does, on seeded random traces:
 * `remaining` is what a client could still spend right now, `resetMs` is exactly when more becomes
 * available (not a millisecond sooner or later), `retryAfterMs` is exactly when a rejected client gets in.
 * A probe (a fresh limiter fed the same history) answers "what if the client asked at t?" without spending.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, type Decision, manualClock, type Policy } from '../src/index.ts';
import { seededRandom } from './fixtures/seeded-random.ts';

/** Seeded arrival times: bursts in one millisecond, gaps up to `maxGapMs`, now and then a pause of up to 2 W. */
function trace(count: number, seed: number, maxGapMs: number, windowMs: number, start: number): number[] {
  const next = seededRandom(seed);
  const times: number[] = [];
  let t = start;
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll > 0.93) t += Math.floor(next() * 2 * windowMs);
    else if (roll > 0.4) t += Math.floor(next() * maxGapMs);
    times.push(t);
  }
  return times;
}

const POLICIES: Array<[string, Policy]> = [
  ['limit 4 per 1000 ms', { limit: 4, windowMs: 1000 }],
  ['limit 7 per 3000 ms', { limit: 7, windowMs: 3000 }],
  ['limit 5 per 2000 ms, burst 2', { limit: 5, windowMs: 2000, burst: 2 }],
];

describe.each(ALGORITHMS.map((a) => [a.label, a] as const))(
  '%s: what a decision promises',
  (_, algorithm) => {
    const usable = POLICIES.filter(
      ([, p]) => p.burst === undefined || algorithm.name === 'token-bucket' || algorithm.name === 'gcra',
    );

    it.each(usable)('%s, on 120 requests', (_, policy) => {
      const times = trace(120, 17 + policy.limit, policy.windowMs / policy.limit, policy.windowMs, 1_000_123);
      const clock = manualClock(times[0]);
      const limiter = algorithm.memory(policy, { now: clock.now });
      const history: number[] = [];
      /** What the client could spend at `t` after `history`, found by asking a fresh limiter. */
      const availableAt = (t: number): number => {
        const probeClock = manualClock();
        const probe = algorithm.memory(policy, { now: probeClock.now });
        for (const h of history) {
          probeClock.set(h);
          probe.decide('client');
        }
        probeClock.set(t);
        let n = 0;
        while (n <= policy.limit && probe.decide('client').allowed) n++;
        return n;
      };
      const checked: Decision[] = [];
      for (const t of times) {
        clock.set(t);
        const d = limiter.decide('client');
        history.push(t);
        checked.push(d);
        expect(d.at).toBe(t);
        expect(d.limit).toBe(policy.limit);
        expect(availableAt(t)).toBe(d.remaining);
        if (d.allowed) expect(d.retryAfterMs).toBe(0);
        else {
          expect(d.remaining).toBe(0);
          expect(d.retryAfterMs).toBe(d.resetMs);
        }
        expect(d.resetMs).toBeGreaterThan(0);
        expect(availableAt(t + d.resetMs - 1)).toBe(d.remaining);
        expect(availableAt(t + d.resetMs)).toBeGreaterThan(d.remaining);
      }
      // The trace exercised both answers.
      expect(checked.filter((d) => d.allowed).length).toBeGreaterThan(policy.limit);
      expect(checked.some((d) => !d.allowed)).toBe(true);
    });

    it('a client that waits long enough has its whole quota again, and resetMs is 0 only then', () => {
      const policy = { limit: 3, windowMs: 1000 };
      const clock = manualClock(5_000_250);
      const limiter = algorithm.memory(policy, { now: clock.now });
      limiter.decide('client');
      clock.advance(10 * policy.windowMs);
      const d = limiter.decide('other');
      expect(d).toMatchObject({ allowed: true, remaining: 2, retryAfterMs: 0 });
      const again = limiter.decide('client');
      expect(again).toMatchObject({ allowed: true, remaining: 2 });
    });
  },
);
