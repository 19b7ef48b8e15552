import { describe, expect, it } from 'vitest';
import { loopTurnsDuring } from '../src/measure/index.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('loopTurnsDuring', () => {
  it('counts no turn for work that never yields, sync or async', async () => {
    expect(await loopTurnsDuring(() => Array.from({ length: 1000 }, (_, i) => i * 2))).toBe(0);
    expect(await loopTurnsDuring(async () => 42)).toBe(0);
  });

  it('counts one turn per trip round the loop the work takes, and stops counting when it ends', async () => {
    expect(
      await loopTurnsDuring(async () => {
        for (let i = 0; i < 5; i++) await nextTurn();
      }),
    ).toBe(5);
    // A second run starts from zero: the first one's spinner has stopped.
    expect(await loopTurnsDuring(nextTurn)).toBe(1);
  });
});
