import type pg from 'pg';

/** Every query a pool ran since the last reset: what topics 31 and 34 count to prove N+1 and its fixes. */
export interface QueryStats {
  readonly count: number;
  readonly texts: readonly string[];
  reset(): void;
}

class Stats implements QueryStats {
  texts: string[] = [];
  get count() {
    return this.texts.length;
  }
  reset() {
    this.texts = [];
  }
}

const statsByPool = new WeakMap<pg.Pool, Stats>();
const instrumented = new WeakSet<pg.PoolClient>();

type QueryFn = (...args: unknown[]) => unknown;

function textOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg && typeof arg.text === 'string') return arg.text;
  return String(arg);
}

/**
 * Starts counting the queries `pool` runs. Call it before the pool's first query: every client the pool
 * opens afterwards is wrapped, so `pool.query` and `client.query` on checked-out clients both count once.
 */
export function trackQueries(pool: pg.Pool): QueryStats {
  const existing = statsByPool.get(pool);
  if (existing) return existing;
  if (pool.totalCount > 0)
    throw new Error('trackQueries() must be called before the pool opens its first client');
  const stats = new Stats();
  statsByPool.set(pool, stats);
  pool.on('connect', (client) => {
    if (instrumented.has(client)) return;
    instrumented.add(client);
    const original = client.query as unknown as QueryFn;
    const counted: QueryFn = function (this: unknown, ...args) {
      stats.texts.push(textOf(args[0]));
      return original.apply(this, args);
    };
    (client as unknown as { query: QueryFn }).query = counted;
  });
  return stats;
}

/** The stats of a pool created by `postgres()` (always tracked) or passed to `trackQueries()`. */
export function queryStats(pool: pg.Pool): QueryStats {
  const stats = statsByPool.get(pool);
  if (!stats)
    throw new Error('this pool is not tracked: create it with postgres() or call trackQueries() first');
  return stats;
}
