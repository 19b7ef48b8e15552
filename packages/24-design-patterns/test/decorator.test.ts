import type { IncomingMessage, ServerResponse } from 'node:http';
import { manualClock } from '@lab/common/clock';
import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchClient,
  type HttpClient,
  type LoggedCall,
  retryDelay,
  withLogging,
  withRetry,
} from '../src/decorator.ts';

/** A loopback upstream that answers each path from a script: `/flaky/2` fails twice with 503, then 200. */
let upstream: Listening;
const hits = new Map<string, number>();
beforeAll(async () => {
  upstream = await listen((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const [, kind, arg] = new URL(path, 'http://upstream').pathname.split('/');
    if (kind === 'flaky' && n <= Number(arg)) return void res.writeHead(503).end('busy');
    if (kind === 'limited' && n === 1) return void res.writeHead(429, { 'retry-after': arg ?? '1' }).end();
    if (kind === 'status') return void res.writeHead(Number(arg)).end();
    if (kind === 'echo') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () =>
        res
          .writeHead(200, { 'x-seen-method': req.method ?? '' })
          .end(`${req.headers['x-probe'] ?? '-'} ${Buffer.concat(chunks).toString()}`),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok after ${n}`);
  });
});
afterAll(() => upstream.close());

let unique = 0;
/** A fresh path per test, so the upstream's counters never mix between tests. */
const at = (path: string) => `${upstream.url}${path}?t=${unique++}`;
const hitsOf = (url: string) => hits.get(new URL(url).pathname + new URL(url).search) ?? 0;

describe('decorator: retries wrapped around an HttpClient', () => {
  it('a GET that meets two 503s is retried, with doubling waits, and succeeds on the third try', async () => {
    const clock = manualClock();
    const client = withRetry(fetchClient, { attempts: 4, baseDelayMs: 100, clock });
    const url = at('/flaky/2');
    const response = await client({ method: 'GET', url });
    expect(response).toMatchObject({ status: 200, body: 'ok after 3' });
    expect(hitsOf(url)).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('gives up after `attempts` tries and returns the last answer', async () => {
    const clock = manualClock();
    const url = at('/flaky/9');
    const response = await withRetry(fetchClient, { attempts: 3, baseDelayMs: 50, clock })({
      method: 'GET',
      url,
    });
    expect(response.status).toBe(503);
    expect(hitsOf(url)).toBe(3);
    expect(clock.sleeps).toEqual([50, 100]);
  });

  it('a POST is never retried: the first try may have reached the server', async () => {
    const clock = manualClock();
    const url = at('/flaky/1');
    const response = await withRetry(fetchClient, { attempts: 5, baseDelayMs: 10, clock })({
      method: 'POST',
      url,
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect(hitsOf(url)).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([400, 404, 500])('a %i is not retried', async (status) => {
    const clock = manualClock();
    const url = at(`/status/${status}`);
    expect(
      (await withRetry(fetchClient, { attempts: 3, baseDelayMs: 10, clock })({ method: 'GET', url })).status,
    ).toBe(status);
    expect(hitsOf(url)).toBe(1);
  });

  it("a 429's Retry-After (seconds) replaces the backoff, capped at maxDelayMs", async () => {
    const clock = manualClock();
    const url = at('/limited/2');
    await withRetry(fetchClient, { attempts: 2, baseDelayMs: 10, clock })({ method: 'GET', url });
    expect(clock.sleeps).toEqual([2000]);
    const capped = manualClock();
    await withRetry(fetchClient, { attempts: 2, baseDelayMs: 10, maxDelayMs: 500, clock: capped })({
      method: 'GET',
      url: at('/limited/60'),
    });
    expect(capped.sleeps).toEqual([500]);
  });

  it('retryDelay: backoff doubles; a malformed Retry-After is ignored', () => {
    const options = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, options))).toEqual([100, 200, 400, 800, 1000]);
    expect(retryDelay(1, options, ' 3 ')).toBe(1000);
    expect(retryDelay(1, options, '0')).toBe(0);
    expect(retryDelay(2, options, 'soon')).toBe(200);
    expect(retryDelay(2, options, '-1')).toBe(200);
    expect(retryDelay(2, options, '3s')).toBe(200);
    expect(retryDelay(2, options, 'in 3')).toBe(200);
    expect(retryDelay(2, options, '1234567')).toBe(200);
    expect(retryDelay(1, { attempts: 2, baseDelayMs: 1, maxDelayMs: 2_000_000_000 }, '999999')).toBe(
      999_999_000,
    );
    expect(retryDelay(1, { attempts: 2, baseDelayMs: 40_000 })).toBe(30_000);
  });

  it('a refused connection (TypeError from fetch) is retried, then thrown', async () => {
    const closed = await listen(() => {});
    const url = `${closed.url}/`;
    await closed.close();
    const clock = manualClock();
    await expect(
      withRetry(fetchClient, { attempts: 3, baseDelayMs: 10, clock })({ method: 'GET', url }),
    ).rejects.toThrow(TypeError);
    expect(clock.sleeps).toEqual([10, 20]);
  });

  it('an error that is not a network error is thrown at once', async () => {
    let calls = 0;
    const broken: HttpClient = async () => {
      calls++;
      throw new RangeError('bug');
    };
    await expect(
      withRetry(broken, { attempts: 3, baseDelayMs: 10, clock: manualClock() })({ method: 'GET', url: 'x' }),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('attempts must be an integer of at least 1', () => {
    for (const attempts of [0, 1.5, Number.NaN])
      expect(() => withRetry(fetchClient, { attempts, baseDelayMs: 1 })).toThrow(
        new RangeError('attempts must be an integer >= 1'),
      );
  });

  it('attempts: 1 is a single try with no retry', async () => {
    const clock = manualClock();
    const url = at('/flaky/1');
    const response = await withRetry(fetchClient, { attempts: 1, baseDelayMs: 10, clock })({
      method: 'GET',
      url,
    });
    expect([response.status, hitsOf(url), clock.sleeps]).toEqual([503, 1, []]);
  });

  it.each(['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get'])(
    'a %s is idempotent, so it is retried',
    async (method) => {
      const clock = manualClock();
      const url = at('/flaky/1');
      const response = await withRetry(fetchClient, { attempts: 3, baseDelayMs: 10, clock })({ method, url });
      expect([response.status, hitsOf(url), clock.sleeps]).toEqual([200, 2, [10]]);
    },
  );

  it('a PATCH, like a POST, is not', async () => {
    const url = at('/flaky/1');
    const response = await withRetry(fetchClient, { attempts: 3, baseDelayMs: 10, clock: manualClock() })({
      method: 'PATCH',
      url,
      body: '{}',
    });
    expect([response.status, hitsOf(url)]).toEqual([503, 1]);
  });

  it.each([429, 502, 503, 504])('a %i is retried until attempts run out', async (status) => {
    const clock = manualClock();
    const url = at(`/status/${status}`);
    const response = await withRetry(fetchClient, { attempts: 3, baseDelayMs: 10, clock })({
      method: 'GET',
      url,
    });
    expect([response.status, hitsOf(url), clock.sleeps]).toEqual([status, 3, [10, 20]]);
  });

  it('fetchClient sends the method, headers and body, and returns status, headers and text', async () => {
    const response = await fetchClient({
      method: 'PUT',
      url: at('/echo'),
      headers: { 'x-probe': 'p1' },
      body: 'payload',
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-seen-method']).toBe('PUT');
    expect(response.body).toBe('p1 payload');
  });
});

describe('stacking decorators: the order decides what each sees', () => {
  it('logging outside the retry logs the call once; inside it, every attempt', async () => {
    const outside: LoggedCall[] = [];
    const inside: LoggedCall[] = [];
    const options = { attempts: 3, baseDelayMs: 10, clock: manualClock() };
    await withLogging(withRetry(fetchClient, options), (e) => outside.push(e))({
      method: 'GET',
      url: at('/flaky/2'),
    });
    await withRetry(
      withLogging(fetchClient, (e) => inside.push(e)),
      options,
    )({ method: 'GET', url: at('/flaky/2') });
    expect(outside.map((e) => e.status)).toEqual([200]);
    expect(inside.map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('logging records a thrown call as an error and rethrows it', async () => {
    const log: LoggedCall[] = [];
    const failing: HttpClient = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(
      withLogging(failing, (e) => log.push(e))({ method: 'GET', url: 'http://x/' }),
    ).rejects.toThrow('fetch failed');
    expect(log).toEqual([{ method: 'GET', url: 'http://x/', status: 'error' }]);
  });
});
