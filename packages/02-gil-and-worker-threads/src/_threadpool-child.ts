// Stryker disable all: runs only in runWithThreadpoolSize's child process, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/libuv-threadpool.test.ts (pool size, completion order, the file read queued behind the hashes)
/** Child process for `runWithThreadpoolSize`: its libuv pool was sized by the env it was started with. */
import { pbkdf2 } from 'node:crypto';
import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ThreadpoolReport, ThreadpoolRequest } from './libuv-threadpool.ts';

// libuv's default is 4; the parent sets the variable to choose another size.
const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);

const hash = (iterations: number, then: () => void) =>
  pbkdf2('pw', 'salt', iterations, 32, 'sha256', (error) => {
    if (error) throw error;
    then();
  });

process.once('message', (request: ThreadpoolRequest) => {
  // Warm-up, untimed: libuv starts its threads and OpenSSL loads its digests on first use.
  let warming = poolSize;
  for (let i = 0; i < poolSize; i++) {
    hash(1, () => {
      warming--;
      if (warming === 0) measure(request);
    });
  }
});

function measure(request: ThreadpoolRequest): void {
  const order: string[] = [];
  const jobs = request.hashes.length + (request.readFileAfter ? 1 : 0);
  const start = performance.now();
  const done = (label: string) => {
    order.push(label);
    if (order.length < jobs) return;
    const report: ThreadpoolReport = {
      poolSize,
      order,
      wallMs: performance.now() - start,
    };
    process.send?.(report);
  };
  request.hashes.forEach((iterations, i) => {
    hash(iterations, () => done(`hash#${i}`));
  });
  if (request.readFileAfter) {
    // Callback fs, like the hashes: open, stat, read and close each wait their turn on the same pool.
    readFile(fileURLToPath(import.meta.url), (error) => {
      if (error) throw error;
      done('readFile');
    });
  }
}
