/**
 * The bench compares the full stack with two bare servers. That comparison is only fair if all three
 * answer the same request with the same bytes after the same single query; this checks that.
 */
import { listen, resetSchema } from '@lab/common';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareExpressApp, bareNodeServer, createApp, migrate, SELECT_USER_BY_ID, seed } from '../src/index.ts';
import { countQueries } from './_api.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: pg.Pool;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url);
  await resetSchema(pool, SCHEMA);
  await migrate(pool);
  await seed(pool, { users: 5 });
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

describe('bench contenders', () => {
  it('the full stack, bare Express and node:http return the same body after the same one query', async () => {
    const contenders = {
      'full stack': createApp({ pool }),
      'bare express': bareExpressApp(pool),
      'node:http': bareNodeServer(pool),
    };
    const bodies: Record<string, string> = {};
    for (const [name, handler] of Object.entries(contenders)) {
      const server = await listen(handler);
      try {
        const { count, texts } = await countQueries(pool, async () => {
          const res = await fetch(`${server.url}/api/v1/users/3`);
          expect(res.status, name).toBe(200);
          expect(res.headers.get('content-type'), name).toMatch(/^application\/json/);
          bodies[name] = await res.text();
        });
        expect({ name, count, texts }).toEqual({ name, count: 1, texts: [SELECT_USER_BY_ID] });
      } finally {
        await server.close();
      }
    }
    expect(new Set(Object.values(bodies)).size).toBe(1);
    expect(JSON.parse(bodies['node:http']!)).toMatchObject({ id: 3, name: 'User 3' });
  });
});
