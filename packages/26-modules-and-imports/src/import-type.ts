/** The three ways to import a type that the repo's tsconfig (verbatimModuleSyntax) tells apart. */
export const TYPE_IMPORTS = {
  'import type { Order }': "import type { Order } from './models.ts';",
  'import { type Order }': "import { type Order } from './models.ts';",
  'import { Order }': "import { Order } from './models.ts';",
} as const;

export type TypeImportForm = keyof typeof TYPE_IMPORTS;

/**
 * What TypeScript emits for one import form, with `verbatimModuleSyntax` on or off: the import lines of
 * the JavaScript it writes. TypeScript (several MB) is loaded with import() on the first call only — the
 * lazy-import lesson in practice: a program that never asks for this never pays for it.
 */
export async function emittedImport(form: TypeImportForm, verbatimModuleSyntax: boolean): Promise<string> {
  const { default: ts } = await import('typescript');
  const source = `${TYPE_IMPORTS[form]}\nexport const order: Order = { id: 'o1' };\n`;
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax,
    },
  });
  return outputText
    .split('\n')
    .filter((line) => line.startsWith('import'))
    .join('\n');
}
