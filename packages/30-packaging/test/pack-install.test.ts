import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPackInstall,
  CONDITIONS,
  createWorkspace,
  type ExportsTarget,
  type FlowResult,
  resolveExports,
  runBin,
  runProbe,
  SAMPLE_LIB_DIR,
  typecheckConsumer,
  type Workspace,
} from '../src/index.ts';

// One run of the whole flow (build, pack, install offline) serves every assertion: each child process is
// bounded by a timeout, and they run one after another.
let workspace: Workspace;
let flow: FlowResult;
/** performance.now() just before and just after the flow: the two builds happen inside this window. */
let window: { start: number; end: number };

beforeAll(async () => {
  workspace = createWorkspace();
  const start = performance.now();
  flow = await buildPackInstall(workspace);
  window = { start, end: performance.now() };
}, 120_000);

afterAll(() => {
  workspace?.cleanup();
  expect(existsSync(workspace.root)).toBe(false);
});

const EXPECTED_TARBALL = [
  'LICENSE',
  'README.md',
  'dist/cli.d.ts',
  'dist/cli.js',
  'dist/index.cjs',
  'dist/index.d.cts',
  'dist/index.d.ts',
  'dist/index.js',
  'dist/internal.d.ts',
  'dist/internal.js',
  'package.json',
];

describe('the flow', () => {
  it('builds the library and the consumer side by side in the workspace', () => {
    expect(flow.libDir).toBe(join(workspace.root, 'tiny-slug'));
    expect(flow.consumerDir).toBe(join(workspace.root, 'app'));
    expect(flow.pack.tarball).toBe(join(workspace.root, 'tiny-slug-1.2.3.tgz'));
  });

  it('reports the two build times as parts of the time the whole flow took', () => {
    // Not a speed claim: each is a difference of two clock readings taken inside the window.
    expect(flow.buildMs.tsc).toBeGreaterThan(0);
    expect(flow.buildMs.esbuild).toBeGreaterThan(0);
    expect(flow.buildMs.tsc + flow.buildMs.esbuild).toBeLessThan(window.end - window.start);
  });
});

