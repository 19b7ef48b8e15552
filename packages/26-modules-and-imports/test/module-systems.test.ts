import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXPORTS_CASES,
  type ExportsCase,
  runBindings,
  runEmptyImport,
  runExportsCase,
  runLoadOrder,
  runRequireEsm,
} from '../src/module-systems.ts';

describe('ESM and CommonJS load differently', () => {
  it('ESM: every import is evaluated (depth first, once each) before the first line of the importer', async () => {
    const run = await runLoadOrder('esm');
    expect(run.lines).toEqual([
      'config: evaluated',
      'users: evaluated',
      'main: first line of main.mjs',
      'main: hello from users',
    ]);
  });

  it('CommonJS: require runs where it is written', async () => {
    const run = await runLoadOrder('cjs');
    expect(run.lines).toEqual([
      'main: first line of main.cjs',
      'config: evaluated',
      'users: evaluated',
      'main: hello from users',
    ]);
  });

  it('an ESM import is a live binding; a CommonJS export was a copy; ESM has no __dirname but import.meta.filename', async () => {
    const run = await runBindings();
    expect(run.lines).toEqual([
      'esm count: 1',
      'cjs count: 0',
      'esm has __dirname: false',
      'import.meta.filename ends with: main.mjs',
    ]);
  });

  it('an import with no names still loads and evaluates the module', async () => {
    expect((await runEmptyImport()).lines).toEqual(['models evaluated', 'main: done']);
  });
});

describe('require(esm)', () => {
  const expected = [
    'require_module feature: true',
    'keys: __esModule,default,greeting',
    'default: hello, ada',
    'top-level await: ERR_REQUIRE_ASYNC_MODULE',
  ];

  // The repo supports 20, 22 and 24: this Node always, and the other two wherever their binaries are installed.
  const nodes = [
    process.execPath,
    ...['node22', 'node24'].map((v) => `/opt/nodes/${v}/package/bin/node`).filter(existsSync),
  ];
  it(`returns the namespace and refuses top-level await, alike on ${nodes.length} Node version(s)`, async () => {
    for (const node of nodes) expect((await runRequireEsm(node)).lines, node).toEqual(expected);
  });

  it('runs the binary it is given, never this one in its place: a missing binary is an error', async () => {
    await expect(runRequireEsm('/opt/nodes/none/bin/node')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('package.json "exports" is the public API', () => {
  const expected: Record<ExportsCase, string> = {
    'import-root.mjs': 'esm: db order sku-1',
    'require-root.cjs': 'cjs: db order sku-1',
    'import-subpath.mjs': 'subpath: db order sku-2',
    'import-internal.mjs': 'internal: ERR_PACKAGE_PATH_NOT_EXPORTED',
    'relative-internal.mjs': 'relative path: db',
  };
  it.each(Object.keys(EXPORTS_CASES) as ExportsCase[])('%s', async (file) => {
    const run = await runExportsCase(file);
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([expected[file]]);
  });
});
