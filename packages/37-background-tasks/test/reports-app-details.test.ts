/**
 * The reports API's answers field by field (what `GET /jobs/:id` shows for each state, which header marks a
 * replay, what a validation error names) and how its error middleware sorts errors into the client's
 * (4xx) and ours (503). A job's times come from an injected clock, so the ISO strings are exact.
 */
import { type Listening, listen } from '@lab/common/http';
import { redisForFile } from '@lab/common/testing';
import type { Express } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../src/after-response.ts';
import type { JobState } from '../src/job.ts';
import { RedisQueue } from '../src/queue.ts';
import { createReportsApp } from '../src/reports-app.ts';

const { redis, prefix: PREFIX } = await redisForFile(import.meta.url);
const VALID = { userId: 'u-7', kind: 'audit', month: '2025-01' };
const T0 = Date.UTC(2025, 0, 2, 3, 4, 5);
let n = 0;
let clock = T0;
const servers: Listening[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const freshQueue = () =>
  new RedisQueue({ redis, prefix: `${PREFIX}${n++}:`, now: () => clock, backoff: { random: () => 0 } });

async function serve(app: Express): Promise<string> {
  const server = await listen(app);
  servers.push(server);
  return server.url;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('GET /jobs/:id shows each state exactly', () => {
  it('a waiting job: its id, status, attempts and creation time, nothing else', async () => {
    clock = T0;
    const queue = freshQueue();
    const url = await serve(createReportsApp({ queue }));
    const { jobId } = (await (await post(url, VALID)).json()) as { jobId: string };
    expect(await (await fetch(`${url}/jobs/${jobId}`)).json()).toEqual({
      id: jobId,
      status: 'waiting',
      attempts: 0,
      maxAttempts: 3,
      createdAt: new Date(T0).toISOString(),
    });
  });

  it('a failed attempt: when it runs again and the error, no result', async () => {
    clock = T0;
    const queue = freshQueue();
    const url = await serve(createReportsApp({ queue }));
    const { jobId } = (await (await post(url, VALID)).json()) as { jobId: string };
    const job = await queue.reserve();
    if (!job) throw new Error('the job was not reserved');
    await queue.fail(job, new Error('renderer crashed'));
    const state = await queue.get(jobId);
    // random 0: the full-jitter backoff is 0, so the retry is due at once, at the clock's time.
    expect(state?.runAt).toBe(T0);
    expect(await (await fetch(`${url}/jobs/${jobId}`)).json()).toEqual({
      id: jobId,
      status: 'delayed',
      attempts: 1,
      maxAttempts: 3,
      createdAt: new Date(T0).toISOString(),
      runAt: new Date(state?.runAt ?? 0).toISOString(),
      lastError: 'Error: renderer crashed',
    });
  });

  it('a completed job: when it finished and its result', async () => {
    clock = T0;
    const queue = freshQueue();
    const url = await serve(createReportsApp({ queue }));
    const { jobId } = (await (await post(url, VALID)).json()) as { jobId: string };
    const job = await queue.reserve();
    if (!job) throw new Error('the job was not reserved');
    clock = T0 + 1_500;
    expect(await queue.complete(job, { published: true })).toBe(true);
    const state = (await queue.get(jobId)) as JobState;
    expect(state.status).toBe('completed');
    const body = (await (await fetch(`${url}/jobs/${jobId}`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: jobId,
      status: 'completed',
      createdAt: new Date(T0).toISOString(),
      finishedAt: new Date(T0 + 1_500).toISOString(),
      result: { published: true },
    });
    expect(Object.keys(body)).not.toContain('lastError');
  });
});

describe('POST /reports details', () => {
  it('marks only a replay with idempotent-replayed', async () => {
    const url = await serve(createReportsApp({ queue: freshQueue() }));
    const first = await post(url, VALID, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const plain = await post(url, VALID);
    expect(plain.headers.get('idempotent-replayed')).toBeNull();
    const again = await post(url, VALID, { 'idempotency-key': 'k-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('names each invalid field and why', async () => {
    const url = await serve(createReportsApp({ queue: freshQueue() }));
    const res = await post(url, { ...VALID, userId: 'a b', month: '2025-13' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: unknown };
    expect(body.errors).toEqual([
      { path: 'userId', message: 'letters, digits, _ and - only' },
      { path: 'month', message: 'YYYY-MM' },
    ]);
  });

  it('runs no audit task when no audit function is given, even with a task runner', async () => {
    const errors: Array<{ error: unknown; name: string }> = [];
    const tasks = new BackgroundTasks({ onError: (error, name) => errors.push({ error, name }) });
    const url = await serve(createReportsApp({ queue: freshQueue(), tasks }));
    expect((await post(url, VALID)).status).toBe(202);
    await tasks.drain();
    expect(errors).toEqual([]);
  });

  it('a failing audit reaches the task runner named "audit", never the client', async () => {
    const errors: Array<{ error: unknown; name: string }> = [];
    const tasks = new BackgroundTasks({ onError: (error, name) => errors.push({ error, name }) });
    const boom = new Error('audit log down');
    const url = await serve(
      createReportsApp({
        queue: freshQueue(),
        tasks,
        audit: async () => {
          throw boom;
        },
      }),
    );
    expect((await post(url, VALID)).status).toBe(202);
    await tasks.drain();
    expect(errors).toEqual([{ error: boom, name: 'audit' }]);
  });
});

/** A queue whose `get` fails with the given error: the way to reach the error middleware with any error. */
class FailingQueue extends RedisQueue {
  constructor(private readonly error: unknown) {
    super({ redis, prefix: `${PREFIX}failing:` });
  }
  override async get(): Promise<JobState | undefined> {
    throw this.error;
  }
}

async function getWith(error: unknown) {
  const seen: unknown[] = [];
  const url = await serve(createReportsApp({ queue: new FailingQueue(error), onError: (e) => seen.push(e) }));
  const res = await fetch(`${url}/jobs/some-job`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, seen };
}

describe('the error middleware', () => {
  it.each([400, 404, 499])(
    'an error with status %i is the client’s: that status, bad_request',
    async (status) => {
      const { status: got, body, seen } = await getWith(Object.assign(new Error('client'), { status }));
      expect(got).toBe(status);
      expect(body.code).toBe('bad_request');
      expect(seen).toEqual([]);
    },
  );

  it.each([
    ['status 500', { status: 500 }],
    ['status 399', { status: 399 }],
    ['a string status "400"', { status: '400' }],
    ['no status', {}],
  ])('an error with %s is ours: 503 queue_unavailable, reported to onError', async (_, extra) => {
    const error = Object.assign(new Error('ours'), extra);
    const { status, body, seen } = await getWith(error);
    expect(status).toBe(503);
    expect(body).toMatchObject({ code: 'queue_unavailable', retryAfterSeconds: 5 });
    expect(seen).toEqual([error]);
  });

  it('a rejection with null is ours too (Express hands it on wrapped in an Error)', async () => {
    const { status, seen } = await getWith(null);
    expect(status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it('without onError, a server error still answers 503', async () => {
    const url = await serve(createReportsApp({ queue: new FailingQueue(new Error('down')) }));
    const res = await fetch(`${url}/jobs/x`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'the job queue is unavailable; retry later',
    );
  });

  it('an error after the response was sent is left to Express, not answered again or reported', async () => {
    const seen: unknown[] = [];
    // A task runner that throws when handed the audit task: postReport fails after its 202 is written.
    class ThrowingTasks extends BackgroundTasks {
      override after(): void {
        throw new Error('late');
      }
    }
    const tasks = new ThrowingTasks({ onError: () => {} });
    const url = await serve(
      createReportsApp({ queue: freshQueue(), tasks, audit: async () => {}, onError: (e) => seen.push(e) }),
    );
    const res = await post(url, VALID);
    expect(res.status).toBe(202);
    await res.text().catch(() => '');
    expect(seen).toEqual([]);
  });

  it('names the method and the path of an unknown route, the path cut at 100 characters', async () => {
    const url = await serve(createReportsApp({ queue: freshQueue() }));
    const long = `/${'p'.repeat(150)}`;
    const res = await fetch(`${url}${long}`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('not_found');
    expect(body.detail).toBe(`no route for DELETE ${long.slice(0, 100)}`);
  });
  it('takes a body up to 16 KiB, refuses one over it with 413, and does not advertise Express', async () => {
    const url = await serve(createReportsApp({ queue: freshQueue() }));
    // 15 KiB of padding: parsed (then refused by the schema as an unknown field), not cut off by size.
    const fits = await post(url, { ...VALID, pad: 'x'.repeat(15 * 1024) });
    expect(fits.status).toBe(400);
    expect(((await fits.json()) as { code: string }).code).toBe('invalid_report_request');
    expect(fits.headers.get('x-powered-by')).toBeNull();
    const over = await post(url, { ...VALID, pad: 'x'.repeat(17 * 1024) });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { code: string }).code).toBe('body_too_large');
  });
});
