import { describe, expect, it } from 'vitest';
import { findImports } from '../../src/architecture/imports.ts';

describe('findImports', () => {
  it('finds static, type-only, side-effect, re-export and dynamic imports with their lines', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import './polyfill.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "export * as e from './e.ts';",
      "export type { F } from './f.ts';",
      "const g = await import('./g.ts');",
      'import x, { y } from "./xy.ts";',
      'const h = import(`./h.ts`);',
    ].join('\n');
    expect(findImports(source).map((r) => `${r.line} ${r.kind} ${r.specifier}`)).toEqual([
      '1 static ./a.ts',
      '2 type ./b.ts',
      '3 side-effect ./polyfill.ts',
      '4 re-export ./c.ts',
      '5 re-export ./d.ts',
      '6 re-export ./e.ts',
      '7 re-export ./f.ts',
      '8 dynamic ./g.ts',
      '9 static ./xy.ts',
      '10 dynamic ./h.ts',
    ]);
  });

  it('reports a multi-line import at the line of its keyword', () => {
    expect(findImports("const x = 1;\nimport {\n  a,\n  b,\n} from './ab.ts';\n")).toEqual([
      { specifier: './ab.ts', line: 2, kind: 'static' },
    ]);
  });

  it('ignores import syntax inside comments, strings, templates and regex literals', () => {
    const source = [
      "// import { a } from './line-comment.ts';",
      "/* import './block-comment.ts'; */",
      'const s = "import x from \'./in-string.ts\'";',
      "const t = `export * from './in-template.ts'`;",
      "const r = /import '(x)'/;",
      "const ratio = 4 / 2; import { real } from './real.ts';",
    ].join('\n');
    expect(findImports(source)).toEqual([{ specifier: './real.ts', line: 6, kind: 'static' }]);
  });

  it('finds nothing in a file without imports, and ignores a computed import(name)', () => {
    expect(findImports('export const x = 1;\nconst m = import(name);\n')).toEqual([]);
  });

  it('allows any whitespace the grammar allows between the parts', () => {
    const source = [
      "import  type  { A }  from  './a.ts';",
      "import  './b.ts';",
      "export  type  { C }  from  './c.ts';",
      "export  *  as  d  from  './d.ts';",
      "export\t*\tfrom\t'./e.ts';",
      "const f = import (  './f.ts'  );",
    ].join('\n');
    expect(findImports(source).map((r) => `${r.kind} ${r.specifier}`)).toEqual([
      'type ./a.ts',
      'side-effect ./b.ts',
      're-export ./c.ts',
      're-export ./d.ts',
      're-export ./e.ts',
      'dynamic ./f.ts',
    ]);
  });

  it('skips an import whose specifier is never closed', () => {
    expect(findImports("import { a } from './a.ts';\nimport { b } from './b.ts")).toEqual([
      { specifier: './a.ts', line: 1, kind: 'static' },
    ]);
  });
});
