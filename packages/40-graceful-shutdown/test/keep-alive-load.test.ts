import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterEach, describe, expect, it } from 'vitest';
import { keepAliveLoad, percentile } from '../src/keep-alive-load.ts';

type Answer = (n: number, req: IncomingMessage, res: ServerResponse) => void;

let server: Listening | undefined;
afterEach(() => server?.close());

/** A server that hands its n-th request (from 1) to `answer`, and a promise that resolves after `stopAt`. */
async function serve(answer: Answer, stopAt: number) {
  let served = 0;
  let reached: () => void = () => {};
  const stop = new Promise<void>((resolve) => {
    reached = resolve;
  });
  server = await listen((req, res) => {
    served++;
    if (served === stopAt) reached();
    answer(served, req, res);
  });
  return { url: server.url, stop, served: () => served };
}

describe('keepAliveLoad', () => {
  it('counts every request it sent, the non-2xx answers among them, and reuses its connections', async () => {
    const s = await serve((n, _req, res) => res.writeHead(n % 3 === 0 ? 503 : 200).end('x'), 30);
    const result = await keepAliveLoad({ url: s.url, connections: 2, stop: s.stop });
    expect(result.failed).toBe(0);
    expect(result.requests).toBe(s.served());
    expect(result.non2xx).toBe(Math.floor(s.served() / 3));
    expect(result.connectionsOpened).toBe(2);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p99).toBeGreaterThanOrEqual(result.p50);
  });

  it('opens a new connection after every `Connection: close`, as a well-behaved client must', async () => {
    const s = await serve((_n, _req, res) => res.writeHead(200, { connection: 'close' }).end('x'), 12);
    const result = await keepAliveLoad({ url: s.url, connections: 2, stop: s.stop });
    expect(result.failed).toBe(0);
    expect(result.connectionsOpened).toBe(result.requests);
    expect(result.requests).toBe(s.served());
  });

  it('counts a request whose connection dies before the answer as failed, not as answered', async () => {
    const s = await serve((n, req, res) => (n % 4 === 0 ? req.socket.destroy() : res.end('x')), 20);
    const result = await keepAliveLoad({ url: s.url, connections: 1, stop: s.stop });
    expect(result.failed).toBe(Math.floor(s.served() / 4));
    expect(result.requests).toBe(s.served());
    expect(result.non2xx).toBe(0);
  });

  it('gives up on a request with no answer after timeoutMs and counts it failed', async () => {
    // The 2nd request is never answered; the load stops once the 4th arrives.
    const s = await serve((n, _req, res) => (n === 2 ? undefined : res.end('x')), 4);
    const result = await keepAliveLoad({ url: s.url, connections: 1, stop: s.stop, timeoutMs: 1_000 });
    expect(result.failed).toBe(1);
    expect(result.requests).toBe(s.served());
  });

  it('reports zero latencies when nothing was answered', async () => {
    const s = await serve((_n, req) => req.socket.destroy(), 3);
    const result = await keepAliveLoad({ url: s.url, connections: 1, stop: s.stop });
    expect(result).toMatchObject({ p50: 0, p99: 0, non2xx: 0 });
    expect(result.failed).toBe(result.requests);
  });

  it('refuses any host but 127.0.0.1', async () => {
    await expect(
      keepAliveLoad({ url: 'http://localhost:1/', connections: 1, stop: Promise.resolve() }),
    ).rejects.toThrow('load runs on loopback only, not localhost');
  });

  it('counts exactly the answers outside 200-299 as non-2xx: 299 is a success, 300 is not', async () => {
    const statuses = [200, 299, 300, 204, 404];
    const s = await serve(
      (n, _req, res) => res.writeHead(statuses[(n - 1) % statuses.length] ?? 200).end(),
      25,
    );
    const result = await keepAliveLoad({ url: s.url, connections: 1, stop: s.stop });
    const served = s.served();
    const non2xx = Array.from({ length: served }, (_, i) => statuses[i % statuses.length] ?? 200).filter(
      (status) => status >= 300,
    ).length;
    expect(result.non2xx).toBe(non2xx);
    expect(result.requests).toBe(served);
  });

  it('measures each latency from the request it belongs to: none can exceed the whole run', async () => {
    const s = await serve((_n, _req, res) => res.end('x'), 10);
    const before = performance.now();
    const result = await keepAliveLoad({ url: s.url, connections: 2, stop: s.stop });
    const whole = performance.now() - before;
    expect(result.p99).toBeLessThanOrEqual(whole);
    expect(result.p50).toBeLessThanOrEqual(result.p99);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [50, 51],
    [99, 100],
    [100, 100],
    [0, 1],
  ])('p%i of 1..100 is %i', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it('takes the highest value when the rank passes the end, and 0 for no values', () => {
    expect(percentile([3, 7], 99)).toBe(7);
    expect(percentile([3, 7], 50)).toBe(7);
    expect(percentile([3, 7, 9, 11], 25)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});
