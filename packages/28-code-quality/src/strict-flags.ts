import { join } from 'node:path';
import ts from 'typescript';
import { type Diagnostic, sortDiagnostics } from './diagnostic.ts';
import type { Workspace } from './workspace.ts';

/** The strictness flags this repo turns on, each with the flags it needs to mean anything. */
export const STRICT_FLAGS = [
  { flag: 'noImplicitAny', needs: [] },
  { flag: 'strictNullChecks', needs: [] },
  { flag: 'strictPropertyInitialization', needs: ['strictNullChecks'] },
  { flag: 'useUnknownInCatchVariables', needs: [] },
  { flag: 'noUncheckedIndexedAccess', needs: ['strictNullChecks'] },
  { flag: 'noImplicitOverride', needs: [] },
  { flag: 'noFallthroughCasesInSwitch', needs: [] },
] as const;

export type StrictFlag = (typeof STRICT_FLAGS)[number]['flag'];

/** Every strictness flag off: what `tsc` checks when nobody configured it. */
const LOOSE = Object.fromEntries([
  ['strict', false],
  ...STRICT_FLAGS.map(({ flag }) => [flag, false]),
]) as Record<string, boolean>;

/** Parsed files by path, shareable between checkers (the lib files are the same for every workspace). */
export type ParseCache = Map<string, ts.SourceFile>;
export const createParseCache = (): ParseCache => new Map();

/**
 * Type-checks a workspace in this process with the TypeScript compiler API. Parsed files (the lib .d.ts
 * files, @types/node) are cached across calls: they parse the same whatever the flags, and parsing them is
 * most of a small program's cost.
 */
export class Checker {
  readonly #cache: ParseCache;
  readonly #base: ts.CompilerOptions;

  /** `cache` may be shared between checkers of different workspaces: the lib files are the same files. */
  constructor(
    readonly workspace: Workspace,
    cache: ParseCache = createParseCache(),
  ) {
    this.#cache = cache;
    const tsconfig = ts.readConfigFile(join(workspace.dir, 'tsconfig.json'), ts.sys.readFile);
    this.#base = ts.convertCompilerOptionsFromJson(
      (tsconfig.config as { compilerOptions: object }).compilerOptions,
      workspace.dir,
    ).options;
  }

  /** The diagnostics of the workspace's files with `overrides` applied to its tsconfig's options. */
  check(overrides: ts.CompilerOptions = {}): Diagnostic[] {
    const options = { ...this.#base, ...overrides };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const cached = this.#cache.get(fileName) ?? read(fileName, languageVersion, onError, shouldCreate);
      if (cached) this.#cache.set(fileName, cached);
      return cached;
    };
    const roots = this.workspace.files.map((f) => join(this.workspace.dir, f));
    const program = ts.createProgram(roots, options, host);
    return sortDiagnostics(ts.getPreEmitDiagnostics(program).flatMap((d) => this.#toDiagnostic(d)));
  }

  #toDiagnostic(d: ts.Diagnostic): Diagnostic[] {
    if (!d.file?.fileName.startsWith(this.workspace.dir)) return [];
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    return [
      {
        tool: 'tsc',
        code: `TS${d.code}`,
        file: d.file.fileName.slice(this.workspace.dir.length + 1),
        line: line + 1,
        severity: d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      },
    ];
  }
}

export interface FlagFinding {
  flag: StrictFlag;
  /** What turning this flag on (with the flags it needs) adds, as `code@line`. */
  catches: string[];
}

const key = (d: Diagnostic) => `${d.code}@${d.line}`;

/**
 * What each strictness flag catches in a workspace, on its own: the diagnostics with the flag (and what it
 * needs) on, minus those with only what it needs on. Also the count with every flag off.
 */
export function flagReport(checker: Checker): { loose: Diagnostic[]; flags: FlagFinding[] } {
  // Several flags share prerequisites: check each distinct set of options once.
  const memo = new Map<string, Diagnostic[]>();
  const check = (options: ts.CompilerOptions) => {
    const id = JSON.stringify(options);
    const found = memo.get(id) ?? checker.check(options);
    memo.set(id, found);
    return found;
  };
  const loose = check(LOOSE);
  const flags = STRICT_FLAGS.map(({ flag, needs }) => {
    const prerequisites = { ...LOOSE, ...Object.fromEntries(needs.map((n) => [n, true])) };
    const without = new Set(check(prerequisites).map(key));
    const catches = checker
      .check({ ...prerequisites, [flag]: true })
      .map(key)
      .filter((k) => !without.has(k));
    return { flag, catches };
  });
  return { loose, flags };
}
