import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

export type LifecycleState = 'running' | 'draining' | 'stopped';

/** What happened during a shutdown, in order; a process entry logs it and exits with `code`. */
export type LifecycleEvent =
  | { type: 'draining'; reason: string; inFlight: number }
  | { type: 'stopped-listening' }
  | { type: 'http-drained' }
  | { type: 'drained'; name: string }
  | { type: 'forced'; cutRequests: number }
  | { type: 'closed'; name: string }
  | { type: 'close-failed'; name: string; error: string };

export interface ShutdownReport {
  reason: string;
  /** 0 when everything finished and closed in time; 1 when the grace timeout cut work or a close failed. */
  code: 0 | 1;
  forced: boolean;
  /** Requests still running when the grace timeout cut their connections. */
  cutRequests: number;
  events: LifecycleEvent[];
}

export interface LifecycleOptions {
  server: Server;
  /** Background work to wait for once HTTP has stopped (a job worker's stop, after-response tasks), by name. */
  drain?: Record<string, () => Promise<void>>;
  /** Closed last, in this order (database pools, Redis clients), by name. */
  closePools?: Record<string, () => Promise<void>>;
  /**
   * The whole budget for HTTP and background work. Keep it under the orchestrator's own (Kubernetes'
   * terminationGracePeriodSeconds, 30 s by default), which ends in SIGKILL. Default 25 s.
   */
  graceMs?: number;
  /** The most one pool may take to close (pg's `end()` waits for checked-out clients). Default 5 s. */
  poolCloseMs?: number;
  /**
   * Runs after readiness turned 503 and before the listener closes: the time a load balancer needs to see
   * the 503 and stop sending (what a Kubernetes preStop sleep buys). Default: none.
   */
  beforeClose?: () => Promise<void>;
  onEvent?: (event: LifecycleEvent) => void;
  /**
   * While draining, kept-alive sockets with no request in flight are closed every `idleSweepMs` (the
   * first sweep one period after the listener closed, not at once; see `shutdown`). Default 1 s.
   */
  idleSweepMs?: number;
}

export interface Lifecycle {
  readonly state: LifecycleState;
  /** What the readiness probe answers: false from the first moment of a shutdown. */
  isReady(): boolean;
  /** Requests being answered right now. */
  readonly inFlight: number;
  /** Starts the shutdown (a second call returns the same promise) and resolves with what happened. */
  shutdown(reason: string): Promise<ShutdownReport>;
}

const timeout = (ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Graceful shutdown of an HTTP service, as a library. `shutdown()`:
 *
 * 1. readiness turns false (the probe answers 503) and `beforeClose` runs;
 * 2. the listener closes (no new connections); every in-flight response, and every request still arriving
 *    on an open keep-alive socket, gets `Connection: close`, so its socket closes once the answer is out;
 *    every `idleSweepMs`, `closeIdleConnections()` closes the kept-alive sockets that carry no request;
 * 3. when the last connection is gone, the `drain` hooks run (background work started by those requests);
 * 4. if 2-3 outlast `graceMs`, `closeAllConnections()` cuts what still hangs (`forced`, code 1);
 * 5. the pools close, each bounded by `poolCloseMs`.
 *
 * It never calls `process.exit`: the process entry does, with `report.code`.
 */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const {
    server,
    drain = {},
    closePools = {},
    graceMs = 25_000,
    poolCloseMs = 5_000,
    idleSweepMs = 1_000,
  } = options;
  let state: LifecycleState = 'running';
  let shutting: Promise<ShutdownReport> | undefined;
  const inFlight = new Set<ServerResponse>();
  const events: LifecycleEvent[] = [];
  const emit = (event: LifecycleEvent) => {
    events.push(event);
    options.onEvent?.(event);
  };

  // Prepended, so it runs before the app: the app's own listener may answer synchronously.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (state !== 'running') res.setHeader('connection', 'close');
    res.once('close', () => inFlight.delete(res));
  });

  async function drainEverything(): Promise<void> {
    // net.Server's close, not http.Server's: since Node 19 the latter also calls closeIdleConnections()
    // at once, and a socket idle for a microsecond may be one the client is writing its next request on
    // right now: that request meets a reset. Stopping the listener alone lets each kept-alive socket
    // bring its next request, answered with Connection: close; the sweep closes the ones that stay idle.
    await new Promise<void>((resolve) => Reflect.apply(NetServer.prototype.close, server, [() => resolve()]));
    emit({ type: 'http-drained' });
    for (const [name, wait] of Object.entries(drain)) {
      await wait();
      emit({ type: 'drained', name });
    }
  }

  async function closeAll(): Promise<boolean> {
    let ok = true;
    for (const [name, close] of Object.entries(closePools)) {
      const limit = timeout(poolCloseMs);
      try {
        const outcome = await Promise.race([close().then(() => 'closed' as const), limit.done]);
        if (outcome === 'timeout') throw new Error(`did not close within ${poolCloseMs} ms`);
        emit({ type: 'closed', name });
      } catch (error) {
        ok = false;
        emit({ type: 'close-failed', name, error: message(error) });
      } finally {
        limit.cancel();
      }
    }
    return ok;
  }

  async function run(reason: string): Promise<ShutdownReport> {
    state = 'draining';
    // Synchronously, before any await: a handler may send its headers in the very next tick.
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    emit({ type: 'draining', reason, inFlight: inFlight.size });
    await options.beforeClose?.();
    const drained = drainEverything();
    emit({ type: 'stopped-listening' });
    const sweep = setInterval(() => server.closeIdleConnections(), idleSweepMs);
    const grace = timeout(graceMs);
    const outcome = await Promise.race([drained.then(() => 'clean' as const), grace.done]);
    grace.cancel();
    clearInterval(sweep);
    let cutRequests = 0;
    if (outcome === 'timeout') {
      cutRequests = inFlight.size;
      server.closeAllConnections();
      emit({ type: 'forced', cutRequests });
    }
    const closed = await closeAll();
    state = 'stopped';
    const forced = outcome === 'timeout';
    return { reason, code: forced || !closed ? 1 : 0, forced, cutRequests, events: [...events] };
  }

  return {
    get state() {
      return state;
    },
    get inFlight() {
      return inFlight.size;
    },
    isReady: () => state === 'running',
    shutdown(reason) {
      shutting ??= run(reason);
      return shutting;
    },
  };
}
