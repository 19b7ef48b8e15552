/**
 * One run at a time per folder: `pnpm mutate 32` wipes `.stryker/<slug>/tmp` when it starts, so a second
 * run of the same topic would delete the sandbox the first is testing in. The lock file holds the owner's
 * pid; a lock whose owner has died (a killed run) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { processAlive } from '@lab/common/workers';

export type RunLock = { ok: true; release(): void } | { ok: false; holder: number };

export function takeRunLock(path: string, pid = process.pid): RunLock {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return { ok: true, release: () => releaseIfOurs(path, pid) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== pid && processAlive(holder)) return { ok: false, holder };
      // Stale (its run died without releasing) or unreadable: remove it and try once more.
      rmSync(path, { force: true });
    }
  }
  return { ok: false, holder: readHolder(path) ?? -1 };
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(path: string, pid: number): void {
  if (readHolder(path) === pid) rmSync(path, { force: true });
}
