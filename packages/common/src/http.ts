import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// Types only: erased at run time, so importing this module does not load autocannon.
import type { Instance as LoadInstance, Result as LoadSummary } from 'autocannon';

export interface Listening {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` (an Express app is one) on a free loopback port. */
export function listen(handler: RequestListener | Server): Promise<Listening> {
  const server = typeof handler === 'function' ? createServer(handler) : handler;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface LoadResult {
  requestsPerSec: number;
  /** Milliseconds. */
  latencyP50: number;
  latencyP99: number;
  requests: number;
  non2xx: number;
  /** Requests that got no answer: connection errors (resets, refusals) and timeouts. */
  errors: number;
  /** Of `errors`, the ones that timed out. */
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  connections?: number;
  /** Seconds; bounded so that no load test runs away. */
  duration?: number;
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

/** A load run in progress: `stop()` ends it early; both resolve to the same result. */
export interface LoadRun {
  stop(): Promise<LoadResult>;
  readonly done: Promise<LoadResult>;
}

/** Longest run `startLoad` allows, in seconds: an upper bound for runs that `stop()` ends. */
export const MAX_LOAD_SECONDS = 60;

/**
 * Starts an autocannon run against a loopback URL and returns at once; refuses other hosts (load tests here
 * stay on this machine).
 */
export async function startLoad(options: LoadOptions): Promise<LoadRun> {
  const host = new URL(options.url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`load tests run on loopback only, not ${host}`);
  // Loaded on first use: autocannon is heavy, and most importers of @lab/common never load-test.
  const { default: autocannon } = await import('autocannon');
  let instance: LoadInstance | undefined;
  const done = new Promise<LoadResult>((resolve, reject) => {
    const settings = {
      url: options.url,
      connections: options.connections ?? 10,
      duration: Math.min(options.duration ?? 3, MAX_LOAD_SECONDS),
      ...(options.amount !== undefined ? { amount: options.amount } : {}),
      method: options.method ?? 'GET',
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.body !== undefined ? { body: options.body } : {}),
      // Inside a worker thread (vitest's threads pool, Stryker) autocannon skips its summary and hands back
      // raw histograms, as it does for its own multi-worker mode; asking for the raw result everywhere and
      // aggregating here gives the same shape in the main thread and in a worker.
      skipAggregateResult: true,
    };
    instance = autocannon(settings, (error, raw) => {
      if (error) return reject(error);
      // aggregateResult is public API (autocannon's README) that @types/autocannon does not declare.
      const { aggregateResult } = autocannon as unknown as {
        aggregateResult(results: unknown[], opts: typeof settings): LoadSummary;
      };
      const result = aggregateResult([raw], settings);
      resolve({
        // Total over elapsed time: autocannon's own average is per whole second and is wrong for short runs.
        requestsPerSec: result.duration > 0 ? result.requests.total / result.duration : 0,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      });
    });
  });
  return {
    done,
    stop: () => {
      instance?.stop();
      return done;
    },
  };
}

/** An autocannon run against a loopback URL, to the end of its `duration` or `amount`. */
export async function loadTest(options: LoadOptions): Promise<LoadResult> {
  return (await startLoad({ ...options, duration: Math.min(options.duration ?? 3, 30) })).done;
}
