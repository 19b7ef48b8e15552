/**
 * The classic interview pair: the same squares built eagerly into an array, or produced one at a time by a
 * generator. The array holds every value at once; the generator holds one counter and its paused frame.
 */

/** Every square 0² … (n-1)², computed now and kept in memory. */
export function squaresArray(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i * i);
  return out;
}

/** The same squares on demand: calling this computes nothing until the first `next()`. */
export function* squaresGenerator(n: number): Generator<number, void, undefined> {
  for (let i = 0; i < n; i++) yield i * i;
}
