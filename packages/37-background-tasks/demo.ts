import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import {
  check,
  formatNumber,
  kv,
  lessonCheck,
  listen,
  note,
  runDemo,
  say,
  table,
  withRedisKeys,
} from '@lab/common';
import type { Redis } from 'ioredis';
import {
  BackgroundTasks,
  backoffDelay,
  createReportsApp,
  forkReportWorker,
  RedisQueue,
  reportSink,
  timeBullmq,
  timeOurs,
} from './src/index.ts';

const PREFIX = `bg37:demo:${randomUUID().slice(0, 8)}:`;
const REQUEST = { userId: 'u-42', kind: 'sales', month: '2024-05' };

/** A queue on its own keys, on a clock the demo moves by hand. */
function handQueue(redis: Redis, name: string, options: { maxAttempts?: number } = {}) {
  const clock = { t: 1_700_000_000_000 };
  const queue = new RedisQueue({
    redis,
    prefix: `${PREFIX}${name}:`,
    visibilityTimeoutMs: 30_000,
    maxAttempts: options.maxAttempts ?? 3,
    backoff: { random: () => 0.5 },
    now: () => clock.t,
  });
  return { queue, clock };
}

async function afterResponseSection(): Promise<void> {
  const log: string[] = [];
  const tasks = new BackgroundTasks({
    onError: (e, name) => log.push(`${name} failed: ${(e as Error).message}`),
  });
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = await listen(
    createServer((_req, res) => {
      tasks.after(res, 'welcome-email', async () => {
        await held;
        log.push('welcome-email sent');
      });
      tasks.after(res, 'analytics', () => {
        throw new Error('analytics is down');
      });
      res.statusCode = 201;
      res.end();
    }),
  );
  try {
    const status = (await fetch(server.url, { method: 'POST' })).status;
    say(`client got ${status} while ${tasks.pending} task is still running (the email waits on a latch)`);
    say(`if the process died now, that task would be lost: it exists only in this process's memory`);
    release();
    await tasks.drain();
    for (const line of log) say(`  ${line}`);
    check(
      tasks.failed === 1 && log.includes('welcome-email sent'),
      'the failing task was logged, not thrown',
    );
  } finally {
    await server.close();
  }
}

