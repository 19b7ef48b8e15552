/**
 * In-process decisions: ours against rate-limiter-flexible's RateLimiterMemory, each awaiting `consume()`
 * one decision after another over 10 000 client keys (1 000 per timed call), under a policy loose enough
 * (1 000 per minute) that nobody rejects: RateLimiterMemory rejects by throwing, which would measure that.
 */
import { timeBench } from '@lab/common/bench';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ALGORITHMS } from '../src/index.ts';

const KEYS = Array.from({ length: 10_000 }, (_, i) => `client-${i}`);
const PER_CALL = 1000;
const POLICY = { limit: 1000, windowMs: 60_000 };
const PEER = 'rate-limiter-flexible memory';

interface Consumer {
  consume(key: string): Promise<unknown>;
}

function task(limiter: Consumer): () => Promise<void> {
  let cursor = 0;
  return async () => {
    for (let i = 0; i < PER_CALL; i++) await limiter.consume(KEYS[cursor++ % KEYS.length] as string);
  };
}

const memoryLabel = (label: string) => `${label} (memory)`;

export default [
  timeBench({
    title: 'In-process decisions, awaited one by one (10 000 keys)',
    baseline: PEER,
    opsPerCall: PER_CALL,
    tasks: {
      ...Object.fromEntries(ALGORITHMS.map((a) => [memoryLabel(a.label), task(a.memory(POLICY))])),
      [PEER]: task(new RateLimiterMemory({ points: POLICY.limit, duration: POLICY.windowMs / 1000 })),
    },
    // Each decision is a fraction of a microsecond and both sides pay the same awaited promise, which is a
    // large, CPU-dependent share of it: 0.39-0.43 for ours here, 0.76-0.80 on a second 2-core machine (same
    // Node). "1.5× faster" was this machine's figure; "faster" holds on both, with a 10% margin.
    claims: ALGORITHMS.map((a) => ({
      says: `in-process, the ${a.label} decides faster than RateLimiterMemory (under 0.9×); by how much depends on the CPU, as both pay an await per decision`,
      subject: memoryLabel(a.label),
      below: 0.9,
    })),
  }),
];
