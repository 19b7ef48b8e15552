/**
 * The configuration the tools run with in a scratch workspace: the same compiler flags and Biome settings
 * as this repo's own (tsconfig.base.json, biome.json), written out so a fixture is judged the way the
 * repo's code is, without the repo's files around it.
 */
export const COMPILER_OPTIONS = {
  target: 'ES2023',
  lib: ['ES2023'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  // No @types/node: the fixtures import nothing from Node, and it would triple what tsc parses.
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  noEmit: true,
} as const;

export const BIOME_CONFIG = {
  root: true,
  formatter: { indentStyle: 'space', indentWidth: 2, lineWidth: 110 },
  javascript: { formatter: { quoteStyle: 'single', semicolons: 'always' } },
  linter: {
    enabled: true,
    rules: {
      preset: 'recommended',
      // Warnings pass CI; these two are errors here, as unused code should be.
      correctness: { noUnusedVariables: 'error', noUnusedImports: 'error' },
      suspicious: { noExplicitAny: 'error' },
    },
  },
} as const;
