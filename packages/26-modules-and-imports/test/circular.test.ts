import { describe, expect, it } from 'vitest';
import {
  CYCLE_CASES,
  type CycleCase,
  EXPECTED_LINES,
  runCycle,
  runCycleEnteredFromCustomers,
} from '../src/circular.ts';

describe('circular imports, reproduced in a fresh Node each', () => {
  it('ESM: the module that reads an import while it evaluates hits the TDZ, and the process exits 1', async () => {
    const run = await runCycle('esm-broken');
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([]);
    // No `code`: a plain ReferenceError has none (Node's own errors print theirs as `Error [ERR_…]`).
    expect(run.error).toStrictEqual({
      name: 'ReferenceError',
      message: "Cannot access 'ORDER_PREFIX' before initialization",
    });
    expect(run.stderr).toContain('customers.mjs:');
  });

  it('CommonJS: no error at load time — a silently wrong value first, a TypeError only when the function is called', async () => {
    const run = await runCycle('cjs-broken');
    expect(run.lines).toEqual(['ord_basic_1', 'undefined:by-customer']);
    expect(run.code).toBe(1);
    expect(run.error).toStrictEqual({ name: 'TypeError', message: 'newOrderId is not a function' });
  });

  it('ESM: the same broken files work when entered from customers.mjs — which file is imported first decides', async () => {
    const run = await runCycleEnteredFromCustomers();
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([...EXPECTED_LINES]);
  });

  const fixes = (Object.keys(CYCLE_CASES) as CycleCase[]).filter((id) => !id.endsWith('broken'));
  it('there are three fixes in each module system', () => {
    expect(fixes).toEqual(['esm-late', 'esm-extract', 'esm-lazy', 'cjs-late', 'cjs-extract', 'cjs-lazy']);
  });

  it.each(fixes)('%s: runs cleanly and prints the right values', async (id) => {
    const run = await runCycle(id);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.lines).toEqual([...EXPECTED_LINES]);
  });
});
