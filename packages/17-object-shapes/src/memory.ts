import { forceGc, measureHeap } from '@lab/common';
import { dictionaryPoint, Point, PointColumns, pointLiteral, pointMap } from './points.ts';

/** Builds and returns `count` points in one layout; `sample` lets the heap meter look in every few thousand. */
export type Build = (count: number, sample: () => void) => unknown;

const SAMPLE_EVERY = 16_384;

/** Fractional coordinates: a double that is not a small integer is what a real point holds (see below). */
const xOf = (i: number): number => i + 0.5;
const yOf = (i: number): number => i * 2 + 0.25;

function objects<T>(make: (x: number, y: number) => T): Build {
  return (count, sample) => {
    const held = new Array<T>(count);
    for (let i = 0; i < count; i++) {
      held[i] = make(xOf(i), yOf(i));
      if ((i & (SAMPLE_EVERY - 1)) === 0) sample();
    }
    return held;
  };
}

/** The layouts compared, by the name the demo, the bench and the README use. */
export const LAYOUTS = {
  'class instance': objects((x, y) => new Point(x, y)),
  'object literal': objects(pointLiteral),
  'dictionary-mode object': objects(dictionaryPoint),
  'Map per point': objects(pointMap),
  'Float64Array columns': ((count) => {
    const columns = new PointColumns(count);
    for (let i = 0; i < count; i++) columns.push(xOf(i), yOf(i));
    return columns;
  }) satisfies Build,
  // Small integers (Smis) sit in the field itself; any other number is boxed in a HeapNumber of its own.
  'class instance, integer coords': objects((x, y) => new Point(Math.floor(x), Math.floor(y))),
} satisfies Record<string, Build>;

export type Layout = keyof typeof LAYOUTS;

/**
 * Heap bytes each point keeps alive in `layout`: the retained heap of `count` points, held (with the array
 * that holds them) until the GC after the build, divided by `count`. Includes the 4-byte slot per point in
 * the holding array for the object layouts: that is what a million objects really cost.
 */
export function bytesPerPoint(layout: Layout, count: number): number {
  const build = LAYOUTS[layout];
  forceGc();
  const buffersBefore = process.memoryUsage().arrayBuffers;
  let bufferBytes = 0;
  const { retainedBytes } = measureHeap((sample) => {
    const held = build(count, sample);
    // A typed array's bytes live outside the V8 heap, so the heap figure alone would make columns look free.
    bufferBytes = Math.max(0, process.memoryUsage().arrayBuffers - buffersBefore);
    return held;
  });
  return (retainedBytes + bufferBytes) / count;
}
