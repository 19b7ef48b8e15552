import { maskSource } from './_mask.ts';

export type ImportKind = 'static' | 'type' | 'side-effect' | 're-export' | 'dynamic';

export interface ImportRef {
  specifier: string;
  /** 1-based line of the import keyword. */
  line: number;
  kind: ImportKind;
}

// Searched in the masked source: keywords in comments and strings are gone, quotes are still there.
const PATTERNS: Array<[ImportKind | 'static-or-type', RegExp]> = [
  ['static-or-type', /\bimport\s+(type\s+)?[\w$*{][^;'"`]*?\bfrom\s*(['"])/g],
  ['side-effect', /\bimport\s*(['"])/g],
  ['re-export', /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])/g],
  ['dynamic', /\bimport\s*\(\s*(['"`])/g],
];

/**
 * Every module a TypeScript/JavaScript source imports: static (`import x from`), type-only (`import type`,
 * erased at run time but still a design dependency), side-effect (`import 'x'`), re-export (`export … from`)
 * and dynamic `import()` with a literal specifier. A computed `import(name)` cannot be read statically.
 */
export function findImports(source: string): ImportRef[] {
  const masked = maskSource(source);
  const found: ImportRef[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of masked.matchAll(pattern)) {
      const quoteAt = (match.index ?? 0) + match[0].length - 1;
      const quote = source[quoteAt] as string;
      const end = source.indexOf(quote, quoteAt + 1);
      if (end === -1) continue;
      const resolvedKind = kind === 'static-or-type' ? (match[1] ? 'type' : 'static') : kind;
      found.push({
        specifier: source.slice(quoteAt + 1, end),
        line: lineOf(source, match.index ?? 0),
        kind: resolvedKind,
      });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
