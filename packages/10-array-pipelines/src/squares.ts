/**
 * The series' timing example, `[x**2 for x in range(n)]` against a `for` loop with `append`, written every
 * way JavaScript offers. All take the input array (except `Array.from`, which is the closest thing to
 * "comprehension over range") and return a new array of squares.
 */
import { map as lazyMap } from '@lab/generators/lazy';

/** Python's "for loop with append": an indexed loop and `push`. */
export function squaresClassicFor(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    out.push(x * x);
  }
  return out;
}

/**
 * An indexed loop into an array sized up front: what `map` does internally, and the reason it beats `push`
 * (no growing and copying as the array fills).
 */
export function squaresPreallocated(xs: readonly number[]): number[] {
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    out[i] = x * x;
  }
  return out;
}

/** `for…of` and `push`: the same loop over the iterator protocol. */
export function squaresForOf(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of xs) out.push(x * x);
  return out;
}

/** `map`: the closest counterpart of a list comprehension. It knows the length, so it allocates once. */
export function squaresMap(xs: readonly number[]): number[] {
  return xs.map((x) => x * x);
}

/** `reduce` with a pushed accumulator: seen in code reviews, rarely the clearest choice. */
export function squaresReduce(xs: readonly number[]): number[] {
  return xs.reduce<number[]>((out, x) => {
    out.push(x * x);
    return out;
  }, []);
}

/** `Array.from({ length: n }, f)`: builds from an index, like a comprehension over `range(n)`. */
export function squaresArrayFrom(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i * i);
}

/** A generator pipeline spread into an array: lazy steps, then one materialisation. */
export function squaresGenerator(xs: readonly number[]): number[] {
  return [...lazyMap(xs, (x) => x * x)];
}

/** Every variant under a display name, for the tests, the demo and the bench. */
export const squareVariants = {
  'for (let i…) + push': squaresClassicFor,
  'for…of + push': squaresForOf,
  'for (let i…) into new Array(n)': squaresPreallocated,
  'xs.map(x => x * x)': squaresMap,
  'reduce + push': squaresReduce,
  'Array.from({ length: n }, f)': (xs: readonly number[]) => squaresArrayFrom(xs.length),
  'generator, spread': squaresGenerator,
} satisfies Record<string, (xs: readonly number[]) => number[]>;

/** The display names of the variants; the first is the baseline (the series' "for loop with append"). */
export type SquareVariant = keyof typeof squareVariants;
