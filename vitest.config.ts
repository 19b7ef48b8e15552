import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { listTopics } from './packages/common/src/topics.ts';
import { tc39Decorators } from './tooling/src/vitest-tc39-decorators.ts';

// Paths are resolved from this file, not the cwd: package scripts run vitest from their own folder.
const root = fileURLToPath(new URL('.', import.meta.url));

// One project per workspace package, named by slug: `pnpm test --project generators`.
const folders = [
  { name: 'common', dir: resolve(root, 'packages/common') },
  { name: 'demos', dir: resolve(root, 'demos') },
  { name: 'benchmarks', dir: resolve(root, 'benchmarks') },
  { name: 'practice', dir: resolve(root, 'practice') },
  ...listTopics().map((t) => ({ name: t.slug, dir: t.dir })),
].filter((f) => existsSync(join(f.dir, 'test')));

export default defineConfig({
  plugins: [tc39Decorators()],
  test: {
    globalSetup: [resolve(root, 'packages/common/src/vitest-global-setup.ts')],
    // Several topics force a GC to prove what is collected.
    execArgv: ['--expose-gc'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: folders.map((f) => ({
      extends: true,
      test: { name: f.name, root: f.dir, include: ['test/**/*.test.ts'] },
    })),
  },
});
