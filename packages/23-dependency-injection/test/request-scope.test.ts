import { resetSchema } from '@lab/common/services';
import { barrier } from '@lab/common/sync';
import { testPostgres, testPostgresThroughLink, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutOfScopeError, type RequestInfo, RequestScope, TransactionScope } from '../src/index.ts';

describe('RequestScope (AsyncLocalStorage)', () => {
  it('outside a request: current() throws OutOfScopeError, find() is undefined', () => {
    const scope = new RequestScope<RequestInfo>('the request id');
    expect(() => scope.current()).toThrow(OutOfScopeError);
    expect(() => scope.current()).toThrow(
      'the request id is request-scoped: it was read outside a request scope',
    );
    expect(scope.find()).toBeUndefined();
    expect(() => new RequestScope<RequestInfo>().current()).toThrow(
      expect.objectContaining({
        name: 'OutOfScopeError',
        message: 'the request context is request-scoped: it was read outside a request scope',
      }),
    );
  });

  it('two overlapping requests each see their own value after every await and timer', async () => {
    const scope = new RequestScope<RequestInfo>();
    const bothInside = barrier(2);
    const seen: string[] = [];
    const handle = (requestId: string) =>
      scope.run({ requestId }, async () => {
        seen.push(`${requestId}:start:${scope.current().requestId}`);
        // Held until the other request is inside its scope too: they overlap for sure.
        await bothInside();
        seen.push(`${requestId}:after-barrier:${scope.current().requestId}`);
        await new Promise((resolve) => setImmediate(resolve));
        return scope.current().requestId;
      });
    const results = await Promise.all([handle('a'), handle('b')]);
    expect(results).toEqual(['a', 'b']);
    expect(seen.sort()).toEqual(['a:after-barrier:a', 'a:start:a', 'b:after-barrier:b', 'b:start:b']);
    expect(scope.find()).toBeUndefined();
  });

  it('a nested run shadows the outer value and restores it after', () => {
    const scope = new RequestScope<RequestInfo>();
    const trail = scope.run({ requestId: 'outer' }, () => [
      scope.current().requestId,
      scope.run({ requestId: 'inner' }, () => scope.current().requestId),
      scope.current().requestId,
    ]);
    expect(trail).toEqual(['outer', 'inner', 'outer']);
  });
});

describe('TransactionScope on PostgreSQL', () => {
  const schema = testSchema(import.meta.url);
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = await testPostgres(import.meta.url, { max: 4 });
    await resetSchema(pool, schema);
    await pool.query('CREATE TABLE notes (body text NOT NULL)');
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  const notes = async () =>
    (await pool.query<{ body: string }>('SELECT body FROM notes ORDER BY body')).rows.map((r) => r.body);
  const backendPid = async (scope: TransactionScope) =>
    (await scope.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;

  it('two overlapping units of work each run on their own connection; a rollback undoes only its own', async () => {
    await pool.query('TRUNCATE notes');
    const scope = new TransactionScope(pool);
    const bothWrote = barrier(2);
    const unit = (body: string, fail: boolean) =>
      scope.run(async () => {
        await scope.db.query('INSERT INTO notes (body) VALUES ($1)', [body]);
        const pid = await backendPid(scope);
        // Both have written, neither has committed: each sees its own row only.
        await bothWrote();
        const visible = (await scope.db.query<{ body: string }>('SELECT body FROM notes')).rows.map(
          (r) => r.body,
        );
        if (fail) throw new Error(`${body} failed`);
        return { pid, visible };
      });
    const [a, b] = await Promise.allSettled([unit('a', true), unit('b', false)]);
    expect(a).toEqual({ status: 'rejected', reason: new Error('a failed') });
    expect(b.status).toBe('fulfilled');
    const fulfilled = b as PromiseFulfilledResult<{ pid: number; visible: string[] }>;
    expect(fulfilled.value.visible).toEqual(['b']);
    expect(await notes()).toEqual(['b']);
    expect(scope.stats).toEqual({ begun: 2, committed: 1, rolledBack: 1 });
  });

  it('the two units are on different backends', async () => {
    const scope = new TransactionScope(pool);
    const both = barrier(2);
    const pidOf = () =>
      scope.run(async () => {
        const pid = await backendPid(scope);
        await both();
        return pid;
      });
    const [p1, p2] = await Promise.all([pidOf(), pidOf()]);
    expect(typeof p1).toBe('number');
    expect(p1).not.toBe(p2);
  });

  it('a nested run joins the outer transaction (one BEGIN, and the inner write rolls back with it)', async () => {
    await pool.query('TRUNCATE notes');
    const scope = new TransactionScope(pool);
    await expect(
      scope.run(async () => {
        await scope.run(() => scope.db.query("INSERT INTO notes (body) VALUES ('inner')"));
        expect(scope.active).toBe(true);
        throw new Error('outer failed');
      }),
    ).rejects.toThrow('outer failed');
    expect(await notes()).toEqual([]);
    expect(scope.stats).toEqual({ begun: 1, committed: 0, rolledBack: 1 });
  });

  it('a connection lost mid-unit rejects the unit (not the process), and the next unit runs on a new one', async () => {
    await pool.query('TRUNCATE notes');
    await using db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    const scope = new TransactionScope(db.pool);
    await expect(
      scope.run(async () => {
        await scope.db.query("INSERT INTO notes (body) VALUES ('lost')");
        db.link.drop();
        await scope.db.query('SELECT 1');
      }),
    ).rejects.toThrow('Connection terminated unexpectedly');
    expect(db.pool.totalCount).toBe(0);
    expect(scope.stats).toEqual({ begun: 1, committed: 0, rolledBack: 0 });
    db.link.restore();
    await scope.run(() => scope.db.query("INSERT INTO notes (body) VALUES ('after')"));
    expect(await notes()).toEqual(['after']);
  });

  it('outside run, db goes to the pool and autocommits', async () => {
    await pool.query('TRUNCATE notes');
    const scope = new TransactionScope(pool);
    expect(scope.active).toBe(false);
    await scope.db.query("INSERT INTO notes (body) VALUES ('loose')");
    expect(await notes()).toEqual(['loose']);
    expect(scope.stats).toEqual({ begun: 0, committed: 0, rolledBack: 0 });
  });
});
