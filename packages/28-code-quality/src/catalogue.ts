/** What a finding prevents, in one line, and which setting produces it. */
export interface Explanation {
  /** The compiler flag or Biome rule group that produces it. */
  from: string;
  prevents: string;
}

/** The findings the flawed fixture is built to trigger, each with the production bug it stands for. */
export const CATALOGUE: Readonly<Record<string, Explanation>> = {
  TS7006: {
    from: 'noImplicitAny',
    prevents: 'an untyped parameter turning every use of it into unchecked any',
  },
  TS18048: {
    from: 'strictNullChecks / noUncheckedIndexedAccess',
    prevents: '“Cannot read properties of undefined” from a find() or an index that missed',
  },
  TS18046: { from: 'useUnknownInCatchVariables', prevents: 'reading .message off a thrown string or null' },
  TS2339: {
    from: 'useUnknownInCatchVariables (strictNullChecks off)',
    prevents: 'the same .message on unknown, reported as a missing property',
  },
  TS2564: { from: 'strictPropertyInitialization', prevents: 'a field read before anything assigned it' },
  TS4114: {
    from: 'noImplicitOverride',
    prevents: 'a method that silently stops overriding when the base renames it',
  },
  TS7029: {
    from: 'noFallthroughCasesInSwitch',
    prevents: 'a case that runs into the next one because of a missing break',
  },
  format: { from: 'biome format', prevents: 'review diffs full of whitespace and quote changes' },
  'assist/source/organizeImports': {
    from: 'biome assist',
    prevents: 'merge conflicts in unsorted import blocks',
  },
  'lint/suspicious/noDoubleEquals': {
    from: 'biome recommended',
    prevents: "coercion surprises: '1' == 1, 0 == ''",
  },
  'lint/suspicious/noDebugger': {
    from: 'biome recommended',
    prevents: 'a debugger statement shipped to production',
  },
  'lint/suspicious/noExplicitAny': {
    from: 'biome (error in this repo)',
    prevents: 'switching the type checker off by hand',
  },
  'lint/suspicious/noFallthroughSwitchClause': {
    from: 'biome recommended',
    prevents: 'the same fall-through, caught without type information',
  },
  'lint/correctness/noUnusedVariables': {
    from: 'biome (error in this repo)',
    prevents: 'dead code and half-finished edits',
  },
};

/** The explanation of a finding, or a plain fallback for one this catalogue does not describe. */
export function explain(code: string): Explanation {
  return CATALOGUE[code] ?? { from: code.startsWith('TS') ? 'tsc' : 'biome', prevents: '(not catalogued)' };
}
