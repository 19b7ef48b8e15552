import { testPostgres } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { connectionBudget, gunicornWorkers, readServerLimits } from '../src/index.ts';

describe('connection budget', () => {
  it("shows the seed's settings on 2 cores (2 × cores + 1 workers × 20 connections) overflow the default server", () => {
    const workers = gunicornWorkers(2);
    expect(workers).toBe(5);
    // PostgreSQL's defaults: max_connections 100, superuser_reserved_connections 3.
    const budget = connectionBudget({ maxConnections: 100, reserved: 3, processes: workers, poolMax: 20 });
    expect(budget).toEqual({ available: 97, demanded: 100, fits: false, largestPoolThatFits: 19 });
  });

  it('multiplies by every process: two instances of a 4-worker cluster with pools of 10', () => {
    const budget = connectionBudget({
      maxConnections: 100,
      reserved: 3,
      processes: 2 * 4,
      poolMax: 10,
      others: 5,
    });
    expect(budget).toEqual({ available: 92, demanded: 80, fits: true, largestPoolThatFits: 11 });
  });

  it('rejects nonsense input', () => {
    expect(() => connectionBudget({ maxConnections: 100, reserved: 3, processes: 0, poolMax: 10 })).toThrow(
      RangeError,
    );
    expect(() => connectionBudget({ maxConnections: -1, reserved: 3, processes: 1, poolMax: 10 })).toThrow(
      RangeError,
    );
  });

  it('reads the real limits from PostgreSQL', async () => {
    const pool = await testPostgres(import.meta.url, { max: 1 });
    try {
      const limits = await readServerLimits(pool);
      // The same numbers PostgreSQL gives when asked one setting at a time.
      const show = async (name: string) => Number((await pool.query(`SHOW ${name}`)).rows[0][name]);
      expect(limits.maxConnections).toBe(await show('max_connections'));
      expect(limits.reserved).toBeGreaterThanOrEqual(await show('superuser_reserved_connections'));
      expect(limits.maxConnections).toBeGreaterThan(limits.reserved);
      // At least this pool's own connection is in use (other test files share the server, so no exact count).
      expect(limits.inUse).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.end();
    }
  });
});