describe('build', () => {
  it('tsc type-checks the library and writes ESM JavaScript with declarations', () => {
    expect(flow.tsc.errors).toEqual([]);
    expect(flow.tsc.emitted).toEqual([
      'dist/cli.d.ts',
      'dist/cli.js',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/internal.d.ts',
      'dist/internal.js',
    ]);
    expect(readFileSync(join(flow.libDir, 'dist/index.d.ts'), 'utf8')).toContain(
      'export declare function slugify(text: string, options?: SlugOptions): string;',
    );
  });

  it('keeps the shebang on the CLI, which is what makes a bin runnable', () => {
    expect(readFileSync(join(flow.libDir, 'dist/cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});

describe('npm pack', () => {
  it('ships only "files" (dist) plus package.json, README and LICENSE: no src, no tsconfig', () => {
    expect(flow.pack.entries.map((e) => e.path)).toEqual(EXPECTED_TARBALL);
    expect(flow.pack.npmFiles).toEqual(EXPECTED_TARBALL);
  });

  it('the tarball holds the exact bytes of the built files', () => {
    const entry = flow.pack.entries.find((e) => e.path === 'dist/index.cjs');
    expect(entry?.size).toBe(readFileSync(join(flow.libDir, 'dist/index.cjs')).length);
  });

  it("npm's integrity is the sha512 of the tarball's bytes", () => {
    expect(flow.pack.integrity).toBe(flow.pack.computedIntegrity);
    expect(flow.pack.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });
});

describe('npm install of the tarball, with the registry unreachable', () => {
  it('records a file: spec and locks the tarball by its integrity', () => {
    expect(flow.installed.spec).toBe('file:../tiny-slug-1.2.3.tgz');
    expect(flow.installed.lock).toMatchObject({ version: '1.2.3', integrity: flow.pack.integrity });
    expect(flow.installed.lock?.resolved).toBe('file:../tiny-slug-1.2.3.tgz');
  });

  it('installs the packed files, not the source folder', () => {
    const installed = join(flow.consumerDir, 'node_modules', 'tiny-slug');
    expect(existsSync(join(installed, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(SAMPLE_LIB_DIR, 'src/index.ts'))).toBe(true);
  });
});

describe('the consumer', () => {
  it('imports it as ESM through the "import" condition', async () => {
    const probe = await runProbe(flow.consumerDir, 'esm', workspace.env);
    expect(probe.slug).toBe('creme-brulee-2-spoons');
    expect(probe.resolved.endsWith('/node_modules/tiny-slug/dist/index.js')).toBe(true);
  });

  it('requires it as CommonJS through the "require" condition', async () => {
    const probe = await runProbe(flow.consumerDir, 'cjs', workspace.env);
    expect(probe.slug).toBe('creme-brulee-2-spoons');
    expect(probe.resolved.endsWith(`${sep}node_modules${sep}tiny-slug${sep}dist${sep}index.cjs`)).toBe(true);
  });

  it('cannot deep-import a file outside "exports": ERR_PACKAGE_PATH_NOT_EXPORTED, from import and require', async () => {
    const esm = await runProbe(flow.consumerDir, 'esm', workspace.env);
    const cjs = await runProbe(flow.consumerDir, 'cjs', workspace.env);
    expect(esm.deepImportError).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(cjs.deepImportError).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('our exports resolver picks the same files Node did, for each condition set', async () => {
    const pkg = JSON.parse(readFileSync(join(SAMPLE_LIB_DIR, 'package.json'), 'utf8')) as {
      exports: ExportsTarget;
    };
    const esm = await runProbe(flow.consumerDir, 'esm', workspace.env);
    const cjs = await runProbe(flow.consumerDir, 'cjs', workspace.env);
    const ours = (conditions: readonly string[]) => {
      const r = resolveExports(pkg.exports, '.', conditions);
      return r.ok ? r.target.slice(1) : r.code;
    };
    expect(esm.resolved.endsWith(ours(CONDITIONS.nodeImport))).toBe(true);
    expect(cjs.resolved.endsWith(ours(CONDITIONS.nodeRequire).replaceAll('/', sep))).toBe(true);
    expect(resolveExports(pkg.exports, './dist/internal.js', CONDITIONS.nodeImport)).toMatchObject({
      ok: false,
      code: esm.deepImportError,
    });
  });

  it('runs the bin through node_modules/.bin', async () => {
    const result = await runBin(flow.consumerDir, ['Hello', 'Wörld'], workspace.env);
    expect(result).toMatchObject({ code: 0, stdout: 'hello-world\n', stderr: '' });
  });

  it('the bin exits 2 with a usage line when given nothing', async () => {
    const result = await runBin(flow.consumerDir, [], workspace.env);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'usage: tiny-slug <text...>\n' });
  });

  it('the bin survives a NUL, a lone surrogate and 10k characters as arguments', async () => {
    // A NUL cannot reach a child's argv at all: the OS ends C strings there, so Node refuses it up front.
    await expect(runBin(flow.consumerDir, ['a\u0000b'], workspace.env)).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
    const surrogate = await runBin(flow.consumerDir, ['ok\ud800ok'], workspace.env);
    expect(surrogate).toMatchObject({ code: 0, stdout: 'ok-ok\n' });
    const long = await runBin(flow.consumerDir, ['word '.repeat(2000)], workspace.env);
    expect(long.code).toBe(0);
    expect(long.stdout).toBe(`${Array.from({ length: 2000 }, () => 'word').join('-')}\n`);
  });
});

describe('the shipped types, checked from a consumer with moduleResolution nodenext', () => {
  const good = `import { slugify, type SlugOptions } from 'tiny-slug';
const options: SlugOptions = { separator: '_', maxLength: 20 };
export const slug: string = slugify('x', options);
`;
  const wrong = `import { slugify } from 'tiny-slug';
export const n: number = slugify('x');
`;

  it('an ESM (.mts) and a CommonJS (.cts) consumer both find the types and fit them', () => {
    expect(typecheckConsumer(flow.consumerDir, { 'good.mts': good, 'good.cts': good })).toEqual([]);
  });

  it('a wrong use is a type error, so the declarations really were loaded (not an implicit any)', () => {
    expect(typecheckConsumer(flow.consumerDir, { 'wrong.mts': wrong })).toEqual([
      "TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
  });

  it('a deep import outside "exports" has no types either: TS2307', () => {
    const deep = `import { foldAccents } from 'tiny-slug/dist/internal.js';\nexport const f = foldAccents;\n`;
    const errors = typecheckConsumer(flow.consumerDir, { 'deep.mts': deep });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^TS2307: Cannot find module 'tiny-slug\/dist\/internal\.js'/);
  });
});
