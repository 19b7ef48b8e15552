import { testPostgres } from '@lab/common/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type HealthCheck, postgresCheck, redisCheck, runChecks } from '../src/index.ts';

const never = (name: string, timeoutMs?: number): HealthCheck => ({
  name,
  timeoutMs,
  run: () => new Promise<void>(() => {}),
});

describe('runChecks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports each check by name, ok only when every one is', async () => {
    const report = await runChecks([
      { name: 'a', run: async () => {} },
      {
        name: 'b',
        run: async () => {
          throw new Error('connection refused\n    at somewhere (file.ts:1:1)');
        },
      },
    ]);
    expect(report).toEqual({
      ok: false,
      checks: { a: { status: 'ok' }, b: { status: 'failed', error: 'connection refused' } },
    });
    expect(await runChecks([{ name: 'a', run: async () => {} }])).toEqual({
      ok: true,
      checks: { a: { status: 'ok' } },
    });
  });

  it('counts a check that throws before returning a promise as failed, not as a crash', async () => {
    const report = await runChecks([
      {
        name: 'sync',
        run: () => {
          throw new TypeError('not configured');
        },
      },
    ]);
    expect(report.checks.sync).toEqual({ status: 'failed', error: 'not configured' });
  });

  it('bounds each check by its own timeout, and runs them in parallel (two hangs cost one timeout)', async () => {
    vi.useFakeTimers();
    let settled = false;
    const done = runChecks([never('slow-a'), never('slow-b'), never('short', 100)], {
      defaultTimeoutMs: 1000,
    }).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const report = await done;
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual({
      'slow-a': { status: 'timeout', error: 'no answer within 1000 ms' },
      'slow-b': { status: 'timeout', error: 'no answer within 1000 ms' },
      short: { status: 'timeout', error: 'no answer within 100 ms' },
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears the timer of a check that answered in time', async () => {
    vi.useFakeTimers();
    await runChecks([{ name: 'fast', run: async () => {} }], { defaultTimeoutMs: 60_000 });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('postgresCheck', () => {
  let pool: pg.Pool;
  let dead: pg.Pool;
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url);
    // Nothing listens on port 9 on loopback: the connection is refused at once.
    dead = new pg.Pool({ host: '127.0.0.1', port: 9, user: 'postgres', database: 'test', max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await dead.end();
  });

  it('passes on a live server and fails with the driver message on a dead one', async () => {
    const report = await runChecks([postgresCheck(pool), { ...postgresCheck(dead), name: 'dead' }]);
    expect(report.checks.postgres).toEqual({ status: 'ok' });
    expect(report.checks.dead?.status).toBe('failed');
    expect(report.checks.dead?.error).toMatch(/ECONNREFUSED/);
  });
});

describe('redisCheck', () => {
  const fake = (status: string, answer = 'PONG') => {
    const client = {
      status,
      pings: 0,
      ping: async () => {
        client.pings++;
        return answer;
      },
    };
    return client;
  };

  it('passes when a connected client answers PONG', async () => {
    const client = fake('ready');
    expect((await runChecks([redisCheck(client)])).checks.redis).toEqual({ status: 'ok' });
    expect(client.pings).toBe(1);
  });

  it('fails at once on a client that is not connected, without queueing a PING behind the reconnect', async () => {
    const client = fake('reconnecting');
    expect((await runChecks([redisCheck(client)])).checks.redis).toEqual({
      status: 'failed',
      error: 'connection is reconnecting',
    });
    expect(client.pings).toBe(0);
  });

  it('fails on any answer but PONG', async () => {
    expect((await runChecks([redisCheck(fake('ready', 'LOADING'))])).checks.redis).toEqual({
      status: 'failed',
      error: 'PING answered LOADING',
    });
  });
});

describe('what a failed check reports', () => {
  it('keeps the first line of a message, at most 200 characters, and says "failed" for an empty one', async () => {
    const report = await runChecks([
      { name: 'long', run: async () => Promise.reject(new Error('x'.repeat(500))) },
      { name: 'empty', run: async () => Promise.reject(new Error('')) },
      { name: 'thrown-string', run: async () => Promise.reject('plain string') },
    ]);
    expect(report.checks.long?.error).toBe('x'.repeat(200));
    expect(report.checks.empty?.error).toBe('failed');
    expect(report.checks['thrown-string']?.error).toBe('plain string');
  });

  it('fails a database that answers SELECT 1 with something else, or nothing', async () => {
    const answering = (rows: unknown[]) => ({ query: async () => ({ rows }) }) as unknown as pg.Pool;
    for (const rows of [[{ one: 2 }], []]) {
      expect((await runChecks([postgresCheck(answering(rows))])).checks.postgres).toEqual({
        status: 'failed',
        error: 'SELECT 1 did not answer 1',
      });
    }
  });
});
