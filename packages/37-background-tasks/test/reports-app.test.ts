import { FlakyLink } from '@lab/common/flaky-link';
import { type Listening, listen } from '@lab/common/http';
import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../src/after-response.ts';
import { RedisQueue } from '../src/queue.ts';
import { createReportsApp } from '../src/reports-app.ts';

const PREFIX = testKeyPrefix(import.meta.url);
const VALID = { userId: 'u-42', kind: 'sales', month: '2024-05' };

let redis: Redis;
let queue: RedisQueue;
let server: Listening;
const audited: Array<{ jobId: string; replayed: boolean }> = [];
const tasks = new BackgroundTasks({ onError: () => {} });
beforeAll(async () => {
  redis = await testRedis();
  queue = new RedisQueue({ redis, prefix: PREFIX });
  const app = createReportsApp({
    queue,
    tasks,
    audit: async ({ jobId, replayed }) => {
      audited.push({ jobId, replayed });
    },
  });
  server = await listen(app);
});
afterAll(async () => {
  await server.close();
  await deleteKeysWithPrefix(redis, PREFIX);
  await redis.quit();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** The kit's problem body, with the status and code this path was designed to answer. */
async function expectProblem(res: Response, status: number, code: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`));
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(problemViolations(body, status)).toEqual([]);
  expect(body.code).toBe(code);
  return body;
}

describe('POST /reports and GET /jobs/:id', () => {
  it('answers 202 with a job id and a Location to poll; the job waits for a worker', async () => {
    const res = await post(VALID);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { jobId: string; status: string; statusUrl: string };
    expect(body).toEqual({ jobId: expect.any(String), status: 'accepted', statusUrl: `/jobs/${body.jobId}` });
    expect(res.headers.get('location')).toBe(`/jobs/${body.jobId}`);
    const job = await fetch(server.url + body.statusUrl);
    expect(job.status).toBe(200);
    expect(await job.json()).toMatchObject({
      id: body.jobId,
      status: 'waiting',
      attempts: 0,
      maxAttempts: 3,
    });
  });

  it('shows the result once a worker completed the job, and lastError after a failure', async () => {
    const { jobId } = (await (await post({ ...VALID, userId: 'u-result' })).json()) as { jobId: string };
    let job = await queue.reserve();
    while (job && job.id !== jobId) job = await queue.reserve();
    if (!job) throw new Error('job not found in the queue');
    await queue.fail(job, new Error('renderer crashed'));
    const failed = (await (await fetch(`${server.url}/jobs/${jobId}`)).json()) as Record<string, unknown>;
    expect(failed).toMatchObject({ status: 'delayed', attempts: 1, lastError: 'Error: renderer crashed' });
    expect(failed.runAt).toEqual(expect.any(String));
    expect(failed.result).toBeUndefined();
  });

  it('the same Idempotency-Key and body: the same job, marked as a replay; no second job', async () => {
    const before = await queue.counts();
    const first = (await (await post(VALID, { 'idempotency-key': 'order-7' })).json()) as { jobId: string };
    const again = await post(VALID, { 'idempotency-key': 'order-7' });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { jobId: string }).jobId).toBe(first.jobId);
    expect((await queue.counts()).waiting).toBe(before.waiting + 1);
  });

  it('the same Idempotency-Key with another body: 422 idempotency_key_reused, naming the first job', async () => {
    const first = (await (await post(VALID, { 'idempotency-key': 'order-8' })).json()) as { jobId: string };
    const body = await expectProblem(
      await post({ ...VALID, kind: 'usage' }, { 'idempotency-key': 'order-8' }),
      422,
      'idempotency_key_reused',
    );
    expect(body.jobId).toBe(first.jobId);
  });

  it('runs the audit task after the response, and marks replays', async () => {
    const { jobId } = (await (await post(VALID, { 'idempotency-key': 'order-9' })).json()) as {
      jobId: string;
    };
    await post(VALID, { 'idempotency-key': 'order-9' });
    await tasks.drain();
    expect(audited.filter((a) => a.jobId === jobId)).toEqual([
      { jobId, replayed: false },
      { jobId, replayed: true },
    ]);
  });
});

describe('adversarial input: 4xx with a problem body, never a 500', () => {
  const invalid: Array<[string, unknown]> = [
    ['NUL in userId', { ...VALID, userId: 'u\u0000' }],
    ['a lone surrogate in userId', { ...VALID, userId: '\ud800' }],
    ['a 10k-character userId', { ...VALID, userId: 'u'.repeat(10_000) }],
    ['a number for userId (wrong type)', { ...VALID, userId: 42 }],
    ['an unknown kind', { ...VALID, kind: 'everything' }],
    ['a missing field', { userId: 'u-1', kind: 'sales' }],
    ['an extra field', { ...VALID, admin: true }],
    ['month 2024-13', { ...VALID, month: '2024-13' }],
    ['an array body', [VALID]],
  ];
  it.each(invalid)('%s → 400 invalid_report_request', async (_, body) => {
    const problem = await expectProblem(await post(body), 400, 'invalid_report_request');
    expect(problem.errors).toEqual(expect.any(Array));
  });

  it.each([
    ['malformed JSON', '{"userId":'],
    ['a bare null (express.json takes objects and arrays only)', 'null'],
  ])('%s → 400 malformed_json', async (_, text) => {
    await expectProblem(await post(text), 400, 'malformed_json');
  });

  it('a body over 16 KiB → 413 body_too_large', async () => {
    await expectProblem(await post({ ...VALID, pad: 'x'.repeat(20_000) }), 413, 'body_too_large');
  });

  it('text/plain → 415 unsupported_media_type', async () => {
    await expectProblem(
      await post(JSON.stringify(VALID), { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
  });

  it.each([
    ['300 characters', 'k'.repeat(300)],
    ['a space', 'two words'],
    ['non-ASCII', 'clé'],
  ])('an Idempotency-Key with %s → 400 invalid_idempotency_key', async (_, key) => {
    const headers = new Headers({ 'content-type': 'application/json' });
    headers.set('idempotency-key', key);
    const res = await fetch(`${server.url}/reports`, {
      method: 'POST',
      headers,
      body: JSON.stringify(VALID),
    });
    await expectProblem(res, 400, 'invalid_idempotency_key');
  });

  it.each([
    ['an unknown id', '/jobs/00000000-0000-0000-0000-000000000000'],
    ['NUL in the id', '/jobs/a%00b'],
    ['a 10k-character id', `/jobs/${'9'.repeat(10_000)}`],
    ['glob characters in the id', '/jobs/*'],
  ])('GET with %s → 404 job_not_found', async (_, path) => {
    await expectProblem(await fetch(server.url + path), 404, 'job_not_found');
  });

  it('a lone surrogate in the id (%ED%A0%80, not UTF-8) → 400 bad_request from the router', async () => {
    await expectProblem(await fetch(`${server.url}/jobs/%ED%A0%80`), 400, 'bad_request');
  });

  it('an unknown route → 404 not_found', async () => {
    await expectProblem(await fetch(`${server.url}/nowhere`), 404, 'not_found');
  });

  it('Redis unreachable → 503 queue_unavailable with retryAfterSeconds', async () => {
    const link = await new FlakyLink(
      '127.0.0.1',
      Number(new URL(String(process.env.REDIS_URL)).port),
    ).start();
    const flaky = new Redis(link.port, '127.0.0.1', { maxRetriesPerRequest: 0, retryStrategy: () => null });
    flaky.on('error', () => {});
    const errors: unknown[] = [];
    const down = await listen(
      createReportsApp({
        queue: new RedisQueue({ redis: flaky, prefix: PREFIX }),
        onError: (e) => errors.push(e),
      }),
    );
    try {
      link.drop();
      const body = await expectProblem(
        await post(VALID).then(() => fetch(`${down.url}/jobs/x`)),
        503,
        'queue_unavailable',
      );
      expect(body.retryAfterSeconds).toBe(5);
      expect(errors).toHaveLength(1);
    } finally {
      await down.close();
      flaky.disconnect();
      await link.close();
    }
  });
});
