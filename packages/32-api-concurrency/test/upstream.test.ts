import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createApp,
  DependencyTimeoutError,
  DependencyUnavailableError,
  fetchUpstreamJson,
  httpGet,
  UpstreamBadResponseError,
} from '../src/index.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const open: Listening[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A fake upstream service that records every request it receives. */
async function upstream(
  handler: Handler,
): Promise<{ url: string; received: IncomingMessage[]; first: Promise<IncomingMessage> }> {
  const received: IncomingMessage[] = [];
  let arrived: (req: IncomingMessage) => void = () => {};
  const first = new Promise<IncomingMessage>((resolve) => {
    arrived = resolve;
  });
  const server = await listen((req, res) => {
    received.push(req);
    arrived(req);
    handler(req, res);
  });
  open.push(server);
  return { url: server.url, received, first };
}

async function api(upstreamUrl: string, timeoutMs: number): Promise<string> {
  const server = await listen(createApp({ upstream: { url: upstreamUrl, timeoutMs } }).app);
  open.push(server);
  return server.url;
}

describe('an outbound call with a deadline', () => {
  it('passes a good upstream answer through', async () => {
    const up = await upstream((_req, res) =>
      res.setHeader('content-type', 'application/json').end('{"price":42}'),
    );
    const answer = await httpGet(`${await api(up.url, 5_000)}/upstream`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ upstream: { price: 42 } });
  });

  it('answers 504 with a JSON body when the upstream never answers, and drops the upstream connection', async () => {
    // Never answers: only the deadline can end this call.
    const up = await upstream(() => {});
    const answer = await httpGet(`${await api(up.url, 100)}/upstream`);
    expect(answer.status).toBe(504);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      status: 504,
      code: 'upstream_timeout',
      detail: 'the upstream call did not finish within 100 ms',
    });
    expect(up.received).toHaveLength(1);
    const [call] = up.received;
    // Aborting the fetch closes its socket: the upstream sees the caller leave instead of a connection leak.
    if (call && !call.socket.destroyed) await once(call.socket, 'close');
    expect(call?.socket.destroyed).toBe(true);
  });

  it('answers 502 when the upstream fails or sends something that is not JSON', async () => {
    const failing = await upstream((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const garbage = await upstream((_req, res) => res.end('<html>'));
    const failed = await httpGet(`${await api(failing.url, 5_000)}/upstream`);
    const mangled = await httpGet(`${await api(garbage.url, 5_000)}/upstream`);
    expect([failed.status, mangled.status]).toEqual([502, 502]);
    expect(failed.json).toMatchObject({ code: 'upstream_bad_response', detail: 'upstream answered 500' });
    expect(mangled.json).toMatchObject({ code: 'upstream_bad_response' });
  });

  it('answers 503 when the upstream cannot be reached', async () => {
    const gone = await listen(() => {});
    const url = gone.url;
    await gone.close();
    const answer = await httpGet(`${await api(url, 5_000)}/upstream`);
    expect(answer.status).toBe(503);
    expect(answer.json).toMatchObject({ code: 'upstream_unavailable' });
  });

  it('cancels the outbound call when its own client hangs up', async () => {
    const up = await upstream(() => {});
    const base = await api(up.url, 30_000);
    const client = request(`${base}/upstream`);
    client.on('error', () => {});
    client.end();
    const call = await up.first;
    client.destroy();
    // Only the client leaving can end this call: the deadline is 30 s away and the upstream never answers.
    if (!call.socket.destroyed) await once(call.socket, 'close');
    expect(call.socket.destroyed).toBe(true);
    expect(up.received).toHaveLength(1);
  });

  it('asks the upstream for JSON', async () => {
    const up = await upstream((_req, res) => res.end('{}'));
    await httpGet(`${await api(up.url, 5_000)}/upstream`);
    expect(up.received.map((r) => r.headers.accept)).toEqual(['application/json']);
  });

  it('answers 502 for a non-2xx answer that has no body at all', async () => {
    // A 304 is not ok and, by the fetch spec, carries a null body: there is nothing to cancel.
    const up = await upstream((_req, res) => {
      res.statusCode = 304;
      res.end();
    });
    const answer = await httpGet(`${await api(up.url, 5_000)}/upstream`);
    expect(answer.status).toBe(502);
    expect(answer.json).toMatchObject({ code: 'upstream_bad_response', detail: 'upstream answered 304' });
  });
});

describe('fetchUpstreamJson', () => {
  it('keeps the underlying failure as the cause of each typed error', async () => {
    const silent = await upstream(() => {});
    const timedOut = await fetchUpstreamJson(silent.url, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(DependencyTimeoutError);
    expect(timedOut).toMatchObject({
      dependency: 'upstream',
      timeoutMs: 50,
      message: 'the upstream call did not finish within 50 ms',
    });
    expect((timedOut as Error).cause).toMatchObject({ name: 'TimeoutError' });

    const garbage = await upstream((_req, res) => res.end('<html>'));
    const mangled = await fetchUpstreamJson(garbage.url, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(mangled).toBeInstanceOf(UpstreamBadResponseError);
    expect(mangled).toMatchObject({
      message: 'upstream answered with a body that is not JSON',
      upstreamStatus: undefined,
    });
    expect((mangled as Error).cause).toBeInstanceOf(SyntaxError);

    const gone = await listen(() => {});
    await gone.close();
    const refused = await fetchUpstreamJson(gone.url, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DependencyUnavailableError);
    expect(refused).toMatchObject({
      dependency: 'upstream',
      message: 'the upstream service could not be reached',
      retryAfterSeconds: 5,
    });
    expect((refused as Error).cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  it('keeps the upstream status of a failed answer', async () => {
    const failing = await upstream((_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    await expect(fetchUpstreamJson(failing.url, { timeoutMs: 5_000 })).rejects.toMatchObject({
      name: 'UpstreamBadResponseError',
      upstreamStatus: 503,
    });
  });

  it('leaves a malformed URL (a configuration bug, not an outage) as the error fetch threw', async () => {
    const error = await fetchUpstreamJson('http://[not-a-host', { timeoutMs: 5_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(DependencyUnavailableError);
  });

  it("leaves the caller's own cancellation as an AbortError, not a timeout", async () => {
    const silent = await upstream(() => {});
    const caller = new AbortController();
    const call = fetchUpstreamJson(silent.url, { timeoutMs: 30_000, signal: caller.signal });
    await silent.first;
    caller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
