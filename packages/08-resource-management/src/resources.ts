import { mkdtempSync, rmSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary directory removed (recursively) when the scope ends, whatever ended it. */
export function tempDir(prefix = 'lab-'): Disposable & { readonly path: string } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    [Symbol.dispose]() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Reports how long the scope took, once, when it ends. The clock is injectable for tests. */
export function stopwatch(
  label: string,
  report: (label: string, ms: number) => void,
  now: () => number = () => performance.now(),
): Disposable {
  const started = now();
  return {
    [Symbol.dispose]() {
      report(label, now() - started);
    },
  };
}

/**
 * A file handle that closes at the end of the scope. Node 20's FileHandle already has
 * `Symbol.asyncDispose` (experimental there); this wrapper makes the contract explicit and works
 * the same on every version.
 */
export async function openFile(path: string, flags = 'r'): Promise<AsyncDisposable & { handle: FileHandle }> {
  const handle = await open(path, flags);
  return {
    handle,
    async [Symbol.asyncDispose]() {
      await handle.close();
    },
  };
}

/** A named resource that records when it is acquired and disposed: makes disposal order visible. */
export function tracked(name: string, log: string[], failOnDispose = false): Disposable {
  log.push(`acquire ${name}`);
  return {
    [Symbol.dispose]() {
      log.push(`dispose ${name}`);
      if (failOnDispose) throw new Error(`${name} failed to dispose`);
    },
  };
}
