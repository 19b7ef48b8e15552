import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import { migrate } from '@lab/project-structure';
import { AwilixResolutionError, asFunction } from 'awilix';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  awilixRequestScope,
  awilixWiring,
  type Leaves,
  MemoryUserCache,
  manualWiring,
  migrateOutbox,
  readOutbox,
  type SignupService,
  tinyWiring,
} from '../src/index.ts';

// containers.test.ts checks what each wiring builds over a pool that never connects; here each one's
// graph does a signup on real PostgreSQL, so a factory that builds the wrong thing shows.
const schema = testSchema(import.meta.url);
let pool: pg.Pool;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 4 });
  await resetSchema(pool, schema);
  await migrate(pool);
  await migrateOutbox(pool);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});
beforeEach(async () => {
  await pool.query('TRUNCATE users, orders, order_lines, mail_outbox RESTART IDENTITY CASCADE');
});

function leaves(): Leaves & { cache: MemoryUserCache; lines: string[] } {
  const lines: string[] = [];
  return { pool, cache: new MemoryUserCache(), sink: (line) => lines.push(line), lines };
}

async function signUpAda(signups: SignupService, cache: MemoryUserCache) {
  const user = await signups.signUp({ email: 'Ada@Example.com', name: 'Ada' });
  expect(user).toMatchObject({ id: 1, email: 'ada@example.com', name: 'Ada' });
  expect((await pool.query('SELECT email FROM users')).rows).toEqual([{ email: 'ada@example.com' }]);
  expect(await readOutbox(pool)).toEqual([
    {
      id: 1,
      to: 'ada@example.com',
      subject: 'Welcome aboard',
      text: 'Hello Ada, your account #1 is ready.',
      requestId: null,
    },
  ]);
  expect(await cache.get(1)).toMatchObject({ id: 1, email: 'ada@example.com' });
}

describe('each wiring builds a working signup graph on PostgreSQL', () => {
  it('manual: the user row and its outbox row commit together', async () => {
    const l = leaves();
    await signUpAda(manualWiring(l).signups, l.cache);
  });

  it('TinyContainer: one unit of work for the service, the repository and the mailer', async () => {
    const l = leaves();
    const tiny = tinyWiring(l);
    await signUpAda(tiny.resolve('signups'), l.cache);
    expect(tiny.resolve('unitOfWork').stats).toEqual({ begun: 1, committed: 1, rolledBack: 0 });
  });

  it('awilix: one unit of work for the service, the repository and the mailer', async () => {
    const l = leaves();
    const awilix = awilixWiring(l);
    await signUpAda(awilix.resolve('signups'), l.cache);
    expect(awilix.resolve('unitOfWork').stats).toEqual({ begun: 1, committed: 1, rolledBack: 0 });
  });
});

describe('lifetimes as each wiring declares them', () => {
  const singletons = ['unitOfWork', 'userRepository', 'users', 'mailer', 'signups'] as const;

  it('TinyContainer: every singleton is one instance, in the root and in every request scope', () => {
    const tiny = tinyWiring(leaves());
    const [a, b] = [tiny.createScope({ request: { requestId: 'a' } }), tiny.createScope()];
    for (const key of singletons) {
      expect(a.resolve(key), key).toBe(tiny.resolve(key));
      expect(b.resolve(key), key).toBe(tiny.resolve(key));
    }
  });

  it('TinyContainer: the logger is one per scope and the request must be handed to the scope', () => {
    const tiny = tinyWiring(leaves());
    const scope = tiny.createScope({ request: { requestId: 'r1' } });
    expect(scope.resolve('logger')).toBe(scope.resolve('logger'));
    expect(scope.resolve('logger')).not.toBe(
      tiny.createScope({ request: { requestId: 'r2' } }).resolve('logger'),
    );
    expect(() => tiny.resolve('logger')).toThrow(
      'logger is scoped: resolve it from createScope(), not from the root',
    );
    expect(() => tiny.resolve('request')).toThrow('request is scoped');
    expect(() => tiny.createScope().resolve('logger')).toThrow(
      'request is provided per scope: createScope({ request })',
    );
  });

  it('awilix (strict): a singleton that asks for the per-request logger fails instead of capturing one', () => {
    const awilix = awilixWiring(leaves());
    awilix.register({ captive: asFunction(({ logger }: { logger: unknown }) => ({ logger })).singleton() });
    const scope = awilixRequestScope(awilix, { requestId: 'r1' });
    expect(() => scope.resolve('captive' as 'logger')).toThrow(AwilixResolutionError);
  });
});
