import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LOOP_PHASES, orderAsEntry, orderInside, scheduleEach } from '../src/loop-order.ts';

describe('print order of nextTick, promise, setImmediate and setTimeout 0', () => {
  it('inside an I/O callback: the check phase comes next, so setImmediate always beats the timer', async () => {
    expect(await orderInside('io-callback')).toEqual([
      'sync',
      'nextTick',
      'promise',
      'setImmediate',
      'setTimeout 0',
    ]);
  });

  it('inside a timer callback: a new 0 ms timer waits for the next turn, after the check phase', async () => {
    expect(await orderInside('timer-callback')).toEqual([
      'sync',
      'nextTick',
      'promise',
      'setImmediate',
      'setTimeout 0',
    ]);
  });

  it('as a CommonJS entry (timer due when the loop starts): the timers phase runs first', async () => {
    expect(await orderAsEntry('commonjs')).toEqual([
      'sync',
      'nextTick',
      'promise',
      'setTimeout 0',
      'setImmediate',
    ]);
  });

  it('as an ES module entry: the module body is itself a promise job, so microtasks drain before nextTick', async () => {
    const order = await orderAsEntry('module');
    expect(order.slice(0, 3)).toEqual(['sync', 'promise', 'nextTick']);
    // Which macrotask comes first depends on how the loader ran the module (Node 20: setImmediate), so
    // only the set is asserted here; the README says not to rely on either.
    expect([...order.slice(3)].sort()).toEqual(['setImmediate', 'setTimeout 0']);
  });

  it('removes the temporary folder it wrote the entry file to', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loop-order-test-'));
    vi.stubEnv('TMPDIR', dir);
    try {
      await orderAsEntry('commonjs');
      expect(await readdir(dir)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs the synchronous part before any callback, whatever order the calls were written in', () => {
    const seen: string[] = [];
    scheduleEach((what) => seen.push(what));
    expect(seen).toEqual(['sync']);
  });

  it('lists the five phases in loop order', () => {
    expect(LOOP_PHASES.map((p) => p.phase)).toEqual([
      'timers',
      'pending callbacks',
      'poll',
      'check',
      'close callbacks',
    ]);
  });
});
