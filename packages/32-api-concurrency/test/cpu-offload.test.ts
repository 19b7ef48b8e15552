import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Activity,
  cheapWhileCpu,
  countPrimes,
  createApp,
  createCpuPool,
  httpGet,
} from '../src/index.ts';

// Big enough that each CPU request spans many cheap round trips even on a fast, idle machine.
const LIMIT = 1_000_000;

describe('countPrimes', () => {
  it('matches the known prime counts', () => {
    expect([0, 2, 3, 10, 100, 10_000, 100_000].map(countPrimes)).toEqual([0, 0, 1, 4, 25, 1229, 9592]);
  });

  it('rejects a limit that is not a non-negative integer', () => {
    expect(() => countPrimes(-1)).toThrow(RangeError);
    expect(() => countPrimes(1.5)).toThrow(RangeError);
  });
});

describe('CPU work inline vs in a piscina pool', () => {
  const cpu = createCpuPool({ threads: 2, maxQueue: 8 });
  let server: Listening;
  let activity: Activity;

  beforeAll(async () => {
    await cpu.warm();
    const api = createApp({ cpu });
    activity = api.activity;
    server = await listen(api.app);
  });

  afterAll(async () => {
    await server.close();
    await cpu.close();
  });

  it('returns the same result from a worker thread as computed inline', async () => {
    for (const limit of [0, 10, 100_000, 250_000]) {
      const inline = await httpGet(`${server.url}/primes/inline?limit=${limit}`);
      const pooled = await httpGet(`${server.url}/primes/pooled?limit=${limit}`);
      expect(inline.json).toMatchObject({ limit, primes: countPrimes(limit), mode: 'inline', threadId: 0 });
      expect(pooled.json).toMatchObject({ limit, primes: countPrimes(limit), mode: 'pooled' });
      // threadId 0 is the main thread: a non-zero id is a piscina worker.
      expect((pooled.json as { threadId: number }).threadId).toBeGreaterThan(0);
    }
  });

  it('keeps answering the cheap endpoint while CPU requests run in the pool', async () => {
    activity.reset();
    const run = await cheapWhileCpu({
      baseUrl: server.url,
      cpuPath: `/primes/pooled?limit=${LIMIT}`,
      cpuRequests: 2,
    });
    expect(run.cpuAnswers.map((a) => (a.json as { primes: number }).primes)).toEqual([78_498, 78_498]);
    const counts = activity.snapshot();
    expect(counts.cpuFinished).toBe(2);
    expect(counts.cheapServedDuringCpu).toBeGreaterThan(0);
    // Two CPU requests, two threads: each ran on a worker, neither on the loop.
    const threads = new Set(run.cpuAnswers.map((a) => (a.json as { threadId: number }).threadId));
    expect([...threads].every((id) => id > 0)).toBe(true);
  });

  it('serves zero cheap requests while an inline CPU request runs; they are answered only afterwards', async () => {
    activity.reset();
    const run = await cheapWhileCpu({
      baseUrl: server.url,
      cpuPath: `/primes/inline?limit=${LIMIT}`,
      cpuRequests: 2,
    });
    expect(run.cpuAnswers.map((a) => (a.json as { primes: number }).primes)).toEqual([78_498, 78_498]);
    const counts = activity.snapshot();
    expect(counts.cpuFinished).toBe(2);
    expect(counts.cheapServedDuringCpu).toBe(0);
    // The cheap client was waiting the whole time: its requests were served, just never during the CPU work.
    expect(counts.cheapServed).toBeGreaterThan(0);
    expect(run.cheapAnswered).toBeGreaterThan(0);
  });
});

describe('a bounded CPU queue', () => {
  it('answers 503 with Retry-After once every thread is busy and the queue is full', async () => {
    const cpu = createCpuPool({ threads: 1, maxQueue: 1, retryAfterSeconds: 2 });
    await cpu.warm();
    const server = await listen(createApp({ cpu }).app);
    try {
      // One runs, one waits, the rest find the queue full (each task takes about a second of CPU).
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => httpGet(`${server.url}/primes/pooled?limit=5000000`)),
      );
      const ok = answers.filter((a) => a.status === 200);
      const busy = answers.filter((a) => a.status === 503);
      expect(ok.length + busy.length).toBe(6);
      expect(ok.length).toBeGreaterThanOrEqual(2);
      expect(busy.length).toBeGreaterThanOrEqual(1);
      for (const answer of busy) {
        expect(answer.headers['retry-after']).toBe('2');
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.json).toMatchObject({ status: 503, code: 'cpu_pool_busy', retryAfterSeconds: 2 });
      }
    } finally {
      await server.close();
      await cpu.close();
    }
  });
});
