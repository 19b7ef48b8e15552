import type pg from 'pg';

/** The seed's gunicorn rule of thumb for I/O-bound workers: 2 × cores + 1. */
export const gunicornWorkers = (cores: number): number => 2 * cores + 1;

/** The numbers that decide whether a fleet's pools fit under the server's limit. */
export interface ConnectionBudgetInput {
  /** The server's `max_connections`. */
  maxConnections: number;
  /** Slots only superusers may use (`superuser_reserved_connections`, plus `reserved_connections` on 16+). */
  reserved: number;
  /** Processes that each open a pool: cluster workers × instances (pods, VMs). */
  processes: number;
  /** Each process's pool `max`. */
  poolMax: number;
  /** Connections everything else holds: migrations, cron jobs, psql sessions, monitoring. */
  others?: number;
}

/** The verdict of `connectionBudget()`. */
export interface ConnectionBudget {
  /** Connections an application role can actually get. */
  available: number;
  /** What the fleet asks for when every pool is full. */
  demanded: number;
  fits: boolean;
  /** The largest pool `max` that still fits for this many processes. */
  largestPoolThatFits: number;
}

/**
 * Does the fleet's worst case fit under `max_connections`? Pools are per process, so their sizes multiply:
 * the pool that looked small in one process is the outage when the deployment scales out.
 */
export function connectionBudget(input: ConnectionBudgetInput): ConnectionBudget {
  const { maxConnections, reserved, processes, poolMax, others = 0 } = input;
  for (const [name, value] of Object.entries({ maxConnections, reserved, processes, poolMax, others }))
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  if (processes === 0) throw new RangeError('processes must be at least 1');
  const available = Math.max(0, maxConnections - reserved - others);
  const demanded = processes * poolMax;
  return {
    available,
    demanded,
    fits: demanded <= available,
    largestPoolThatFits: Math.floor(available / processes),
  };
}

/** The limits the real server enforces, read from it. */
export async function readServerLimits(
  pool: pg.Pool,
): Promise<{ maxConnections: number; reserved: number; inUse: number }> {
  const { rows } = await pool.query<{ max: string; su: string; other: string | null; used: string }>(
    `SELECT current_setting('max_connections') AS max,
            current_setting('superuser_reserved_connections') AS su,
            current_setting('reserved_connections', true) AS other,
            (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS used`,
  );
  const row = rows[0];
  if (!row) throw new Error('the server returned no settings');
  return {
    maxConnections: Number(row.max),
    reserved: Number(row.su) + Number(row.other ?? 0),
    inUse: Number(row.used),
  };
}
