import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'fixed-window-edge',
      prompt:
        'Limit 3 per 10 s, fixed window. Three requests at 9.999 s, three at 10.000 s. How many get in?',
      code: `import { fixedWindowMemory } from './src/fixed-window.ts';
import { manualClock } from './src/policy.ts';

const clock = manualClock();
const limiter = fixedWindowMemory({ limit: 3, windowMs: 10_000 }, { now: clock.now });
const admitted: number[] = [];
for (const t of [9_999, 9_999, 9_999, 10_000, 10_000, 10_000]) {
  clock.set(t);
  if ((await limiter.consume('ann')).allowed) admitted.push(t);
}
console.log(admitted.length, JSON.stringify(admitted));`,
      output: '6 [9999,9999,9999,10000,10000,10000]',
      explain:
        'A fixed window counts per aligned window: 10.000 s starts a new one with a fresh counter, so the end of one window and the start of the next admit 2 × limit within a millisecond. A sliding log or a bucket would admit 3.',
      see: { section: 'edge', file: 'src/fixed-window.ts' },
    },
    {
      id: 'which-request-gets-in',
      prompt: 'Sliding log, 2 per 10 s. Requests at 0, 4, 6, 10 and 11 s. Which ones are admitted?',
      code: `import { manualClock } from './src/policy.ts';
import { slidingLogMemory } from './src/sliding-log.ts';

const clock = manualClock();
const limiter = slidingLogMemory({ limit: 2, windowMs: 10_000 }, { now: clock.now });
for (const s of [0, 4, 6, 10, 11]) {
  clock.set(s * 1000);
  const d = await limiter.consume('ann');
  console.log(\`\${s}s\`, d.allowed ? 'in' : \`refused, retry after \${d.retryAfterMs / 1000}s\`);
}`,
      output: '0s in\n4s in\n6s refused, retry after 4s\n10s in\n11s refused, retry after 3s',
      explain:
        'The log holds admitted requests only. At 10 s the entry from 0 s has left the 10 s span, so there is room; at 11 s the entries from 4 s and 10 s are both inside it, and the next slot opens when the 4 s entry leaves, at 14 s. Retry-After is computed from the log, not a whole window.',
      see: { section: 'trace', file: 'src/sliding-log.ts' },
    },
    {
      id: 'seed-records-refusals',
      prompt:
        "2 per 10 s. A client is refused at 5 s and 9 s, then tries again at 10.5 s. The seed's log vs the fixed one?",
      code: `import { manualClock } from './src/policy.ts';
import { seedSlidingLogBuggyMemory } from './src/seed-sliding-log-buggy.ts';
import { slidingLogMemory } from './src/sliding-log.ts';

for (const make of [seedSlidingLogBuggyMemory, slidingLogMemory]) {
  const clock = manualClock();
  const limiter = make({ limit: 2, windowMs: 10_000 }, { now: clock.now });
  const answers: string[] = [];
  for (const t of [0, 1_000, 5_000, 9_000, 10_500]) {
    clock.set(t);
    answers.push((await limiter.consume('ann')).allowed ? 'in' : 'x');
  }
  console.log(make.name, answers.join(' '));
}`,
      output: 'seedSlidingLogBuggyMemory in in x x x\nslidingLogMemory in in x x in',
      explain:
        'The seed adds every request to the sorted set before comparing, refused ones included, so the retries at 5 s and 9 s fill the window: a client that keeps retrying stays locked out. Its MULTI is atomic and loses no counts; the flaw is what it counts. The fix records a request only when it is admitted.',
      see: { section: 'seed-bug', file: 'src/seed-sliding-log-buggy.ts' },
    },
    {
      id: 'token-bucket-refill',
      prompt:
        'Token bucket, 4 per 8 s (a burst of 4, then one every 2 s). What do the 5th request and a later one get?',
      code: `import { manualClock } from './src/policy.ts';
import { tokenBucketMemory } from './src/token-bucket.ts';

const clock = manualClock();
const bucket = tokenBucketMemory({ limit: 4, windowMs: 8_000 }, { now: clock.now });
for (let i = 0; i < 4; i++) await bucket.consume('ann');
const fifth = await bucket.consume('ann');
console.log(fifth.allowed, fifth.retryAfterMs);
clock.set(2_000);
const later = await bucket.consume('ann');
console.log(later.allowed, later.remaining);`,
      output: 'false 2000\ntrue 0',
      explain:
        'The burst empties the bucket at once; refusals are not recorded, and one token comes back every windowMs / limit = 2 s, so the 5th is told to retry in 2 s, and at 2 s exactly one request fits. Over 8 s a bucket can admit its burst plus the refill: more than "4 per 8 s" in any 8 s span.',
      see: { section: 'trace', file: 'src/token-bucket.ts' },
    },
    {
      id: 'per-process-limit',
      prompt:
        'Two API processes each keep an in-process limiter of 5 per minute. One client sends 10 requests, alternating processes. How many get in?',
      code: `import { fixedWindowMemory } from './src/fixed-window.ts';

const policy = { limit: 5, windowMs: 60_000 };
const processes = [fixedWindowMemory(policy, { now: () => 0 }), fixedWindowMemory(policy, { now: () => 0 })];
let admitted = 0;
for (let i = 0; i < 10; i++) {
  const limiter = processes[i % 2];
  if (limiter && (await limiter.consume('ann')).allowed) admitted++;
}
console.log(admitted);`,
      output: '10',
      explain:
        'Each process counts only what it sees, so the real limit is processes × limit, and it changes when you scale. The state has to live where every process reads it: Redis, with the read-decide-write in one Lua script.',
      see: { section: 'redis', file: 'src/fixed-window.ts' },
    },
  ],
});
