import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchConcurrent, fetchLimited, fetchSequential, getJson } from '../src/fetch-all.ts';
import { type SlowServer, startSlowServer } from '../src/slow-server.ts';

let server: SlowServer;
const urls = () => Array.from({ length: 6 }, (_, i) => `${server.url}/item/${i}`);
const expected = [0, 1, 2, 3, 4, 5].map((id) => ({ id }));

beforeAll(async () => {
  server = await startSlowServer({ delayMs: 20 });
});
afterAll(() => server.close());
beforeEach(() => server.resetStats());

// Concurrency is read on the server's side: what the upstream really saw at once.
describe('against a real loopback server that answers after a delay', () => {
  it('sequential awaits keep one request in flight', async () => {
    expect(await fetchSequential(urls())).toEqual(expected);
    expect(server.stats).toMatchObject({ served: 6, maxInFlight: 1 });
  });

  it('Promise.all has every request in flight at once', async () => {
    // Answers wait until all six are in: the call completes only if they really overlapped.
    server.holdUntilInFlight(6);
    expect(await fetchConcurrent(urls())).toEqual(expected);
    expect(server.stats).toMatchObject({ served: 6, maxInFlight: 6 });
  });

  it('the limiter lets exactly N reach the server at once, and keeps the order of results', async () => {
    server.holdUntilInFlight(2);
    expect(await fetchLimited(urls(), 2)).toEqual(expected);
    expect(server.stats).toMatchObject({ served: 6, maxInFlight: 2 });
  });

  it('getJson rejects an answer that is not 2xx, naming the URL and the status', async () => {
    await expect(getJson(`${server.url}/nope`)).rejects.toThrow(`GET ${server.url}/nope answered 404`);
  });
});
