import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coldImport } from '../../src/architecture/cold-import.ts';

const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

// Counts, not times: how many modules one import drags in is fixed by the import graph, not by the machine.
describe('coldImport (a fresh process per import)', () => {
  it('a direct import of the checker loads its three files and nothing else', async () => {
    const result = await coldImport(source('architecture/layers.ts'), 'checkLayers');
    expect(result.modules).toBe(3);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('the same function through the deep barrel loads every layer and its packages: many more modules', async () => {
    const [model, barrel] = await Promise.all([
      coldImport(source('models/order.ts'), 'orderTotalCents'),
      coldImport(source('index.ts'), 'checkLayers'),
    ]);
    // zod alone is dozens of files; express and pg add more than zod again.
    expect(model.modules).toBeGreaterThan(20);
    expect(barrel.modules).toBeGreaterThan(2 * model.modules);
  });

  it('fails loudly when the file has no such export', async () => {
    await expect(coldImport(source('architecture/layers.ts'), 'noSuchExport')).rejects.toThrow(
      /has no export noSuchExport/,
    );
  });
});
