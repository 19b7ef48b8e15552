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

  it('fits exactly when the fleet asks for every available connection', () => {
    const budget = connectionBudget({ maxConnections: 43, reserved: 3, processes: 4, poolMax: 10 });
    expect(budget).toEqual({ available: 40, demanded: 40, fits: true, largestPoolThatFits: 10 });
  });

  it('has no connections to offer when reserved and other connections exceed the limit', () => {
    const budget = connectionBudget({
      maxConnections: 10,
      reserved: 3,
      processes: 2,
      poolMax: 1,
      others: 20,
    });
    expect(budget).toEqual({ available: 0, demanded: 2, fits: false, largestPoolThatFits: 0 });
  });

  it.each([
    ['maxConnections', { maxConnections: 1.5, reserved: 3, processes: 1, poolMax: 10 }],
    ['reserved', { maxConnections: 100, reserved: -1, processes: 1, poolMax: 10 }],
    ['processes', { maxConnections: 100, reserved: 3, processes: -2, poolMax: 10 }],
    ['poolMax', { maxConnections: 100, reserved: 3, processes: 1, poolMax: Number.NaN }],
    ['others', { maxConnections: 100, reserved: 3, processes: 1, poolMax: 10, others: -5 }],
  ])('names %s when it is not a non-negative integer', (name, input) => {
    expect(() => connectionBudget(input)).toThrow(new RangeError(`${name} must be a non-negative integer`));
  });

  it('rejects nonsense input', () => {
    expect(() => connectionBudget({ maxConnections: 100, reserved: 3, processes: 0, poolMax: 10 })).toThrow(
      new RangeError('processes must be at least 1'),
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
      // reserved_connections exists from PostgreSQL 16 on; before that only the superuser slots count.
      const { rows } = await pool.query<{ other: string | null }>(
        "SELECT current_setting('reserved_connections', true) AS other",
      );
      expect(limits.reserved).toBe(
        (await show('superuser_reserved_connections')) + Number(rows[0]?.other ?? 0),
      );
      expect(limits.maxConnections).toBeGreaterThan(limits.reserved);
      // At least this pool's own connection is in use (other test files share the server, so no exact count).
      expect(limits.inUse).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.end();
    }
  });
});
