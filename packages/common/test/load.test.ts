import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, type LoadResult, listen, loadTest, startLoad } from '../src/http.ts';
import { runInFreshWorker } from '../src/workers.ts';

const inWorker = fileURLToPath(new URL('./fixtures/load-in-worker.ts', import.meta.url));

let server: Listening;
let served = 0;
let failNext = 0;
beforeAll(async () => {
  server = await listen((_req, res) => {
    served++;
    if (failNext > 0) {
      failNext--;
      res.writeHead(503).end();
      return;
    }
    res.end('ok');
  });
});
afterAll(() => server.close());

function expectSummary(result: LoadResult, requests: number): void {
  expect(result.requests).toBe(requests);
  expect(result.latencyP50).toBeGreaterThanOrEqual(0);
  expect(result.latencyP99).toBeGreaterThanOrEqual(result.latencyP50);
  expect(result.requestsPerSec).toBeGreaterThan(0);
  expect(result.errors).toBe(0);
  expect(result.timeouts).toBe(0);
}

describe('loadTest', () => {
  it('sends exactly `amount` requests and summarises them', async () => {
    served = 0;
    const result = await loadTest({ url: server.url, connections: 2, amount: 30 });
    expectSummary(result, 30);
    expect(served).toBe(30);
    expect(result.non2xx).toBe(0);
  });

  it('gives the same summary inside a worker thread, where autocannon skips its own', async () => {
    served = 0;
    const result = await runInFreshWorker<{ url: string }, LoadResult>(inWorker, { url: server.url });
    expectSummary(result, 40);
    expect(served).toBe(40);
  });

  it('counts answers outside 2xx', async () => {
    failNext = 5;
    const result = await loadTest({ url: server.url, connections: 1, amount: 12 });
    expect(result.non2xx).toBe(5);
    expect(result.requests).toBe(12);
  });

  it('counts requests that got no answer as errors', async () => {
    const closed = await listen(() => {});
    const url = closed.url;
    await closed.close();
    const result = await loadTest({ url, connections: 1, amount: 3 });
    expect(result.errors).toBeGreaterThan(0);
    expect(result.requests).toBe(0);
  });

  it('refuses any host but loopback before sending anything', async () => {
    await expect(loadTest({ url: 'http://example.com/' })).rejects.toThrow(
      'load tests run on loopback only, not example.com',
    );
    for (const url of ['http://localhost:1/', 'http://[::1]:1/'])
      await expect(
        startLoad({ url, connections: 1, amount: 1 }).then((run) => run.stop()),
      ).resolves.toMatchObject({
        requests: 0,
      });
  });
});

describe('startLoad', () => {
  it('runs until stop() and then resolves with what was sent', async () => {
    served = 0;
    const run = await startLoad({ url: server.url, connections: 2, duration: 60 });
    while (served < 50) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = await run.stop();
    expect(stopped.requests).toBeGreaterThanOrEqual(50);
    expect(stopped.requests).toBeLessThanOrEqual(served);
    expect(await run.done).toBe(stopped);
  });
});
