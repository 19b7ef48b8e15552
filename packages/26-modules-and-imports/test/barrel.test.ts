import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldImport, type ModuleGraph, writeModuleGraph } from '../src/barrel.ts';

let graph: ModuleGraph;
beforeAll(async () => {
  graph = await writeModuleGraph(40);
});
afterAll(() => graph.remove());

describe('a barrel file loads every module it re-exports', () => {
  it('the direct import evaluates 1 module; the barrel import evaluates all 40 — for the same function', async () => {
    const direct = await coldImport(graph.direct, graph.pick);
    const viaBarrel = await coldImport(graph.viaBarrel, graph.pick);
    expect([direct.modules, direct.found]).toEqual([1, true]);
    expect([viaBarrel.modules, viaBarrel.found]).toEqual([40, true]);
  });

  it('the two entries differ only in the path they import from', async () => {
    expect(graph.pick).toBe('format020');
    expect(await readFile(graph.direct, 'utf8')).toBe("export { format020 } from './m020.mjs';\n");
    expect(await readFile(graph.viaBarrel, 'utf8')).toBe("export { format020 } from './index.mjs';\n");
    const barrel = (await readFile(join(graph.dir, 'index.mjs'), 'utf8')).trimEnd().split('\n');
    expect(barrel).toHaveLength(40);
    expect(barrel[0]).toBe("export * from './m000.mjs';");
  });

  it('a generated module works and counts itself', async () => {
    const run = await coldImport(join(graph.dir, 'm003.mjs'), 'parse003');
    expect(run).toMatchObject({ modules: 1, found: true });
    const { format003, parse003 } = (await import(join(graph.dir, 'm003.mjs'))) as Record<
      string,
      (v: unknown) => unknown
    >;
    expect(parse003?.(format003?.(2))).toBeTypeOf('number');
    expect(parse003?.('module-004: 1')).toBeUndefined();
  });

  it('refuses a graph size outside 1-5000, and removes its folder', async () => {
    for (const bad of [0, 5_001, 1.5]) await expect(writeModuleGraph(bad)).rejects.toThrow(RangeError);
    const one = await writeModuleGraph(1);
    expect(one.pick).toBe('format000');
    await one.remove();
    expect(existsSync(one.dir)).toBe(false);
  });

  it('a cold import of a missing file fails loudly', async () => {
    await expect(coldImport(join(graph.dir, 'nope.mjs'), 'x')).rejects.toThrow('cold import of');
  });
});
