/** A process-wide counter registry: the kind of state a metrics or connection-pool module holds. */
export interface CounterRegistry {
  increment(name: string, by?: number): number;
  get(name: string): number;
  snapshot(): Record<string, number>;
}

/** The factory the singleton is made with — and what a test calls to get a fresh one instead. */
export function createCounterRegistry(): CounterRegistry {
  const counts = new Map<string, number>();
  return {
    increment(name, by = 1) {
      const next = (counts.get(name) ?? 0) + by;
      counts.set(name, next);
      return next;
    },
    get: (name) => counts.get(name) ?? 0,
    snapshot: () => Object.fromEntries(counts),
  };
}

/**
 * The module-level singleton: ES modules are evaluated once per resolved URL and cached, so every importer
 * of this file gets this same object — no class with a private constructor and a static `getInstance()`.
 * "Once per resolved URL" is also its limit: two copies of the file (a package installed twice, or shipped
 * as both ESM and CommonJS) are two modules and two registries; see `singleton-hazard.ts`.
 */
export const metrics: CounterRegistry = createCounterRegistry();
