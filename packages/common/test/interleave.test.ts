import { describe, expect, it } from 'vitest';
import { interleaved } from '../src/bench/interleave.ts';

describe('interleaved timing', () => {
  it('rotates the order every round and keeps warm-up calls out of the samples', async () => {
    const order: string[] = [];
    const samples = await interleaved(
      { a: () => order.push('a'), b: () => order.push('b'), c: () => order.push('c') },
      { rounds: 3, warmupRounds: 1 },
    );
    expect(order.join('')).toBe('cab' + 'abc' + 'bca' + 'cab');
    expect(Object.values(samples).map((s) => s.length)).toEqual([3, 3, 3]);
  });

  it('awaits async contenders and runs beforeEach outside every call', async () => {
    const events: string[] = [];
    await interleaved(
      {
        slow: async () => {
          await new Promise((r) => setImmediate(r));
          events.push('slow done');
        },
      },
      { rounds: 2, warmupRounds: 0, beforeEach: () => events.push('before') },
    );
    expect(events).toEqual(['before', 'slow done', 'before', 'slow done']);
  });

  it('repeats a contender targetMs asks for, calibrated in warm-up', async () => {
    let calls = 0;
    await interleaved({ tiny: () => calls++ }, { rounds: 1, warmupRounds: 1, targetMs: 5, maxReps: 50 });
    expect(calls).toBe(51);
  });
});
