import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '@lab/common/http';
import { problemBody, sendProblem } from '@lab/common/problem';

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
  /**
   * Holds every answer until `count` requests are in flight at the same moment, then lets each finish after
   * its delay. A test of "all at once" then proves it by completing at all (sequential callers would wait
   * forever, and the test times out) instead of by hoping the machine is fast enough to overlap them.
   */
  holdUntilInFlight(count: number): void;
  close(): Promise<void>;
}

const ITEM = /^\/item\/(\d{1,9})$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * A loopback HTTP server that answers each GET `/item/<id>` after `delayMs` (per request `?delay=<ms>`
 * overrides it), standing in for a slow upstream API. Bad paths get a 4xx problem body (`@lab/common/problem`).
 */
export async function startSlowServer(options: { delayMs: number }): Promise<SlowServer> {
  const stats: ServerStats = { served: 0, cancelled: 0, inFlight: 0, maxInFlight: 0 };
  let holdFor = 0;
  const held: Array<() => void> = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = ITEM.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      sendProblem(res, problemBody(404, 'not_found', 'only GET /item/<numeric id> exists'));
      return;
    }
    const delay = url.searchParams.has('delay') ? Number(url.searchParams.get('delay')) : options.delayMs;
    if (!Number.isInteger(delay) || delay < 0 || delay > 60_000) {
      sendProblem(res, problemBody(400, 'bad_delay', 'delay must be an integer from 0 to 60000 (ms)'));
      return;
    }
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let timer: NodeJS.Timeout | undefined;
    const answer = () => {
      if (res.destroyed) return;
      timer = setTimeout(() => sendJson(res, 200, { id: Number(match[1]) }), delay);
    };
    if (stats.inFlight < holdFor) held.push(answer);
    else {
      holdFor = 0;
      for (const release of held.splice(0)) release();
      answer();
    }
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
    holdUntilInFlight: (count) => {
      holdFor = count;
    },
    close: server.close,
  };
}
