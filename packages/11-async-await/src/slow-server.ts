import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '@lab/common/http';

/** What the server saw; the tests assert concurrency from here, on the receiving side. */
export interface ServerStats {
  /** Requests answered. */
  served: number;
  /** Requests whose client went away before the answer (a timeout or an abort that reached the server). */
  cancelled: number;
  /** Requests being handled now. */
  inFlight: number;
  /** The most requests it ever handled at once. */
  maxInFlight: number;
}

export interface SlowServer {
  /** `http://127.0.0.1:<port>`; GET `/item/<id>` answers `{ "id": <id> }` after the delay. */
  url: string;
  readonly stats: Readonly<ServerStats>;
  resetStats(): void;
  close(): Promise<void>;
}

const ITEM = /^\/item\/(\d{1,9})$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * A loopback HTTP server that answers each GET `/item/<id>` after `delayMs` (per request `?delay=<ms>`
 * overrides it), standing in for a slow upstream API. Bad paths get a 4xx JSON body with `detail` and `code`.
 */
export async function startSlowServer(options: { delayMs: number }): Promise<SlowServer> {
  const stats: ServerStats = { served: 0, cancelled: 0, inFlight: 0, maxInFlight: 0 };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = ITEM.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      sendJson(res, 404, { detail: 'only GET /item/<numeric id> exists', code: 'not_found' });
      return;
    }
    const delay = url.searchParams.has('delay') ? Number(url.searchParams.get('delay')) : options.delayMs;
    if (!Number.isInteger(delay) || delay < 0 || delay > 60_000) {
      sendJson(res, 400, { detail: 'delay must be an integer from 0 to 60000 (ms)', code: 'bad_delay' });
      return;
    }
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const timer = setTimeout(() => sendJson(res, 200, { id: Number(match[1]) }), delay);
    res.on('close', () => {
      stats.inFlight--;
      // 'close' comes for both; only an unfinished response means the client gave up first.
      if (res.writableFinished) stats.served++;
      else {
        stats.cancelled++;
        clearTimeout(timer);
      }
    });
  };
  const server = await listen(handler);
  return {
    url: server.url,
    stats,
    resetStats: () => Object.assign(stats, { served: 0, cancelled: 0, inFlight: 0, maxInFlight: 0 }),
    close: server.close,
  };
}
