import type pg from 'pg';
import type { UsersCode } from './users/code-version.ts';
import { usersV1 } from './users/v1.ts';
import { usersV2 } from './users/v2.ts';
import { usersV3 } from './users/v3.ts';
import { usersV4 } from './users/v4.ts';

/** One step of the rename users.name → users.display_name, and the code versions live while it holds. */
export interface MigrationStep {
  name: string;
  /** What the step runs (`backfill` runs in batches instead of one statement). */
  apply(pool: pg.Pool): Promise<void>;
  /** The versions that serve traffic at once after this step: the old one still rolling out, the new one in. */
  live: readonly UsersCode[];
}

const sql = (text: string) => async (pool: pg.Pool) => {
  await pool.query(text);
};

/**
 * Copies `name` into `display_name` for the rows that lack it, `batchSize` rows per statement: one huge
 * UPDATE would hold its row locks and bloat the table for its whole run. Returns how many batches it took.
 */
export async function backfillDisplayName(pool: pg.Pool, batchSize = 1_000): Promise<number> {
  let batches = 0;
  while (true) {
    const { rowCount } = await pool.query(
      `UPDATE users SET display_name = name
        WHERE id IN (SELECT id FROM users WHERE display_name IS NULL AND name IS NOT NULL LIMIT $1)`,
      [batchSize],
    );
    if (!rowCount) return batches;
    batches++;
  }
}

/**
 * Expand / contract, in the order that keeps every live pair of versions working against one schema:
 * add the new column (old and new code both fine), backfill once the old code is gone, switch reads,
 * stop writing the old column, and drop it last, when no code that knows it is left.
 */
export const EXPAND_CONTRACT: readonly MigrationStep[] = [
  {
    name: 'start: users(name)',
    apply: sql('CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)'),
    live: [usersV1],
  },
  {
    // No DEFAULT and nullable: a catalog change only, no table rewrite, the lock held for milliseconds.
    name: 'expand: add display_name; roll out v2 (writes both)',
    apply: sql('ALTER TABLE users ADD COLUMN display_name text'),
    live: [usersV1, usersV2],
  },
  {
    name: 'backfill (v1 is gone); roll out v3 (reads display_name)',
    apply: async (pool) => {
      await backfillDisplayName(pool);
    },
    live: [usersV2, usersV3],
  },
  {
    name: 'name becomes optional; roll out v4 (writes display_name only)',
    apply: sql('ALTER TABLE users ALTER COLUMN name DROP NOT NULL'),
    live: [usersV3, usersV4],
  },
  {
    name: 'contract: drop name (v3 is gone)',
    apply: sql(
      'ALTER TABLE users DROP COLUMN name; ALTER TABLE users ALTER COLUMN display_name SET NOT NULL',
    ),
    live: [usersV4],
  },
];

export { usersV1, usersV2, usersV3, usersV4 };
