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

  it('answers bad input with a 4xx problem+json body that has detail and code', async () => {
    const notFound = await fetch(`${server.url}/users`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await notFound.json()).toMatchObject({ code: 'not_found', detail: expect.any(String) });
    const badDelay = await fetch(`${server.url}/item/1?delay=-5`);
    expect(badDelay.status).toBe(400);
    expect(await badDelay.json()).toMatchObject({ code: 'bad_delay', detail: expect.any(String) });
    await expect(getJson(`${server.url}/nope`)).rejects.toThrow('answered 404');
  });
});
