import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'backoff-cap-before-jitter',
      prompt:
        'Full-jitter backoff, base 1 s, cap 5 s, and a random source that always says 0.5. What delays follow attempts 1-5?',
      code: `import { backoffDelay } from './src/backoff.ts';

const options = { baseMs: 1_000, maxMs: 5_000, random: () => 0.5 };
console.log([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options)).join(' '));`,
      output: '500 1000 2000 2500 2500',
      explain:
        'The cap applies to the ceiling (base · 2^(attempt-1)), and the jitter draws below it: from attempt 4 on the ceiling is 5,000 ms, so half of it is 2,500. With full jitter a delay is never the cap itself, only up to it.',
      see: { section: 'retries', file: 'src/backoff.ts' },
    },
    {
      id: 'background-task-starts-now',
      prompt:
        'Two background tasks fail, one before its first await and one after. In what order do the lines print?',
      code: `import { BackgroundTasks } from './src/after-response.ts';

const tasks = new BackgroundTasks({ onError: (error, name) => console.log(\`\${name}: \${(error as Error).message}\`) });
tasks.run('sync', () => {
  console.log('sync task runs');
  throw new Error('boom');
});
tasks.run('async', async () => {
  await null;
  throw new Error('boom');
});
console.log('handler continues');
await tasks.drain();
console.log('failed:', tasks.failed);`,
      output: 'sync task runs\nsync: boom\nhandler continues\nasync: boom\nfailed: 2',
      explain:
        'An async function runs synchronously up to its first await: the first task starts, throws and is caught and logged before run() returns. The second fails after an await, so its error is logged a microtask later. Both are isolated: neither reaches the handler or becomes an unhandled rejection.',
      see: { section: 'after-response', file: 'src/after-response.ts' },
    },
    {
      id: 'payload-is-json',
      prompt:
        'A producer enqueues { at: new Date(0), tags: new Set(["vip"]), note: undefined }. What does the worker see?',
      code: `import { parseJobHash } from './src/job.ts';

const sent = { at: new Date(0), tags: new Set(['vip']), note: undefined };
// What RedisQueue.enqueue stores, read back as HGETALL returns it: every field a string.
const hash = { id: 'j1', status: 'waiting', payload: JSON.stringify(sent), attempts: '0', maxAttempts: '3', createdAt: '0' };
const job = parseJobHash(hash);
console.log(JSON.stringify(job?.payload));
console.log(typeof job?.attempts);`,
      output: '{"at":"1970-01-01T00:00:00.000Z","tags":{}}\nnumber',
      explain:
        'A payload crosses a process boundary as JSON: a Date arrives as an ISO string, a Set as an empty object, and an undefined field disappears. Send plain data (ids, ISO strings, arrays) and validate it in the worker.',
      see: { section: 'api', file: 'src/job.ts' },
    },
  ],
});
