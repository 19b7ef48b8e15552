export { type BfsResult, bfs, type Graph, shortestPath, undirected } from './bfs.ts';
export { ChainMap } from './chain-map.ts';
export { Counter } from './counter.ts';
export { DefaultMap, groupBy } from './default-map.ts';
export { Deque, type DequeOptions } from './deque.ts';
export { LruCache } from './lru-cache.ts';
export {
  type NamedTuple,
  type NamedTupleConstructor,
  namedTuple,
  type Point,
  tupleEquals,
  tupleKey,
} from './named-tuple.ts';
export { lastLines, movingAverages } from './sliding-window.ts';
