import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../src/catalog.ts';

const packageRoot = new URL('../', import.meta.url);
/** Modules that support the patterns rather than being one. */
const SUPPORT = ['_text.ts', 'catalog.ts', 'emitter-contrast.ts', 'index.ts', 'singleton-hazard.ts'];

describe('the pattern catalogue', () => {
  it('has one row per pattern, each naming a different module', () => {
    expect(PATTERNS.map((p) => p.pattern)).toEqual([
      'Factory',
      'Builder',
      'Singleton',
      'Adapter',
      'Facade',
      'Decorator',
      'Strategy',
      'Observer',
      'Iterator',
    ]);
    expect(new Set(PATTERNS.map((p) => p.file)).size).toBe(PATTERNS.length);
  });

  it('covers every pattern module in src/, and every file it names exists', () => {
    const modules = readdirSync(new URL('src/', packageRoot)).filter((f) => !SUPPORT.includes(f));
    expect(PATTERNS.map((p) => p.file).sort()).toEqual(modules.map((f) => `src/${f}`).sort());
  });

  it("each row's module is about that pattern: its source names it", () => {
    for (const { pattern, file } of PATTERNS)
      expect(readFileSync(new URL(file, packageRoot), 'utf8').toLowerCase(), file).toContain(
        pattern.toLowerCase(),
      );
  });

  it('each row sets a classic form beside a different TypeScript form', () => {
    for (const row of PATTERNS) {
      expect(row.classic.length, row.pattern).toBeGreaterThan(10);
      expect(row.typescript.length, row.pattern).toBeGreaterThan(10);
      expect(row.typescript, row.pattern).not.toBe(row.classic);
    }
  });
});
