import { join } from 'node:path';
import { FIXTURES, type NodeRun, runNode } from './_node.ts';

/**
 * Import order: an ESM file's imports are all loaded and evaluated (depth first, each module once) before
 * its first line runs, wherever the import statements sit; `require` runs where it is written.
 */
export function runLoadOrder(format: 'esm' | 'cjs'): Promise<NodeRun> {
  return runNode(join(FIXTURES, 'order', format, format === 'esm' ? 'main.mjs' : 'main.cjs'));
}

/** An ESM import is a live binding; a CommonJS export is a value copied into module.exports. */
export function runBindings(): Promise<NodeRun> {
  return runNode(join(FIXTURES, 'bindings', 'main.mjs'));
}

/**
 * `require()` of an ES module (unflagged since Node 20.19 and 22.12): works for a module without top-level
 * await and returns its namespace object; refuses one with top-level await (ERR_REQUIRE_ASYNC_MODULE).
 * `node` picks the binary, to compare versions.
 */
export function runRequireEsm(node?: string): Promise<NodeRun> {
  return runNode(join(FIXTURES, 'require-esm', 'main.cjs'), node ? { node } : {});
}

/** The ways a consumer can reach into `shop-lib`, whose package.json `exports` is its public API. */
export const EXPORTS_CASES = {
  'import-root.mjs': 'import from \'shop-lib\' → the "import" condition, esm/index.mjs',
  'require-root.cjs': 'require(\'shop-lib\') → the "require" condition, cjs/index.cjs',
  'import-subpath.mjs': "import from 'shop-lib/orders' → a declared subpath",
  'import-internal.mjs': "import from 'shop-lib/esm/internal/db.mjs' → not exported",
  'relative-internal.mjs': 'a relative path into the files → not guarded by exports',
} as const;

export type ExportsCase = keyof typeof EXPORTS_CASES;

export function runExportsCase(file: ExportsCase): Promise<NodeRun> {
  return runNode(join(FIXTURES, 'shop-lib', 'consumers', file));
}

/** `import {} from './models.mjs'`: an import with no names still loads and evaluates the module. */
export function runEmptyImport(): Promise<NodeRun> {
  return runNode(join(FIXTURES, 'import-type', 'empty-import.mjs'));
}
