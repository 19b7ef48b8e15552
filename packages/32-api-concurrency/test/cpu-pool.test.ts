import { describe, expect, it } from 'vitest';
import { createCpuPool } from '../src/cpu-pool.ts';
import { DependencyBusyError } from '../src/errors.ts';
import { Latch } from '../src/latch.ts';

describe('createCpuPool', () => {
  it('refuses fewer than one thread or a fractional count, before starting any thread', () => {
    for (const threads of [0, -1, 1.5]) {
      expect(() => createCpuPool({ threads, maxQueue: 1 })).toThrow(
        new RangeError(`threads must be ≥ 1: ${threads}`),
      );
    }
  });

  it('refuses a queue bound below 1 or fractional', () => {
    // 0 too: piscina without a queue can throw outside any promise when it refuses a task (see cpu-pool.ts).
    for (const maxQueue of [-1, 0, 0.5]) {
      expect(() => createCpuPool({ threads: 1, maxQueue })).toThrow(
        new RangeError(`maxQueue must be ≥ 1: ${maxQueue}`),
      );
    }
  });

  it('refuses a task past the queue bound with a DependencyBusyError naming the pool and its size', async () => {
    const latch = new Latch();
    const cpu = createCpuPool({ threads: 1, maxQueue: 1, retryAfterSeconds: 3, latch });
    try {
      const first = cpu.countPrimes(100);
      await latch.arrivals(1);
      // The only thread is held at the latch: the next task takes the queue's one place, the one after is refused.
      const queued = cpu.countPrimes(10);
      const refused = await cpu.countPrimes(1000).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DependencyBusyError);
      const busy = refused as DependencyBusyError;
      expect(busy.dependency).toBe('cpu-pool');
      expect(busy.message).toBe('all 1 CPU workers are busy and 1 tasks are already waiting');
      expect(busy.retryAfterSeconds).toBe(3);
      // The cause is piscina's own error, kept for the logs.
      expect(busy.cause).toBeInstanceOf(Error);
      expect((busy.cause as Error).message).toBe('Task queue is at limit');

      latch.open();
      expect((await first).primes).toBe(25);
      expect((await queued).primes).toBe(4);
      expect(cpu.completed).toBe(2);
    } finally {
      latch.open();
      await cpu.close();
    }
  });

  it('passes on a task that fails in its worker as it is, not as a busy pool', async () => {
    const cpu = createCpuPool({ threads: 1, maxQueue: 1 });
    try {
      const failure = await cpu.countPrimes(-1).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).not.toBeInstanceOf(DependencyBusyError);
      expect((failure as Error).message).toBe('limit must be a non-negative integer: -1');
    } finally {
      await cpu.close();
    }
  });

  it('warm() runs one task per thread', async () => {
    const cpu = createCpuPool({ threads: 2, maxQueue: 4 });
    try {
      expect(cpu.threads).toBe(2);
      expect(cpu.completed).toBe(0);
      await cpu.warm();
      expect(cpu.completed).toBe(2);
    } finally {
      await cpu.close();
    }
  });

  it('close() ends the threads: a task still running in one is rejected', async () => {
    const latch = new Latch();
    const cpu = createCpuPool({ threads: 1, maxQueue: 1, latch });
    const held = cpu.countPrimes(100).then(
      () => undefined,
      (error: unknown) => error,
    );
    await latch.arrivals(1);
    await cpu.close();
    expect(await held).toEqual(new Error('Terminating worker thread'));
  });
});
