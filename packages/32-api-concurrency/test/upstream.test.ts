import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, httpGet } from '../src/index.ts';

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
});
