import { EventEmitter } from 'node:events';

/**
 * The four classic leaks, each next to its fix. A "request" allocates a payload of about `size` objects;
 * a leak is whatever keeps that payload reachable after the request is over.
 */
export interface LeakCase {
  name: string;
  /** Handles one batch of requests. */
  leaky: (requests: number) => void;
  fixed: (requests: number) => void;
  /** Releases whatever the leaky variant accumulated (so tests and demos can run it again). */
  reset: () => void;
}

const payload = (size: number) => Array.from({ length: size }, (_, i) => ({ i, tag: `row-${i}` }));

let nextId = 0;

/** 1. A module-level cache keyed by something unique per request: it only ever grows. */
export function growingCache(size: number): LeakCase {
  const cache = new Map<number, unknown>();
  const bounded = new Map<number, unknown>();
  const LIMIT = 2;
  return {
    name: 'unbounded module-level cache',
    leaky: (requests) => {
      for (let r = 0; r < requests; r++) cache.set(nextId++, payload(size));
    },
    fixed: (requests) => {
      for (let r = 0; r < requests; r++) {
        bounded.set(nextId++, payload(size));
        // Evict the oldest entry (Map keeps insertion order): a size bound turns a leak into a cache.
        if (bounded.size > LIMIT) bounded.delete(bounded.keys().next().value as number);
      }
    },
    reset: () => {
      cache.clear();
      bounded.clear();
    },
  };
}

/** 2. A listener added per request on a long-lived emitter, closing over the request's data. */
export function forgottenListeners(size: number): LeakCase {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    name: 'listener added per request, never removed',
    leaky: (requests) => {
      for (let r = 0; r < requests; r++) {
        const rows = payload(size);
        bus.on('shutdown', () => rows.length);
      }
    },
    fixed: (requests) => {
      for (let r = 0; r < requests; r++) {
        const rows = payload(size);
        const onShutdown = () => rows.length;
        bus.on('shutdown', onShutdown);
        // The request ends: its listener goes with it (in real code, in a `finally` or on 'close').
        bus.off('shutdown', onShutdown);
      }
    },
    reset: () => {
      bus.removeAllListeners();
    },
  };
}

/** 3. A closure kept for later that captures the whole payload when it needs one number from it. */
export function closureCapture(size: number): LeakCase {
  const callbacks: Array<() => number> = [];
  return {
    name: 'closure capturing a large object',
    leaky: (requests) => {
      for (let r = 0; r < requests; r++) {
        const rows = payload(size);
        callbacks.push(() => rows.length);
      }
    },
    fixed: (requests) => {
      for (let r = 0; r < requests; r++) {
        const count = payload(size).length;
        callbacks.push(() => count);
      }
    },
    reset: () => {
      callbacks.length = 0;
    },
  };
}

/** 4. An interval per request that is never cleared: the timer list keeps its closure alive. */
export function forgottenTimers(size: number): LeakCase {
  const timers: NodeJS.Timeout[] = [];
  return {
    name: 'setInterval never cleared',
    leaky: (requests) => {
      for (let r = 0; r < requests; r++) {
        const rows = payload(size);
        // unref() lets the process exit; it does not free the closure.
        timers.push(setInterval(() => rows.length, 60_000).unref());
      }
    },
    fixed: (requests) => {
      for (let r = 0; r < requests; r++) {
        const rows = payload(size);
        const timer = setInterval(() => rows.length, 60_000).unref();
        clearInterval(timer);
      }
    },
    reset: () => {
      for (const t of timers.splice(0)) clearInterval(t);
    },
  };
}

export const leakCases = (size: number): LeakCase[] => [
  growingCache(size),
  forgottenListeners(size),
  closureCapture(size),
  forgottenTimers(size),
];
