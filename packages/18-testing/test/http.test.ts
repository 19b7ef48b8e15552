// The real HTTP call, against a real local server: the one module the other tests mock.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../src/_http.ts';

const seen: Array<{ url: string; accept: string | undefined }> = [];
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  server = await listen((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url ?? '', accept: req.headers.accept });
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"no","code":"not_found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"rates":{"USD":1.1}}');
  });
});
afterAll(() => server.close());

describe('getJson', () => {
  it('GETs the URL asking for JSON and returns the parsed body', async () => {
    await expect(getJson(`${server.url}/latest?base=EUR`)).resolves.toEqual({ rates: { USD: 1.1 } });
    expect(seen.at(-1)).toEqual({ url: '/latest?base=EUR', accept: 'application/json' });
  });

  it('throws on a non-2xx answer, naming the URL and the status', async () => {
    await expect(getJson(`${server.url}/missing`)).rejects.toThrow(`GET ${server.url}/missing answered 404`);
  });

  it('gives up when the signal aborts', async () => {
    await expect(getJson(`${server.url}/latest`, AbortSignal.abort())).rejects.toThrow(/abort/i);
  });
});
