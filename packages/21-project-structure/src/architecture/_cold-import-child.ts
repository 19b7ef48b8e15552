/**
 * One cold import, in a fresh process: `node --import tsx _cold-import-child.ts <file> <export>`. Prints
 * `{ ms, modules }` as JSON: the time from import() to its resolution, and the modules it loaded (ES modules
 * counted by a load hook, CommonJS ones as new entries in require.cache).
 */
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const [file, exportName] = process.argv.slice(2);
if (!file || !exportName) throw new Error('usage: _cold-import-child.ts <absolute file> <export name>');

const counter = new Int32Array(new SharedArrayBuffer(4));
register('./_count-loads-hooks.ts', { parentURL: import.meta.url, data: { counter } });
const cjs = createRequire(import.meta.url).cache;
const cjsBefore = Object.keys(cjs).length;
const esmBefore = Atomics.load(counter, 0);

const start = performance.now();
const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
const ms = performance.now() - start;
if (loaded[exportName] === undefined) throw new Error(`${file} has no export ${exportName}`);
const modules = Atomics.load(counter, 0) - esmBefore + Object.keys(cjs).length - cjsBefore;
process.stdout.write(`${JSON.stringify({ ms, modules })}\n`);
