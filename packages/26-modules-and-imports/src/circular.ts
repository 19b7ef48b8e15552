import { join } from 'node:path';
import { FIXTURES, type NodeRun, runNode } from './_node.ts';

/**
 * orders ↔ customers, written four ways in each module system. `broken` is the cycle as people write it;
 * `late`, `extract` and `lazy` are the three fixes. Every entry prints the same three lines when it works.
 */
export const CYCLE_CASES = {
  'esm-broken': 'ESM cycle: customers.mjs reads ORDER_PREFIX while it evaluates → ReferenceError (TDZ)',
  'esm-late': 'fix 1 (ESM): read the imported binding inside a function, at call time',
  'esm-extract': 'fix 2 (ESM): move the shared constants to ids.mjs; no cycle left',
  'esm-lazy': 'fix 3 (ESM): import() inside the functions that need orders.mjs',
  'cjs-broken':
    'CommonJS cycle: customers.cjs destructures a half-filled exports object → undefined, then TypeError',
  'cjs-late': 'fix 1 (CJS): keep the exports object, read its properties when called',
  'cjs-extract': 'fix 2 (CJS): move the shared constants to ids.cjs; no cycle left',
  'cjs-lazy': 'fix 3 (CJS): require() inside the functions that need orders.cjs',
} as const;

export type CycleCase = keyof typeof CYCLE_CASES;

/** What every working variant prints. */
export const EXPECTED_LINES = ['ord_basic_1', 'ord:by-customer', 'ord_basic_1'] as const;

/** Runs one variant's `main` in a fresh Node. */
export function runCycle(id: CycleCase): Promise<NodeRun> {
  const main = id.startsWith('esm') ? 'main.mjs' : 'main.cjs';
  return runNode(join(FIXTURES, 'cycle', id, main));
}

/** The broken ESM cycle entered from the other module: the same files, and it works. */
export function runCycleEnteredFromCustomers(): Promise<NodeRun> {
  return runNode(join(FIXTURES, 'cycle', 'esm-broken', 'main-customers-first.mjs'));
}
