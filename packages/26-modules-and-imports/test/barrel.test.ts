import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { coldImport, type ModuleGraph, writeModuleGraph } from '../src/barrel.ts';

// Each test writes its own graph (40 modules take milliseconds): shared, the files would be written during
// whichever test ran first, and a mutation tool would credit only that test with checking them.
async function graphOf(modules: number): Promise<ModuleGraph> {
  const graph = await writeModuleGraph(modules);
  onTestFinished(() => graph.remove());
  return graph;
}

describe('a barrel file loads every module it re-exports', () => {
  it('the direct import evaluates 1 module; the barrel import evaluates all 40 — for the same function', async () => {
    const graph = await graphOf(40);
    const direct = await coldImport(graph.direct, graph.pick);
    const viaBarrel = await coldImport(graph.viaBarrel, graph.pick);
    expect([direct.modules, direct.found]).toEqual([1, true]);
    expect([viaBarrel.modules, viaBarrel.found]).toEqual([40, true]);
  });

  it('the two entries differ only in the path they import from', async () => {
    const graph = await graphOf(40);
    expect(graph.pick).toBe('format020');
    expect(await readFile(graph.direct, 'utf8')).toBe("export { format020 } from './m020.mjs';\n");
    expect(await readFile(graph.viaBarrel, 'utf8')).toBe("export { format020 } from './index.mjs';\n");
    const barrel = (await readFile(join(graph.dir, 'index.mjs'), 'utf8')).trimEnd().split('\n');
    expect(barrel).toHaveLength(40);
    expect(barrel[0]).toBe("export * from './m000.mjs';");
  });

  it('the folder holds the 40 modules, the barrel and the two entries, nothing else', async () => {
    const graph = await graphOf(40);
    expect(basename(graph.dir)).toMatch(/^lab26-barrel-/);
    const modules = Array.from({ length: 40 }, (_, i) => `m${String(i).padStart(3, '0')}.mjs`);
    expect((await readdir(graph.dir)).sort()).toEqual([
      'direct.mjs',
      'index.mjs',
      ...modules,
      'via-barrel.mjs',
    ]);
  });

  it('a generated module does real work, reads its own output back, and counts itself', async () => {
    const graph = await graphOf(40);
    const run = await coldImport(join(graph.dir, 'm003.mjs'), 'parse003');
    expect(run).toMatchObject({ modules: 1, found: true });
    const { format003, parse003 } = (await import(join(graph.dir, 'm003.mjs'))) as Record<
      string,
      (v: unknown) => unknown
    >;
    // 2 × its rate at index 2 % 12: (3 + 1) × (2 + 3) % 97 = 20.
    expect(format003?.(2)).toBe('module-003: 40.00');
    expect(parse003?.('module-003: 40.00')).toBe(40);
    expect(parse003?.('module-004: 1')).toBeUndefined();
  });

  it('refuses a graph size outside 1-5000, and removes its folder (twice is fine)', async () => {
    for (const bad of [0, 5_001, 1.5])
      await expect(writeModuleGraph(bad)).rejects.toStrictEqual(new RangeError('modules: 1 to 5000'));
    const one = await writeModuleGraph(1);
    expect(one.pick).toBe('format000');
    await one.remove();
    expect(existsSync(one.dir)).toBe(false);
    await expect(one.remove()).resolves.toBeUndefined();
  });

  it('a cold import of a missing file fails loudly', async () => {
    const graph = await graphOf(40);
    await expect(coldImport(join(graph.dir, 'nope.mjs'), 'x')).rejects.toThrow('cold import of');
  });
});
