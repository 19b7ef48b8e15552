import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

const tsxLoader = import.meta.resolve('tsx');

/**
 * `execArgv` for a worker thread (piscina or `new Worker`) whose file is TypeScript. Under tsx a worker
 * inherits the loader; under vitest it does not, so the loader is given explicitly. The parent's own flags
 * are not passed on: process-wide ones such as --expose-gc are refused by worker threads.
 */
export function tsWorkerExecArgv(extra: readonly string[] = []): string[] {
  return ['--import', tsxLoader, ...extra];
}

/** A worker file path from a `new URL('./x.ts', import.meta.url)`-style URL or an absolute path. */
export function workerPath(file: URL | string): string {
  if (file instanceof URL) return fileURLToPath(file);
  if (!isAbsolute(file)) throw new Error(`worker file must be an absolute path or a file URL: ${file}`);
  return file;
}
