import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../src/fetch-all.ts';
import { type SlowServer, startSlowServer } from '../src/slow-server.ts';

let server: SlowServer;

beforeAll(async () => {
  server = await startSlowServer({ delayMs: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.resetStats());

const notFound = {
  status: 404,
  code: 'not_found',
  detail: 'only GET /item/<numeric id> exists',
};
const badDelay = {
  status: 400,
  code: 'bad_delay',
  detail: 'delay must be an integer from 0 to 60000 (ms)',
};

/** Starts a GET that the test cancels once the server holds it: the answer itself would take too long. */
async function inFlightThenCancel(on: SlowServer, path: string): Promise<void> {
  const client = new AbortController();
  const request = fetch(`${on.url}${path}`, { signal: client.signal }).catch(() => 'cancelled');
  await vi.waitFor(() => expect(on.stats.inFlight).toBe(1));
  client.abort();
  expect(await request).toBe('cancelled');
  await vi.waitFor(() => expect(on.stats).toMatchObject({ cancelled: 1, inFlight: 0 }));
}

describe('the slow upstream server', () => {
  it('answers GET /item/<id> with the id as JSON, for ids of one to nine digits', async () => {
    for (const id of [0, 42, 123_456_789]) {
      const response = await fetch(`${server.url}/item/${id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ id });
    }
  });

  it('answers anything else with a 404 problem: another method, path, prefix, suffix, or ten digits', async () => {
    const post = await fetch(`${server.url}/item/1`, { method: 'POST' });
    expect(await post.json()).toMatchObject(notFound);
    for (const path of ['/users', '/api/item/1', '/item/1/', '/item/1x', '/item/1234567890']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect({ path, body: await response.json() }).toMatchObject({ path, body: notFound });
    }
  });

  it('takes ?delay= as an integer from 0 to 60000 ms, and answers a 400 problem otherwise', async () => {
    for (const delay of ['-1', '60001', '1.5', 'soon']) {
      const response = await fetch(`${server.url}/item/1?delay=${delay}`);
      expect({ delay, body: await response.json() }).toMatchObject({ delay, body: badDelay });
    }
    expect(await getJson(`${server.url}/item/1?delay=0`)).toEqual({ id: 1 });
    await inFlightThenCancel(server, '/item/1?delay=60000');
  });

  it('counts from zero: what it answered, what its clients cancelled, and the most at once', async () => {
    const fresh = await startSlowServer({ delayMs: 60_000 });
    try {
      expect(fresh.stats).toEqual({ served: 0, cancelled: 0, inFlight: 0, maxInFlight: 0 });
      await getJson(`${fresh.url}/item/1?delay=0`);
      await inFlightThenCancel(fresh, '/item/2');
      await vi.waitFor(() =>
        expect(fresh.stats).toEqual({ served: 1, cancelled: 1, inFlight: 0, maxInFlight: 1 }),
      );
    } finally {
      await fresh.close();
    }
  });

  it('holdUntilInFlight keeps the first answer back until the count is reached', async () => {
    server.holdUntilInFlight(2);
    let secondSent = false;
    const first = getJson(`${server.url}/item/1`).then((body) => ({ body, secondSent }));
    await vi.waitFor(() => expect(server.stats.inFlight).toBe(1));
    secondSent = true;
    expect(await getJson(`${server.url}/item/2`)).toEqual({ id: 2 });
    expect(await first).toEqual({ body: { id: 1 }, secondSent: true });
    expect(server.stats.maxInFlight).toBe(2);
  });
});
