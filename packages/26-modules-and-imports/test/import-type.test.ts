import { describe, expect, it } from 'vitest';
import { emittedImport } from '../src/import-type.ts';

describe('what TypeScript emits for a type import', () => {
  it('import type is always erased: the module is never loaded for it', async () => {
    expect(await emittedImport('import type { Order }', true)).toBe('');
    expect(await emittedImport('import type { Order }', false)).toBe('');
  });

  it('an inline `type` keeps an empty import under verbatimModuleSyntax: the module still loads', async () => {
    expect(await emittedImport('import { type Order }', true)).toBe("import {} from './models.ts';");
    expect(await emittedImport('import { type Order }', false)).toBe('');
  });

  it('a plain import of a type is kept as is under verbatimModuleSyntax (tsc reports TS1484), elided without it', async () => {
    expect(await emittedImport('import { Order }', true)).toBe("import { Order } from './models.ts';");
    expect(await emittedImport('import { Order }', false)).toBe('');
  });
});
