import ts from 'typescript';
import type { Plugin } from 'vitest/config';

const DECORATOR_LINE = /^\s*@[A-Za-z_$][\w$.]*/m;

/**
 * Vite 8 transforms TypeScript with oxc, which strips types but leaves TC39 (standard) decorators in
 * place, and no Node release parses `@decorator` syntax yet. tsx (demos, benches) lowers them with
 * esbuild; under vitest this plugin lowers them with TypeScript itself, only in files that use them.
 */
export function tc39Decorators(): Plugin {
  return {
    name: 'lab:tc39-decorators',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.endsWith('.ts') || file.includes('/node_modules/') || !DECORATOR_LINE.test(code)) return null;
      const out = ts.transpileModule(code, {
        fileName: file,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          verbatimModuleSyntax: true,
          sourceMap: true,
        },
      });
      return { code: out.outputText, map: out.sourceMapText ?? null };
    },
  };
}
