import { Deque } from './deque.ts';

/**
 * The moving average of the last `size` values after each value arrives: a deque with a max length keeps
 * exactly the window, and a running sum avoids re-adding it (O(1) per value instead of O(size)).
 */
export function movingAverages(values: Iterable<number>, size: number): number[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`size must be a positive integer, got ${size}`);
  const window = new Deque<number>([], { maxLength: size });
  const averages: number[] = [];
  let sum = 0;
  for (const value of values) {
    // The value about to fall out of the window leaves the sum before the deque drops it.
    if (window.length === size) sum -= window.peekFront() ?? 0;
    window.push(value);
    sum += value;
    averages.push(sum / window.length);
  }
  return averages;
}

/** The last `size` lines seen, oldest first (`tail -n`): memory stays bounded however long the input. */
export function lastLines(lines: Iterable<string>, size: number): string[] {
  const window = new Deque<string>([], { maxLength: size });
  for (const line of lines) window.push(line);
  return window.toArray();
}
