import { describe, expect, it } from 'vitest';
import { blockFor, watchLoop } from '../src/loop-health.ts';
import { callInsideTry, unhandledRejectionInChild } from '../src/pitfalls.ts';

describe('watching the loop', () => {
  it('synchronous work lets no other callback run while it lasts, and keeps the loop fully busy', async () => {
    const health = await watchLoop(() => blockFor(60));
    expect(health.ticks).toBe(0);
    expect(health.utilization).toBeGreaterThan(0.9);
  });

  it('awaiting a timer leaves the loop free: other callbacks run and utilisation stays low', async () => {
    const health = await watchLoop(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(health.ticks).toBeGreaterThan(0);
    expect(health.utilization).toBeLessThan(0.5);
  });

  it('the delay histogram sees the blocked stretch as a late loop, the idle wait as not', async () => {
    const blocked = await watchLoop(() => blockFor(120));
    const idle = await watchLoop(() => new Promise((resolve) => setTimeout(resolve, 120)));
    expect(blocked.delayMaxMs).toBeGreaterThan(idle.delayMaxMs);
  });
});

describe('pitfalls', () => {
  const failsLater = async () => {
    await null;
    throw new Error('disk full');
  };

  it('a forgotten await lets the rejection slip past try/catch', async () => {
    expect(await callInsideTry(failsLater, false)).toEqual({
      caughtByTry: false,
      promiseEnded: 'rejected: disk full',
    });
    expect(await callInsideTry(failsLater, true)).toEqual({
      caughtByTry: true,
      promiseEnded: 'rejected: disk full',
    });
  });

  it('an unhandled rejection ends the process with exit code 1 before later work runs', async () => {
    expect(await unhandledRejectionInChild(false)).toEqual({
      code: 1,
      stdout: '',
      errorLine: 'Error: payment service down',
    });
  });

  it('a process-level unhandledRejection listener sees it and the process keeps running', async () => {
    expect(await unhandledRejectionInChild(true)).toEqual({
      code: 0,
      stdout: 'listener saw: payment service down\nstill running',
      errorLine: '',
    });
  });
});
