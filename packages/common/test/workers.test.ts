import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runInFreshWorker, startTsWorker } from '../src/workers.ts';

const doubleWorker = fileURLToPath(new URL('./fixtures/double-worker.ts', import.meta.url));

describe('TypeScript in worker threads', () => {
  it('runInFreshWorker runs a .ts default export in a new thread and returns its answer', async () => {
    expect(await runInFreshWorker<{ n: number }, number>(doubleWorker, { n: 21 })).toBe(42);
  });

  it('startTsWorker starts a thread whose .ts module runs at once', async () => {
    const worker = startTsWorker(doubleWorker);
    const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(code).toBe(0);
    expect(worker.threadId).not.toBe(threadId);
  });
});
