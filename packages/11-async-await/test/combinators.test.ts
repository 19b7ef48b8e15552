import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Combinator, type Contender, combine } from '../src/combinators.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** b fails first (10 ms), then c succeeds (20 ms), then a succeeds (30 ms). */
const mixed: Contender[] = [
  { name: 'a', afterMs: 30 },
  { name: 'b', afterMs: 10, fails: true },
  { name: 'c', afterMs: 20 },
];

async function run(kind: Combinator, contenders: readonly Contender[]) {
  vi.useFakeTimers();
  const result = combine(kind, contenders);
  await vi.runAllTimersAsync();
  return result;
}

describe('Promise combinators on the same three operations', () => {
  it('all rejects with the first failure, while the others keep running', async () => {
    expect(await run('all', mixed)).toEqual({
      outcome: 'rejected: b failed',
      settledBefore: ['b'],
      settledInTheEnd: ['b', 'c', 'a'],
    });
  });

  it('all keeps the input order on success, not the finishing order', async () => {
    const ok = mixed.map(({ name, afterMs }) => ({ name, afterMs }));
    expect((await run('all', ok)).outcome).toBe('[a, b, c]');
  });

  it('allSettled waits for every one and reports each, in input order', async () => {
    expect(await run('allSettled', mixed)).toEqual({
      outcome: 'fulfilled a, rejected b failed, fulfilled c',
      settledBefore: ['b', 'c', 'a'],
      settledInTheEnd: ['b', 'c', 'a'],
    });
  });

  it('any takes the first success and skips failures', async () => {
    expect(await run('any', mixed)).toMatchObject({ outcome: 'c', settledBefore: ['b', 'c'] });
  });

  it('any rejects with an AggregateError of every failure, in input order, when all fail', async () => {
    const allFail = [
      { name: 'a', afterMs: 20, fails: true },
      { name: 'b', afterMs: 10, fails: true },
    ];
    expect((await run('any', allFail)).outcome).toBe('AggregateError [a failed, b failed]');
  });

  it('race settles with whichever settles first, even a failure, and cancels nothing', async () => {
    expect(await run('race', mixed)).toEqual({
      outcome: 'rejected: b failed',
      settledBefore: ['b'],
      settledInTheEnd: ['b', 'c', 'a'],
    });
  });
});
