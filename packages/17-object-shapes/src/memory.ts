import { measureHeap } from '@lab/common';
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

/** Bytes a layout keeps in ArrayBuffers: outside the V8 heap, so the heap figure alone would miss them. */
function bufferBytes(held: unknown): number {
  return held instanceof PointColumns ? held.xs.byteLength + held.ys.byteLength : 0;
}

/**
 * Bytes each point keeps alive in `layout`: the retained V8 heap of `count` points, held (with the array that
 * holds them) through a full GC, plus the typed arrays' bytes, divided by `count`. Includes the 8-byte slot
 * per point in the holding array for the object layouts: that is what a million objects really cost.
 * (The buffers are counted from their byteLength, not from process.memoryUsage().arrayBuffers: that total
 * also moves with every other buffer the process happens to hold, and made the figure jump by half.)
 */
export function bytesPerPoint(layout: Layout, count: number): number {
  const build = LAYOUTS[layout];
  const { result, retainedBytes } = measureHeap((sample) => build(count, sample));
  return (retainedBytes + bufferBytes(result)) / count;
}
