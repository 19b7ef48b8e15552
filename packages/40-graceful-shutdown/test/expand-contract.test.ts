import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  backfillDisplayName,
  EXPAND_CONTRACT,
  usersV1,
  usersV2,
  usersV3,
  usersV4,
} from '../src/expand-contract.ts';
import type { UsersCode } from '../src/users/code-version.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: pg.Pool;
beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
});
beforeEach(() => resetSchema(pool, SCHEMA));
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

const pgCode = (error: unknown) => (error as { code?: string }).code;

describe('expand / contract: old and new code against one schema at every step', () => {
  it('every live pair of versions reads every row written so far, by either, at every step', async () => {
    const written: Array<{ id: number; name: string; by: string }> = [];
    for (const [index, step] of EXPAND_CONTRACT.entries()) {
      await step.apply(pool);
      for (const code of step.live) {
        const name = `user ${index}-${code.version}`;
        written.push({ id: await code.create(pool, name), name, by: code.version });
      }
      for (const code of step.live) {
        const seen = await Promise.all(written.map((w) => code.get(pool, w.id)));
        expect(
          seen.map((u) => u?.name),
          `${code.version} after "${step.name}"`,
        ).toEqual(written.map((w) => w.name));
      }
    }
    expect(written.map((w) => w.by)).toEqual(['v1', 'v1', 'v2', 'v2', 'v3', 'v3', 'v4', 'v4']);
    const { rows } = await pool.query<{ column_name: string; is_nullable: string }>(
      `SELECT column_name, is_nullable FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'users' ORDER BY ordinal_position`,
      [SCHEMA],
    );
    expect(rows).toEqual([
      { column_name: 'id', is_nullable: 'NO' },
      { column_name: 'display_name', is_nullable: 'NO' },
    ]);
  });

  it('the one-step rename breaks the old code that is still running (42703 undefined_column)', async () => {
    await EXPAND_CONTRACT[0]?.apply(pool);
    const id = await usersV1.create(pool, 'before');
    await pool.query('ALTER TABLE users RENAME COLUMN name TO display_name');
    await expect(usersV1.get(pool, id)).rejects.toSatisfy((e) => pgCode(e) === '42703');
    await expect(usersV1.create(pool, 'after')).rejects.toSatisfy((e) => pgCode(e) === '42703');
    expect((await usersV4.get(pool, id))?.name).toBe('before');
  });

  it('dropping the old column while v3 still runs breaks v3 writes: contract comes last', async () => {
    for (const step of EXPAND_CONTRACT) await step.apply(pool);
    await expect(usersV3.create(pool, 'late')).rejects.toSatisfy((e) => pgCode(e) === '42703');
  });

  it('a backfill run while v1 still writes leaves rows v3 cannot read: backfill after v1 is gone', async () => {
    await EXPAND_CONTRACT[0]?.apply(pool);
    await EXPAND_CONTRACT[1]?.apply(pool);
    await usersV1.create(pool, 'early');
    await backfillDisplayName(pool);
    const late = await usersV1.create(pool, 'late');
    expect((await usersV3.get(pool, late))?.name).toBeNull();
    expect(await backfillDisplayName(pool)).toBe(1);
    expect((await usersV3.get(pool, late))?.name).toBe('late');
  });

  it('the backfill goes in batches: 2,500 rows at 1,000 a batch are 3 batches, then 0', async () => {
    await EXPAND_CONTRACT[0]?.apply(pool);
    await pool.query(`INSERT INTO users (name) SELECT 'u' || g FROM generate_series(1, 2500) g`);
    await EXPAND_CONTRACT[1]?.apply(pool);
    expect(await backfillDisplayName(pool, 1_000)).toBe(3);
    expect(await backfillDisplayName(pool, 1_000)).toBe(0);
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM users WHERE display_name = name',
    );
    expect(Number(rows[0]?.n)).toBe(2_500);
  });

  it('every version returns undefined for a missing id', async () => {
    for (const step of EXPAND_CONTRACT.slice(0, 4)) await step.apply(pool);
    const versions: UsersCode[] = [usersV1, usersV2, usersV3, usersV4];
    for (const code of versions) expect(await code.get(pool, 999_999)).toBeUndefined();
  });
});
