/**
 * One job, "squares of the even numbers", written three ways: an eager array pipeline, a lazy generator
 * pipeline and a single loop. The benches compare their time and peak memory; `probe` lets a memory
 * measurement sample the heap from inside the work (a synchronous job cannot be sampled from outside).
 */
import { filter, map, take } from './lazy.ts';

/** Called with a running index while a pipeline works. */
export type Probe = (index: number) => void;

const isEven = (n: number): boolean => n % 2 === 0;
const square = (n: number): number => n * n;

/** `filter → map → reduce` on arrays: each step allocates a full intermediate array. */
export function sumSquaresOfEvensEager(source: readonly number[], probe?: Probe): number {
  return source
    .filter((n, i) => {
      probe?.(i);
      return isEven(n);
    })
    .map((n, i) => {
      probe?.(i);
      return square(n);
    })
    .reduce((total, n) => total + n, 0);
}

/** The same steps as generators: one value travels through the whole chain at a time. */
export function sumSquaresOfEvensLazy(source: Iterable<number>, probe?: Probe): number {
  let total = 0;
  let i = 0;
  for (const n of map(filter(source, isEven), square)) {
    probe?.(i++);
    total += n;
  }
  return total;
}

/** No pipeline at all: one indexed loop, no intermediate values, nothing for the GC. */
export function sumSquaresOfEvensLoop(source: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < source.length; i++) {
    const n = source[i]!;
    if (isEven(n)) total += square(n);
  }
  return total;
}

/** The first `count` squares of evens, eagerly: the whole source is filtered and mapped first. */
export function firstSquaresOfEvensEager(source: readonly number[], count: number): number[] {
  return source.filter(isEven).map(square).slice(0, count);
}

/** The first `count` squares of evens, lazily: stops pulling as soon as it has them. */
export function firstSquaresOfEvensLazy(source: Iterable<number>, count: number): number[] {
  return [...take(map(filter(source, isEven), square), count)];
}
