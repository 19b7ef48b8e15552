import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, runNode } from '../src/_node.ts';

// Reports what its process was given (stdout with no final newline); with `fail`, logs a line that
// mentions an error and then dies of another one.
const PROBE = `
const seen = { cwd: process.cwd(), args: process.argv.slice(2), nodeOptions: process.env.NODE_OPTIONS };
process.stdout.write(JSON.stringify(seen));
if (process.argv[2] === 'fail') {
  console.error('retrying after TimeoutError: upstream slow');
  throw new RangeError('out of stock');
}
`;
// A CommonJS program that requires an ES module with top-level await, without catching.
const REQUIRE_TLA = `require(${JSON.stringify(join(FIXTURES, 'require-esm', 'top-level-await.mjs'))});\n`;

let dir: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'lab26-node-')));
  await writeFile(join(dir, 'probe.mjs'), PROBE);
  await writeFile(join(dir, 'require-tla.cjs'), REQUIRE_TLA);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('runNode: each lesson in a fresh Node', () => {
  it("runs the file in its own folder, with no arguments of its own and without this process's NODE_OPTIONS", async () => {
    // A loader or flag in NODE_OPTIONS (tsx, vitest, --conditions) must not change how the lesson loads.
    vi.stubEnv('NODE_OPTIONS', '--no-deprecation');
    const run = await runNode(join(dir, 'probe.mjs'));
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([JSON.stringify({ cwd: dir, args: [], nodeOptions: '' })]);
    expect(run.error).toBeUndefined();
  });

  it('passes the arguments it is given', async () => {
    const run = await runNode(join(dir, 'probe.mjs'), { args: ['a', 'b c'] });
    expect(JSON.parse(run.lines[0] ?? '')).toMatchObject({ args: ['a', 'b c'] });
  });

  it('reports the error that ended the process: the first stderr line that starts with an error name', async () => {
    const run = await runNode(join(dir, 'probe.mjs'), { args: ['fail'] });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('retrying after TimeoutError: upstream slow');
    expect(run.error).toStrictEqual({ name: 'RangeError', message: 'out of stock' });
  });

  it("reports a Node error's code: an uncaught require() of an ES module with top-level await", async () => {
    const run = await runNode(join(dir, 'require-tla.cjs'));
    expect(run.code).toBe(1);
    expect(run.error).toStrictEqual({
      name: 'Error',
      message: expect.stringMatching(/^require\(\) cannot be used on an ESM graph with top-level await\./),
      code: 'ERR_REQUIRE_ASYNC_MODULE',
    });
  });
});
