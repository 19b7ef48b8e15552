import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// The one place the repo's machinery is imported by path, not by package name: Vite bundles this file and
// leaves every bare import to Node, which cannot load a workspace package's `.ts` files on Node 20.
import { listTopics } from './tooling/src/topics.ts';
import { tc39Decorators } from './tooling/src/vitest-tc39-decorators.ts';

// Paths are resolved from this file, not the cwd: package scripts run vitest from their own folder.
const root = fileURLToPath(new URL('.', import.meta.url));

// One project per workspace package, named by slug: `pnpm test --project generators`.
const folders = [
  { name: 'common', dir: resolve(root, 'packages/common') },
  { name: 'tooling', dir: resolve(root, 'tooling') },
  { name: 'demos', dir: resolve(root, 'demos') },
  { name: 'benchmarks', dir: resolve(root, 'benchmarks') },
  { name: 'practice', dir: resolve(root, 'practice') },
  ...listTopics().map((t) => ({ name: t.slug, dir: t.dir })),
].filter((f) => existsSync(join(f.dir, 'test')));

export default defineConfig({
  plugins: [tc39Decorators()],
  test: {
    // Loaded by vitest itself (which runs TypeScript), so the package name works here.
    globalSetup: ['@lab/tooling/vitest-global-setup'],
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
