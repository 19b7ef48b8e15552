/**
 * The vitest config Stryker's runner loads inside its sandbox (`pnpm mutate`, scripts/mutate.ts): the root
 * config with one project, the topic being mutated.
 *
 * Each Stryker worker is a separate vitest process in the same sandbox, running the same test files. The
 * files name their own PostgreSQL schema and Redis key prefix, so two workers running one file at once
 * would drop each other's tables and count each other's requests. Each worker therefore claims a slot and
 * uses its own database (`lab_mutate_<topic>_<slot>`, created by scripts/mutate.ts) and its own Redis database
 * number. A slot is a lock file holding the worker's pid: a worker Stryker killed after a timeout leaves
 * a stale one, which the next worker reclaims.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';
import base from '../../vitest.config.ts';

const project = process.env.LAB_MUTATE_PROJECT;
const slotsDir = process.env.LAB_MUTATE_SLOTS;
const slotCount = Number(process.env.LAB_MUTATE_SLOT_COUNT ?? '0');
const databasePrefix = process.env.LAB_MUTATE_DATABASE_PREFIX;
if (!project || !slotsDir || !databasePrefix || slotCount < 1) {
  throw new Error('tooling/stryker/vitest.config.ts is for `pnpm mutate <topic>`, which sets LAB_MUTATE_*');
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function claimSlot(): number {
  mkdirSync(slotsDir as string, { recursive: true });
  for (let slot = 0; slot < slotCount; slot++) {
    const file = join(slotsDir as string, `${slot}.pid`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // 'wx' fails when the file exists: two workers starting together cannot both get one slot.
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        process.once('exit', () => {
          try {
            unlinkSync(file);
          } catch {}
        });
        return slot;
      } catch {
        let owner = Number.NaN;
        try {
          owner = Number(readFileSync(file, 'utf8'));
        } catch {}
        if (owner === process.pid) return slot;
        if (Number.isInteger(owner) && alive(owner)) break;
        try {
          unlinkSync(file);
        } catch {}
      }
    }
  }
  throw new Error(`pnpm mutate: all ${slotCount} database slots are taken; lower the concurrency`);
}

const slot = claimSlot();
const withPath = (url: string, path: string): string => {
  const parsed = new URL(url);
  parsed.pathname = path;
  return parsed.toString();
};
// Set before the global setup runs in this process; test workers and child processes inherit it.
process.env.DATABASE_URL = withPath(process.env.DATABASE_URL ?? '', `/${databasePrefix}${slot}`);
process.env.REDIS_URL = withPath(process.env.REDIS_URL ?? '', `/${slot + 1}`);

const projects = (base.test?.projects ?? []).filter(
  (p: TestProjectConfiguration) => typeof p === 'object' && 'test' in p && p.test?.name === project,
);
if (projects.length !== 1) throw new Error(`no vitest project named ${project}`);

// Stryker runs the tests in worker threads, which refuse V8 flags such as --expose-gc (forceGc() in
// @lab/common works without it).
const { execArgv: _execArgv, ...test } = base.test ?? {};
export default defineConfig({ ...base, test: { ...test, projects } });