async function apiSection(): Promise<void> {
  await withRedisKeys('the report API', `${PREFIX}api:`, async (redis) => {
    if (!redis) return;
    const queue = new RedisQueue({ redis, prefix: `${PREFIX}api:` });
    const server = await listen(createReportsApp({ queue }));
    try {
      const post = (body: unknown, key: string) =>
        fetch(`${server.url}/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        });
      const first = await post(REQUEST, 'order-7');
      const { jobId } = (await first.json()) as { jobId: string };
      say(`POST /reports → ${first.status}, Location: ${first.headers.get('location')}`);
      const again = await post(REQUEST, 'order-7');
      const replay = (await again.json()) as { jobId: string };
      say(
        `same Idempotency-Key again → ${again.status}, same job: ${replay.jobId === jobId}, replayed: ${again.headers.get('idempotent-replayed')}`,
      );
      const other = await post({ ...REQUEST, kind: 'usage' }, 'order-7');
      say(`same key, other body → ${other.status} ${((await other.json()) as { code: string }).code}`);
      const status = (await (await fetch(`${server.url}/jobs/${jobId}`)).json()) as Record<string, unknown>;
      kv({ 'GET /jobs/:id status': String(status.status), attempts: String(status.attempts) });
      check((await queue.counts()).waiting === 1, 'one job queued for three requests');
    } finally {
      await server.close();
    }
  });
}

async function leaseSection(): Promise<void> {
  await withRedisKeys('the visibility timeout', `${PREFIX}lease:`, async (redis) => {
    if (!redis) return;
    const { queue, clock } = handQueue(redis, 'lease');
    const { id } = await queue.enqueue(REQUEST);
    const first = await queue.reserve();
    if (!first) throw new Error('expected a job');
    say(`worker A reserves the job: attempt ${first.attempt}, lease until t+30 s … then A crashes`);
    const early = await queue.maintain(clock.t + 29_999);
    say(`reaper at t+29.999 s: requeued ${early.requeued} (the lease still runs)`);
    clock.t += 30_000;
    const due = await queue.maintain();
    say(`reaper at t+30 s:     requeued ${due.requeued}`);
    const second = await queue.reserve();
    say(`worker B reserves it: attempt ${second?.attempt}`);
    const lateAck = await queue.complete(first);
    say(`A comes back and acks: ${lateAck ? 'accepted' : 'refused (its lease is gone; B owns the job)'}`);
    if (second) await queue.complete(second);
    check((await queue.get(id))?.status === 'completed', 'completed once, by B');
  });
}

async function retriesSection(): Promise<void> {
  table(
    [1, 2, 3, 4, 5, 6].map((attempt) => ({
      'failed attempt': attempt,
      'full-jitter range': `0 – ${formatNumber(Math.min(60_000, 1_000 * 2 ** (attempt - 1)))} ms`,
      'delay at random 0.5': `${formatNumber(backoffDelay(attempt, { random: () => 0.5 }))} ms`,
    })),
  );
  await withRedisKeys('the dead list', `${PREFIX}dead:`, async (redis) => {
    if (!redis) return;
    const { queue, clock } = handQueue(redis, 'dead', { maxAttempts: 3 });
    const { id } = await queue.enqueue(REQUEST);
    for (let i = 0; i < 3; i++) {
      const job = await queue.reserve();
      if (!job) break;
      const outcome = await queue.fail(job, new Error('PDF renderer crashed'));
      say(
        `attempt ${job.attempt} failed → ${outcome.outcome === 'retry' ? `retry in ${outcome.delayMs} ms` : outcome.outcome}`,
      );
      clock.t += 60_000;
    }
    say(`dead list: ${(await queue.deadJobs()).length} job · status ${(await queue.get(id))?.status}`);
    check(await queue.redrive(id), 'redrive puts it back with fresh attempts (after the bug is fixed)');
  });
}

async function crashSection(): Promise<void> {
  await withRedisKeys('worker processes', `${PREFIX}crash:`, async (redis) => {
    if (!redis) return;
    const prefix = `${PREFIX}crash:`;
    const redisUrl = String(process.env.REDIS_URL);
    const queue = new RedisQueue({ redis, prefix, visibilityTimeoutMs: 60_000 });
    const a = await forkReportWorker({
      redisUrl,
      prefix,
      hold: 'after-publish',
      visibilityTimeoutMs: 60_000,
    });
    const { id } = await queue.enqueue(REQUEST);
    const holding = await a.next('holding');
    say(
      `worker ${a.child.pid} published the report (${holding.published}) and is killed before its ack (SIGKILL)`,
    );
    a.child.kill('SIGKILL');
    await a.exit;
    await queue.maintain(Date.now() + 60_000);
    say('the reaper (run as if 60 s had passed) returns the job; worker B starts');
    const b = await forkReportWorker({ redisUrl, prefix, visibilityTimeoutMs: 60_000 });
    await b.next('event');
    b.child.kill('SIGTERM');
    await b.exit;
    const sink = reportSink(prefix);
    kv({
      'handler runs (deliveries)': (await redis.hget(sink.deliveries, id)) ?? '0',
      'reports published': String(await redis.hlen(sink.reports)),
      'job status': String((await queue.get(id))?.status),
    });
    check(
      (await redis.hlen(sink.reports)) === 1,
      'at-least-once delivery + an idempotent handler = the effect once',
    );
  });
}

async function gracefulSection(): Promise<void> {
  await withRedisKeys('a graceful worker stop', `${PREFIX}stop:`, async (redis) => {
    if (!redis) return;
    const prefix = `${PREFIX}stop:`;
    const queue = new RedisQueue({ redis, prefix });
    const w = await forkReportWorker({
      redisUrl: String(process.env.REDIS_URL),
      prefix,
      hold: 'before-publish',
    });
    const first = await queue.enqueue(REQUEST);
    await w.next('holding');
    w.child.kill('SIGTERM');
    const stopping = await w.next('stopping');
    say(`SIGTERM while ${stopping.running} job runs: the worker stops taking jobs`);
    const second = await queue.enqueue({ ...REQUEST, userId: 'u-43' });
    w.send({ type: 'release' });
    const { code } = await w.exit;
    kv({
      'exit code': String(code),
      'job in hand': String((await queue.get(first.id))?.status),
      'job enqueued after SIGTERM': String((await queue.get(second.id))?.status),
    });
  });
}

async function bullmqSection(): Promise<void> {
  await withRedisKeys('ours vs BullMQ', `${PREFIX}speed`, async (redis) => {
    if (!redis) return;
    const run = { redis, jobs: 300, concurrency: 8 };
    const ours = await timeOurs({ ...run, prefix: `${PREFIX}speed-ours:` });
    const bull = await timeBullmq({ ...run, prefix: `${PREFIX}speed-bull:` });
    const rate = (ms: number) => (run.jobs / ms) * 1000;
    kv({
      'RedisQueue (ours)': `${formatNumber(rate(ours))} jobs/s`,
      BullMQ: `${formatNumber(rate(bull))} jobs/s`,
    });
    lessonCheck(
      rate(ours) >= rate(bull),
      'a queue that does less per job moves more jobs per second',
      `ours ${formatNumber(rate(ours) / rate(bull))}× BullMQ's rate`,
      'pnpm bench background-tasks',
    );
    note(
      'BullMQ adds what ours lacks: events, progress, rate limits, priorities, repeatable jobs, flows, a UI.',
    );
  });
}

await runDemo({
  title: 'Background tasks and task queues',
  subtitle: 'best-effort work after the response vs a reliable Redis queue (and BullMQ beside it)',
  sections: [
    {
      id: 'after-response',
      title: 'Work after the response (best effort)',
      why: 'FastAPI BackgroundTasks in Node: the client is answered first; errors are logged; a crash loses the task.',
      run: afterResponseSection,
    },
    {
      id: 'api',
      title: 'POST /reports → 202, GET /jobs/:id',
      why: 'The API only enqueues; an Idempotency-Key makes a retried POST return the same job.',
      run: apiSection,
    },
    {
      id: 'lease',
      title: 'The visibility timeout',
      why: 'A reserved job has a lease; when a worker dies, the reaper hands the job to another.',
      run: leaseSection,
    },
    {
      id: 'retries',
      title: 'Retries with backoff and jitter, then the dead list',
      why: 'Failures wait longer each time, spread by jitter; a job out of attempts is parked, not lost.',
      run: retriesSection,
    },
    {
      id: 'crash',
      title: 'A worker process killed mid-job',
      why: 'SIGKILL after the side effect, before the ack: the job runs again, the effect happens once.',
      run: crashSection,
    },
    {
      id: 'graceful',
      title: 'A graceful worker stop',
      why: 'SIGTERM: finish and ack the job in hand, take nothing new, exit 0.',
      run: gracefulSection,
    },
    {
      id: 'bullmq',
      title: 'Ours vs BullMQ',
      why: 'The same jobs on one Redis: what the mechanics cost, and what the library adds.',
      run: bullmqSection,
    },
  ],
});
