export { type CleanupEvent, firstAbove, tracked } from './cleanup.ts';
export { cursorPages } from './cursor-pages.ts';
export { assertPageSize, type EventRow, seedEvents } from './events-table.ts';
export { chain, chainCounting, counted, flatten, type Nested } from './flatten.ts';
export { firstMatches, type HelperSource, hasIteratorHelpers } from './iterator-helpers.ts';
export { type KeysetOptions, keysetPages, rowsOf } from './keyset-pages.ts';
export { filter, map, naturals, range, sum, take } from './lazy.ts';
export { linesOfFile, readAllLines, readLines, sampleLine, writeSampleFile } from './lines.ts';
export {
  firstSquaresOfEvensEager,
  firstSquaresOfEvensLazy,
  type Probe,
  sumSquaresOfEvensEager,
  sumSquaresOfEvensLazy,
  sumSquaresOfEvensLoop,
} from './pipelines.ts';
export { squaresArray, squaresGenerator } from './squares.ts';
