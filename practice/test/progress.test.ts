import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsxExecArgv } from '@lab/common/workers';
import { describe, expect, it } from 'vitest';
import { openProgress, PROGRESS_VERSION, parseProgress, progressPath } from '../src/progress.ts';
import type { Review } from '../src/scheduler.ts';

const writer = new URL('./fixtures/writer.ts', import.meta.url).pathname;
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'practice-progress-')), 'progress.json');
const review = (id: string, card = 'generators/answer'): Review => ({
  id,
  card,
  at: '2026-01-01T00:00:00.000Z',
  grade: 'good',
});

function startWriter(path: string, tag: string, count: number) {
  const child = spawn(process.execPath, [...tsxExecArgv(), writer, path, tag, String(count)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

const revision = (path: string): number => {
  try {
    const parsed = parseProgress(readFileSync(path, 'utf8'));
    return parsed.ok ? parsed.file.revision : -1;
  } catch {
    return -1;
  }
};

describe('progress file', () => {
  it('lives under $XDG_STATE_HOME/interview-lab, or ~/.local/state when it is unset or relative', () => {
    expect(progressPath({ XDG_STATE_HOME: '/x/state', HOME: '/home/a' })).toBe(
      '/x/state/interview-lab/progress.json',
    );
    expect(progressPath({ HOME: '/home/a' })).toBe('/home/a/.local/state/interview-lab/progress.json');
    expect(progressPath({ XDG_STATE_HOME: 'rel', HOME: '/home/a' })).toBe(
      '/home/a/.local/state/interview-lab/progress.json',
    );
  });

  it('starts empty when missing, creates its folder on the first write, and keeps every review once', () => {
    const path = join(tempFile(), '..', 'deeper', 'progress.json');
    const store = openProgress({ path });
    expect(store.load().reviews).toEqual([]);
    store.record(review('a'));
    store.record(review('b'), review('a'));
    const file = store.load();
    expect(file.version).toBe(PROGRESS_VERSION);
    expect(file.reviews.map((r) => r.id)).toEqual(['a', 'b']);
    expect(file.revision).toBe(2);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('survives kill -9 during writes: the file always parses and holds a gap-free prefix of the reviews', async () => {
    const path = tempFile();
    for (let round = 0; round < 3; round++) {
      const before = revision(path);
      const { child, exited } = startWriter(path, `k${round}`, 0);
      // Kill it once it is busy writing (a few dozen writes in), at whatever step of a write it is.
      const target = Math.max(before, 0) + 25;
      while (revision(path) < target) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      expect((await exited).signal).toBe('SIGKILL');
      const parsed = parseProgress(readFileSync(path, 'utf8'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const mine = parsed.file.reviews.filter((r) => r.id.startsWith(`k${round}-`)).map((r) => r.id);
      expect(mine.length).toBeGreaterThanOrEqual(25);
      expect(mine).toEqual(mine.map((_, i) => `k${round}-${i}`));
    }
    // The next writer takes over the dead writer's lock and sweeps its temp file.
    openProgress({ path }).record(review('after'));
    expect(readdirSync(join(path, '..')).sort()).toEqual(['progress.json']);
  });

  it('keeps both sessions’ reviews when two processes write at once', async () => {
    const path = tempFile();
    const a = startWriter(path, 'a', 60);
    const b = startWriter(path, 'b', 60);
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const file = openProgress({ path }).load();
    expect(file.reviews.filter((r) => r.id.startsWith('a-'))).toHaveLength(60);
    expect(file.reviews.filter((r) => r.id.startsWith('b-'))).toHaveLength(60);
    expect(file.revision).toBe(120);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const path = tempFile();
    // A pid far above pid_max: no process has it.
    writeFileSync(`${path}.lock`, `99999999 ${Date.now()}`);
    openProgress({ path, lockTimeoutMs: 200 }).record(review('a'));
    expect(openProgress({ path }).load().reviews).toHaveLength(1);
  });

  it('waits for, then gives up on, a lock a live process holds', () => {
    const path = tempFile();
    writeFileSync(`${path}.lock`, `${process.pid} ${Date.now()}`);
    expect(() => openProgress({ path, lockTimeoutMs: 50 }).record(review('a'))).toThrow(
      /held by another session/,
    );
  });

  const moved = (text: string, why: RegExp) => () => {
    const path = tempFile();
    writeFileSync(path, text);
    const warnings: string[] = [];
    const store = openProgress({
      path,
      warn: (l) => warnings.push(l),
      now: () => new Date('2026-03-04T05:06:07Z'),
    });
    expect(store.load().reviews).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(why);
    expect(warnings[0]).not.toContain('\n');
    const aside = `${path}.corrupt-2026-03-04T05-06-07-000Z`;
    expect(readFileSync(aside, 'utf8')).toBe(text);
    expect(existsSync(path)).toBe(false);
    store.record(review('fresh'));
    expect(store.load().reviews.map((r) => r.id)).toEqual(['fresh']);
  };

  it(
    'moves a corrupt file aside with one line and starts empty',
    moved('{"version": 1, "revi', /not valid JSON/),
  );
  it('moves a malformed log aside', moved('{"version":1,"revision":3,"reviews":[{"id":1}]}', /malformed/));
  it(
    'moves a file from a newer version aside instead of misreading it',
    moved('{"version": 99, "reviews": []}', /newer interview-lab \(format 99/),
  );
});
