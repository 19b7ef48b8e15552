export {
  processConcurrently,
  processSequentially,
  processWithForEach,
  type Worker,
} from './async-foreach.ts';
export {
  distinctPairs,
  evenSquares,
  evenSquaresFlatMap,
  lengthsByWord,
  lengthsByWordMap,
  lowercased,
  sumOfEvenSquares,
  sumOfSquaresLazy,
} from './comprehensions.ts';
export {
  type SquareVariant,
  squaresArrayFrom,
  squaresClassicFor,
  squaresForOf,
  squaresGenerator,
  squaresMap,
  squaresPreallocated,
  squaresReduce,
  squareVariants,
} from './squares.ts';
export {
  type Group,
  highScoresChained,
  highScoresLoop,
  type Item,
  type Triage,
  triageLoop,
  triageReduce,
} from './when-a-loop-reads-better.ts';
