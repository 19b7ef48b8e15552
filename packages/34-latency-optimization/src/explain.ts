import type pg from 'pg';

/** A node of PostgreSQL's `EXPLAIN (FORMAT JSON)` plan, the fields read here. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** How the table was read: "Seq Scan", "Index Scan", "Bitmap Heap Scan", ... */
  scan: string;
  /** The index used, when one was. */
  index: string | undefined;
  /** Rows the scan read and threw away: the cost a missing index shows up as. */
  rowsRemovedByFilter: number;
  rowsReturned: number;
  executionMs: number;
  /** The plan as `EXPLAIN ANALYZE` prints it (costs left out so that it reads in one glance). */
  text: string[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

/**
 * Runs `sql` under `EXPLAIN ANALYZE` (it really executes: never point this at a write you do not mean)
 * and says how `table` was read.
 */
export async function explainAnalyze(
  pool: pg.Pool,
  sql: string,
  params: unknown[],
  table: string,
): Promise<PlanSummary> {
  const json = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
    params,
  );
  const top = json.rows[0]?.['QUERY PLAN'][0];
  if (!top) throw new Error('EXPLAIN returned no plan');
  const nodes = flatten(top.Plan);
  const scan = nodes.find((n) => n['Relation Name'] === table);
  if (!scan) throw new Error(`the plan does not read table "${table}"`);
  const index =
    scan['Index Name'] ?? nodes.find((n) => n['Node Type'] === 'Bitmap Index Scan')?.['Index Name'];
  const text = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
  return {
    scan: scan['Node Type'],
    index,
    rowsRemovedByFilter: scan['Rows Removed by Filter'] ?? 0,
    rowsReturned: scan['Actual Rows'] ?? 0,
    executionMs: top['Execution Time'],
    text: text.rows.map((r) => r['QUERY PLAN']),
  };
}

/** The query the N+1 loop repeats, explained for one user. */
export function explainOrdersOfUser(pool: pg.Pool, userId: number): Promise<PlanSummary> {
  return explainAnalyze(
    pool,
    'SELECT id, user_id, total_cents, status FROM orders WHERE user_id = $1 ORDER BY id',
    [userId],
    'orders',
  );
}
