import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from '@lab/common/workers';
import { describe, expect, it } from 'vitest';
import { takeRunLock } from '../src/run-lock.ts';

const lockIn = () => join(mkdtempSync(join(tmpdir(), 'run-lock-')), 'nested', 'run.lock');

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const run = await runNode(['-e', 'process.stdout.write(String(process.pid))'], { timeoutMs: 30_000 });
  return Number(run.stdout);
}

describe('takeRunLock', () => {
  it('lets one holder in, refuses a second while the first lives, and lets the next in after release', () => {
    const path = lockIn();
    const first = takeRunLock(path);
    expect(first.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    // Another live process (the parent of this one) asking for the same lock is refused, told who holds it.
    expect(takeRunLock(path, process.ppid)).toEqual({ ok: false, holder: process.pid });
    if (first.ok) first.release();
    expect(existsSync(path)).toBe(false);
    expect(takeRunLock(path, process.ppid).ok).toBe(true);
  });

  it('takes over a lock whose holder has died (a run killed with Ctrl-C leaves its file behind)', async () => {
    const path = lockIn();
    const dead = await deadPid();
    expect(takeRunLock(path, dead).ok).toBe(true);
    const next = takeRunLock(path);
    expect(next.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
  });

  it('takes over a lock file that holds no pid', () => {
    const path = lockIn();
    expect(takeRunLock(path).ok).toBe(true);
    writeFileSync(path, 'not a pid\0');
    expect(takeRunLock(path, process.ppid).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(String(process.ppid));
  });

  it('release removes only its own lock, not one another run took over since', () => {
    const path = lockIn();
    const mine = takeRunLock(path);
    writeFileSync(path, String(process.ppid));
    if (mine.ok) mine.release();
    expect(readFileSync(path, 'utf8')).toBe(String(process.ppid));
  });
});
