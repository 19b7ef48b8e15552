import { Agent } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Activity,
  cheapWhileCpu,
  countPrimes,
  createApp,
  createCpuPool,
  type HttpAnswer,
  httpGet,
  Latch,
} from '../src/index.ts';

// Inline CPU work: whatever its size, the loop serves no one until it ends, so the assertions hold for any
// limit; this one keeps cheap requests arriving during the work without burning a shared machine's CPU.
const LIMIT = 300_000;

describe('countPrimes', () => {
  it('matches the known prime counts', () => {
    expect([0, 2, 3, 10, 100, 10_000, 100_000].map(countPrimes)).toEqual([0, 0, 1, 4, 25, 1229, 9592]);
  });

  it('rejects a limit that is not a non-negative integer, naming it', () => {
    expect(() => countPrimes(-1)).toThrow(new RangeError('limit must be a non-negative integer: -1'));
    expect(() => countPrimes(1.5)).toThrow(new RangeError('limit must be a non-negative integer: 1.5'));
  });
});

describe('Activity', () => {
  it('counts cheap responses served during CPU work apart from the others', () => {
    const activity = new Activity();
    activity.cheap();
    activity.cpuStart();
    activity.cheap();
    activity.cheap();
    activity.cpuEnd();
    activity.cheap();
    expect(activity.snapshot()).toEqual({
      cpuInFlight: 0,
      cpuStarted: 1,
      cpuFinished: 1,
      cheapServed: 4,
      cheapServedDuringCpu: 2,
    });
  });

  it('reset() zeroes the totals but keeps the CPU requests still in flight', () => {
    const activity = new Activity();
    activity.cpuStart();
    activity.cpuStart();
    activity.cpuEnd();
    activity.cheap();
    activity.reset();
    expect(activity.snapshot()).toEqual({
      cpuInFlight: 1,
      cpuStarted: 0,
      cpuFinished: 0,
      cheapServed: 0,
      cheapServedDuringCpu: 0,
    });
    // The request still in flight makes later cheap responses count as served during CPU work.
    activity.cheap();
    expect(activity.snapshot()).toMatchObject({ cheapServed: 1, cheapServedDuringCpu: 1 });
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

  it('serves zero cheap requests while an inline CPU request runs; they are answered only afterwards', async () => {
    activity.reset();
    const run = await cheapWhileCpu({
      baseUrl: server.url,
      cpuPath: `/primes/inline?limit=${LIMIT}`,
      cpuRequests: 2,
    });
    expect(run.cpuAnswers.map((a) => (a.json as { primes: number }).primes)).toEqual([25_997, 25_997]);
    const counts = activity.snapshot();
    expect(counts.cpuFinished).toBe(2);
    expect(counts.cheapServedDuringCpu).toBe(0);
    // The cheap client kept a request in flight the whole time: every one was served, none during the CPU work.
    expect(counts.cheapServed).toBeGreaterThan(0);
    expect(counts.cheapServed).toBe(run.cheapAnswered);
  });
});

describe('CPU requests held in the pool on a latch', () => {
  // The latch, not the size of the work, decides when a CPU request ends: what the main thread managed
  // meanwhile is then a count, the same on an idle laptop and a loaded 2-core CI runner.
  const primesOf = (answer: HttpAnswer) => (answer.json as { primes: number }).primes;

  it('answers every cheap request while both pool threads are held inside CPU requests', async () => {
    const CHEAP = 20;
    const latch = new Latch();
    const cpu = createCpuPool({ threads: 2, maxQueue: 8, latch });
    await cpu.warm();
    const { app, activity } = createApp({ cpu });
    const server = await listen(app);
    const agent = new Agent({ keepAlive: true });
    try {
      const cpuAnswers = Promise.all(
        [1, 2].map(() => httpGet(`${server.url}/primes/pooled?limit=100000`, { agent })),
      );
      await latch.arrivals(2);
      // Both threads are now stopped inside a CPU request, and only latch.open() lets them go on.
      const cheap: HttpAnswer[] = [];
      for (let i = 0; i < CHEAP; i++) cheap.push(await httpGet(`${server.url}/ping`, { agent }));
      expect(cheap.map((a) => a.status)).toEqual(Array.from({ length: CHEAP }, () => 200));
      expect(activity.snapshot()).toEqual({
        cpuInFlight: 2,
        cpuStarted: 2,
        cpuFinished: 0,
        cheapServed: CHEAP,
        cheapServedDuringCpu: CHEAP,
      });
      expect(cpu.completed).toBe(2); // warm()'s two tasks, none of ours

      latch.open();
      const answers = await cpuAnswers;
      expect(answers.map(primesOf)).toEqual([9592, 9592]);
      expect(activity.snapshot()).toMatchObject({ cpuInFlight: 0, cpuFinished: 2 });
      // Held at the same moment, the two requests were on two different threads, neither of them the main one.
      const threads = new Set(answers.map((a) => (a.json as { threadId: number }).threadId));
      expect(threads.size).toBe(2);
      expect([...threads].every((id) => id > 0)).toBe(true);
    } finally {
      latch.open();
      agent.destroy();
      await server.close();
      await cpu.close();
    }
  });

  it('answers 503 with Retry-After once every thread is busy and the queue is full', async () => {
    const latch = new Latch();
    const cpu = createCpuPool({ threads: 1, maxQueue: 1, retryAfterSeconds: 2, latch });
    await cpu.warm();
    const server = await listen(createApp({ cpu }).app);
    try {
      const url = `${server.url}/primes/pooled?limit=1000`;
      const first = httpGet(url);
      await latch.arrivals(1);
      // The only thread is held inside the first request: of five more, one takes the queue's one place and
      // four find it full. Those four are answered now, while the thread is still held.
      const refused: HttpAnswer[] = [];
      let fourRefused: () => void = () => {};
      const allRefused = new Promise<void>((resolve) => {
        fourRefused = resolve;
      });
      const more = Array.from({ length: 5 }, () =>
        httpGet(url).then((answer) => {
          if (answer.status === 503 && refused.push(answer) === 4) fourRefused();
          return answer;
        }),
      );
      await allRefused;
      expect(latch.arrived).toBe(1);
      for (const answer of refused) {
        expect(answer.headers['retry-after']).toBe('2');
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.json).toMatchObject({ status: 503, code: 'cpu_pool_busy', retryAfterSeconds: 2 });
      }

      latch.open();
      const answers = await Promise.all([first, ...more]);
      expect(answers.filter((a) => a.status === 200).map(primesOf)).toEqual([168, 168]);
      expect(answers.filter((a) => a.status === 503)).toHaveLength(4);
      // The queued request reached the latch only after the first had left it.
      expect(latch.arrived).toBe(2);
    } finally {
      latch.open();
      await server.close();
      await cpu.close();
    }
  });
});
