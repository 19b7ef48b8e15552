import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCounterRegistry, metrics } from '../src/singleton.ts';
import { runSingletonScenario, SCENARIOS, scenarioFiles } from '../src/singleton-hazard.ts';

describe('module-level singleton', () => {
  it('every import of the module gets the same object: the module is evaluated once and cached', async () => {
    const again = await import('../src/singleton.ts');
    expect(again.metrics).toBe(metrics);
    const before = metrics.get('logins');
    again.metrics.increment('logins');
    expect(metrics.get('logins')).toBe(before + 1);
  });

  it('the factory it is made with gives a test its own fresh registry', () => {
    const a = createCounterRegistry();
    const b = createCounterRegistry();
    expect(a.increment('x')).toBe(1);
    expect(a.increment('x', 5)).toBe(6);
    expect(b.get('x')).toBe(0);
    expect(a.snapshot()).toEqual({ x: 6 });
    expect(b.snapshot()).toEqual({});
  });
});

describe('the singleton breaks when the module exists twice (a fresh Node process per install)', () => {
  it('one copy: app and plugin share one registry, both read 3', async () => {
    expect(await runSingletonScenario('one-copy')).toEqual({
      scenario: 'one-copy',
      appCount: 3,
      pluginCount: 3,
      sameInstance: true,
    });
  });

  it('dual ESM/CommonJS package: import and require load two modules, two registries (2 and 1)', async () => {
    expect(await runSingletonScenario('dual-format')).toEqual({
      scenario: 'dual-format',
      appCount: 2,
      pluginCount: 1,
      sameInstance: false,
    });
  });

  it('two versions in node_modules: the nested copy is a second registry (2 and 1)', async () => {
    expect(await runSingletonScenario('two-versions')).toEqual({
      scenario: 'two-versions',
      appCount: 2,
      pluginCount: 1,
      sameInstance: false,
    });
  });

  it('fix for the dual package: the ESM entry re-exports the CommonJS one', async () => {
    expect(await runSingletonScenario('dual-format-wrapper')).toMatchObject({
      appCount: 3,
      pluginCount: 3,
      sameInstance: true,
    });
  });

  it("fix for two copies: state on globalThis under Symbol.for (both copies find the first one's)", async () => {
    expect(await runSingletonScenario('global-symbol')).toMatchObject({
      appCount: 3,
      pluginCount: 3,
      sameInstance: true,
    });
  });

  it('each scenario is a real install: the hazards have two counter files, the fixes keep one state', () => {
    const counters = (s: keyof typeof SCENARIOS) =>
      Object.keys(scenarioFiles(s)).filter((p) => /metrics\/index\.(mjs|cjs)$/.test(p));
    expect(counters('one-copy')).toEqual(['node_modules/metrics/index.mjs']);
    expect(counters('dual-format')).toEqual([
      'node_modules/metrics/index.mjs',
      'node_modules/metrics/index.cjs',
    ]);
    expect(counters('two-versions')).toEqual([
      'node_modules/metrics/index.mjs',
      'node_modules/plugin/node_modules/metrics/index.mjs',
    ]);
    expect(scenarioFiles('dual-format-wrapper')['node_modules/metrics/index.mjs']).toContain(
      "from './index.cjs'",
    );
    expect(Object.keys(SCENARIOS)).toHaveLength(5);
  });

  it('every package.json in an install names the package of its folder, with a version', () => {
    for (const scenario of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
      const files = scenarioFiles(scenario);
      const manifests = Object.keys(files).filter((p) => p.endsWith('/package.json'));
      expect(manifests.length, scenario).toBeGreaterThanOrEqual(2);
      for (const path of manifests) {
        const folder = path.split('/').at(-2);
        expect(JSON.parse(files[path] as string), `${scenario} ${path}`).toMatchObject({
          name: folder,
          version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        });
      }
    }
  });

  it('the two copies are two versions: the plugin asks for ^2, which the app’s 1.0.0 cannot satisfy', () => {
    for (const scenario of ['two-versions', 'global-symbol'] as const) {
      const files = scenarioFiles(scenario);
      const read = (path: string) => JSON.parse(files[path] as string) as Record<string, unknown>;
      expect(read('node_modules/metrics/package.json').version, scenario).toBe('1.0.0');
      expect(read('node_modules/plugin/node_modules/metrics/package.json').version, scenario).toBe('2.0.0');
      expect(read('node_modules/plugin/package.json').dependencies, scenario).toEqual({ metrics: '^2.0.0' });
    }
  });

  it("a scenario whose node process fails rejects with the child's stderr, or node's message when stderr is empty", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab24-preload-'));
    const loud = join(dir, 'loud.cjs');
    const quiet = join(dir, 'quiet.cjs');
    await writeFile(loud, "process.stderr.write('preload refused'); process.exit(3);\n");
    await writeFile(quiet, 'process.exit(3);\n');
    const saved = process.env.NODE_OPTIONS;
    try {
      // The child inherits NODE_OPTIONS: a preload that exits makes `node main.mjs` fail before it runs.
      process.env.NODE_OPTIONS = `--require "${loud}"`;
      await expect(runSingletonScenario('one-copy')).rejects.toThrow(
        new Error('scenario one-copy failed: preload refused'),
      );
      process.env.NODE_OPTIONS = `--require "${quiet}"`;
      await expect(runSingletonScenario('two-versions')).rejects.toThrow(
        /^scenario two-versions failed: Command failed: .*main\.mjs/,
      );
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs in a temporary folder of its own and removes it afterwards', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'lab24-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = parent;
    try {
      expect(tmpdir()).toBe(parent);
      expect((await runSingletonScenario('one-copy')).appCount).toBe(3);
      expect(await readdir(parent)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await rm(parent, { recursive: true, force: true });
    }
  });
});
