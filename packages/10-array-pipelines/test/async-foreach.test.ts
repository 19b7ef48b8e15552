import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { processConcurrently, processSequentially, processWithForEach } from '../src/async-foreach.ts';

/**
 * A worker whose item k takes `delays[k]` macrotask turns, with counters for what started, what finished
 * and how many ran at once. Macrotask turns (setImmediate) instead of timers keep every order deterministic.
 */
function recorder(delays: Record<string, number>) {
  const started: string[] = [];
  const finished: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const worker = async (item: string): Promise<string> => {
    started.push(item);
    running++;
    maxRunning = Math.max(maxRunning, running);
    for (let i = 0; i < (delays[item] ?? 1); i++) await nextMacrotask();
    running--;
    finished.push(item);
    return item.toUpperCase();
  };
  return { worker, started, finished, maxRunning: () => maxRunning };
}

const items = ['a', 'b', 'c'];
const delays = { a: 3, b: 1, c: 2 };

/** Lets every pending worker run to completion. */
async function drain(): Promise<void> {
  for (let i = 0; i < 10; i++) await nextMacrotask();
}

describe('forEach with an async callback (the pitfall)', () => {
  it('returns before any work has finished', async () => {
    const r = recorder(delays);
    await processWithForEach(items, r.worker);
    expect(r.started).toEqual(['a', 'b', 'c']); // all started at once…
    expect(r.finished).toEqual([]); // …and none awaited
    expect(r.maxRunning()).toBe(3);
    await drain();
    expect(r.finished).toEqual(['b', 'c', 'a']); // they finish later, in completion order
  });
});

describe('the fixes', () => {
  it('for…of + await: one at a time, in input order, all done on return', async () => {
    const r = recorder(delays);
    expect(await processSequentially(items, r.worker)).toEqual(['A', 'B', 'C']);
    expect(r.finished).toEqual(['a', 'b', 'c']);
    expect(r.maxRunning()).toBe(1);
  });

  it('Promise.all(map): all at once, all done on return, results in input order', async () => {
    const r = recorder(delays);
    expect(await processConcurrently(items, r.worker)).toEqual(['A', 'B', 'C']);
    expect(r.finished).toEqual(['b', 'c', 'a']);
    expect(r.maxRunning()).toBe(3);
  });

  it('errors reach the caller', async () => {
    const failing = async (item: string): Promise<string> => {
      await nextMacrotask();
      if (item === 'b') throw new Error(`cannot process ${item}`);
      return item;
    };
    await expect(processSequentially(items, failing)).rejects.toThrow('cannot process b');
    await expect(processConcurrently(items, failing)).rejects.toThrow('cannot process b');
  });
});
