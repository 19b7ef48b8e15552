/** One finding from any tool, in one shape, so findings from Biome and tsc can be listed and compared together. */
export interface Diagnostic {
  tool: 'biome' | 'tsc';
  /** Biome's category (`lint/suspicious/noDoubleEquals`, `format`, `assist/source/organizeImports`) or `TS7006`. */
  code: string;
  /** The file, relative to the workspace. */
  file: string;
  /** 1-based; 0 for a whole-file finding (Biome's format diagnostics). */
  line: number;
  severity: 'error' | 'warning' | 'information';
  message: string;
}

/** `code@line` — the compact form tests and the demo compare. */
export const shortForm = (d: Pick<Diagnostic, 'code' | 'line'>): string => `${d.code}@${d.line}`;

/** Sorted by file, line, then code: both tools report in their own orders. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code),
  );
}
