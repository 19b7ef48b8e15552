import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Five installs of one `metrics` package, each run in a fresh Node process. The app counts twice through
 * its own import of `metrics`, a plugin it depends on counts once through the plugin's: with one module
 * instance both see 3, with two they see 2 and 1.
 */
export const SCENARIOS = {
  'one-copy': 'one ESM copy, imported by the app and the plugin',
  'dual-format': 'a dual package (import → .mjs, require → .cjs); the plugin is CommonJS',
  'dual-format-wrapper': 'the fix: the .mjs entry re-exports the .cjs one, so state lives in one module',
  'two-versions': 'the plugin has its own nested copy (another version) in its node_modules',
  'global-symbol': 'the fix for two copies: state kept on globalThis under a Symbol.for key',
} as const;

export type Scenario = keyof typeof SCENARIOS;

export interface HazardRun {
  scenario: Scenario;
  /** What the app's copy counted (the app counted twice). */
  appCount: number;
  /** What the plugin's copy counted (the plugin counted once). */
  pluginCount: number;
  /** Whether the app and the plugin hold the very same registry object. */
  sameInstance: boolean;
}

const esmCounter = `let count = 0;
export const registry = { increment: () => ++count, count: () => count };
`;
const cjsCounter = `let count = 0;
exports.registry = { increment: () => ++count, count: () => count };
`;
// Symbol.for goes through the runtime-wide symbol registry, so every copy finds the first copy's object.
const globalCounter = `const key = Symbol.for('metrics.registry.v1');
globalThis[key] ??= (() => {
  let count = 0;
  return { increment: () => ++count, count: () => count };
})();
export const registry = globalThis[key];
`;
const pkg = (name: string, exports: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name, version: '1.0.0', exports, ...extra });
// Arrays of lines, not template literals: a generated line that starts with `import … from 'plugin'`
// would read, to the repo's import checker, as an import of this topic.
const lines = (...source: string[]) => `${source.join('\n')}\n`;
const esmPlugin = lines(
  "import { registry } from 'metrics';",
  'export default { record: () => registry.increment(), registry };',
);
const cjsPlugin = lines(
  "const { registry } = require('metrics');",
  'module.exports = { record: () => registry.increment(), registry };',
);
const app = lines(
  "import { registry } from 'metrics';",
  "import plugin from 'plugin';",
  'registry.increment();',
  'registry.increment();',
  'plugin.record();',
  'const sameInstance = registry === plugin.registry;',
  'console.log(JSON.stringify({ appCount: registry.count(), pluginCount: plugin.registry.count(), sameInstance }));',
);

/** The files of one scenario, relative to an empty project folder. */
export function scenarioFiles(scenario: Scenario): Record<string, string> {
  const esmPluginFiles = {
    'node_modules/plugin/package.json': pkg('plugin', './index.mjs'),
    'node_modules/plugin/index.mjs': esmPlugin,
  };
  switch (scenario) {
    case 'one-copy':
      return {
        'main.mjs': app,
        'node_modules/metrics/package.json': pkg('metrics', './index.mjs'),
        'node_modules/metrics/index.mjs': esmCounter,
        ...esmPluginFiles,
      };
    case 'dual-format':
    case 'dual-format-wrapper':
      return {
        'main.mjs': app,
        'node_modules/metrics/package.json': pkg('metrics', {
          import: './index.mjs',
          require: './index.cjs',
        }),
        'node_modules/metrics/index.mjs':
          scenario === 'dual-format'
            ? esmCounter
            : `import cjs from './index.cjs';\nexport const { registry } = cjs;\n`,
        'node_modules/metrics/index.cjs': cjsCounter,
        'node_modules/plugin/package.json': pkg('plugin', './index.cjs'),
        'node_modules/plugin/index.cjs': cjsPlugin,
      };
    case 'two-versions':
    case 'global-symbol': {
      const body = scenario === 'two-versions' ? esmCounter : globalCounter;
      // What npm lays out when the app wants metrics 1.x and the plugin asks for ^2: the plugin gets a
      // nested copy, and the two resolve to different files.
      return {
        'main.mjs': app,
        'node_modules/metrics/package.json': pkg('metrics', './index.mjs'),
        'node_modules/metrics/index.mjs': body,
        ...esmPluginFiles,
        'node_modules/plugin/package.json': pkg('plugin', './index.mjs', {
          dependencies: { metrics: '^2.0.0' },
        }),
        'node_modules/plugin/node_modules/metrics/package.json': pkg('metrics', './index.mjs', {
          version: '2.0.0',
        }),
        'node_modules/plugin/node_modules/metrics/index.mjs': body,
      };
    }
  }
}

/** Writes the scenario to a temporary folder, runs `node main.mjs` there, and reads what it printed. */
export async function runSingletonScenario(scenario: Scenario): Promise<HazardRun> {
  const root = await mkdtemp(join(tmpdir(), 'lab24-singleton-'));
  try {
    for (const [path, text] of Object.entries(scenarioFiles(scenario))) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['main.mjs'], { cwd: root, timeout: 20_000 }, (error, out, err) =>
        error ? reject(new Error(`scenario ${scenario} failed: ${err || error.message}`)) : resolve(out),
      );
    });
    const parsed = JSON.parse(stdout) as Omit<HazardRun, 'scenario'>;
    return { scenario, ...parsed };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
