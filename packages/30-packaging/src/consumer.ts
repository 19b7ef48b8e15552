import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { mustRun, type RunResult, run } from './_run.ts';

export const LIB_NAME = 'tiny-slug';

/** A throwaway project that depends on the library the way a user's would: through `npm install`. */
export function createConsumer(parent: string): string {
  const dir = join(parent, 'app');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'app', private: true, type: 'module' })}\n`,
  );
  for (const [file, text] of Object.entries(PROBES)) writeFileSync(join(dir, file), text);
  return dir;
}

export interface Installed {
  /** What npm wrote into the consumer's package.json dependencies. */
  spec: string | undefined;
  /** The consumer's package-lock.json entry for the library. */
  lock: { version?: string; resolved?: string; integrity?: string } | undefined;
}

/** `npm install <tarball>` with the registry unreachable: it must not need one. */
export async function installTarball(
  consumerDir: string,
  tarball: string,
  env: Record<string, string>,
): Promise<Installed> {
  await mustRun('npm', ['install', tarball], { cwd: consumerDir, env });
  const pkg = JSON.parse(readFileSync(join(consumerDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(join(consumerDir, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, Installed['lock']>;
  };
  return { spec: pkg.dependencies?.[LIB_NAME], lock: lock.packages?.[`node_modules/${LIB_NAME}`] };
}

/** What one probe saw: the library's answer, the file it resolved to, and a deep import's error code. */
export interface Probe {
  slug: string;
  resolved: string;
  deepImportError: string | undefined;
}

const SAMPLE_TEXT = 'Crème Brûlée, 2 spoons!';

/** Two consumers, one per module system; each prints a Probe as JSON. */
const PROBES: Record<string, string> = {
  'probe-esm.mjs': `import { slugify } from '${LIB_NAME}';
// Past the exports map: Node must refuse it (ERR_PACKAGE_PATH_NOT_EXPORTED).
const deep = '${LIB_NAME}/dist/internal.js';
let deepImportError;
try {
  await import(deep);
} catch (error) {
  deepImportError = error.code;
}
const resolved = import.meta.resolve('${LIB_NAME}');
console.log(JSON.stringify({ slug: slugify(${JSON.stringify(SAMPLE_TEXT)}), resolved, deepImportError }));
`,
  'probe-cjs.cjs': `const { slugify } = require('${LIB_NAME}');
const deep = '${LIB_NAME}/dist/internal.js';
let deepImportError;
try {
  require(deep);
} catch (error) {
  deepImportError = error.code;
}
const resolved = require.resolve('${LIB_NAME}');
console.log(JSON.stringify({ slug: slugify(${JSON.stringify(SAMPLE_TEXT)}), resolved, deepImportError }));
`,
};

export async function runProbe(
  consumerDir: string,
  kind: 'esm' | 'cjs',
  env: Record<string, string>,
): Promise<Probe> {
  const file = kind === 'esm' ? 'probe-esm.mjs' : 'probe-cjs.cjs';
  const { stdout } = await mustRun(process.execPath, [file], { cwd: consumerDir, env, timeoutMs: 20_000 });
  return JSON.parse(stdout) as Probe;
}

/** Runs the installed command through node_modules/.bin, as an npm script or `npx` would. */
export function runBin(
  consumerDir: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<RunResult> {
  return run(join(consumerDir, 'node_modules', '.bin', LIB_NAME), args, {
    cwd: consumerDir,
    env,
    timeoutMs: 20_000,
  });
}

/**
 * Type-checks TypeScript files in the consumer against the library's shipped declarations, with the
 * settings a Node project uses (`nodenext`: `.mts` resolves with the "import" condition, `.cts` with
 * "require"). Returns the error codes and messages, `TS2322: …`; none means the types were found and fit.
 */
export function typecheckConsumer(consumerDir: string, files: Record<string, string>): string[] {
  const names = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(consumerDir, name), text);
    return join(consumerDir, name);
  });
  const program = ts.createProgram(names, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    // The language only, no DOM: a Node consumer needs nothing else, and the checker loads less.
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
    // Check the shipped .d.ts too: a broken declaration file is the library's bug, and the point here.
    skipLibCheck: false,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}
