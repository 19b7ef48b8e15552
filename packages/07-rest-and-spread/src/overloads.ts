/**
 * Overloads: several call signatures over one implementation. Python's `range(stop)` /
 * `range(start, stop[, step])` has an optional *first* argument, which neither keyword arguments nor
 * default values can express; overload signatures can.
 */
export function range(stop: number): number[];
export function range(start: number, stop: number, step?: number): number[];
export function range(...args: [stop: number] | [start: number, stop: number, step?: number]): number[] {
  const [start, stop, step = 1] = args.length === 1 ? [0, args[0]] : args;
  for (const [name, value] of [
    ['start', start],
    ['stop', stop],
    ['step', step],
  ] as const) {
    if (!Number.isInteger(value))
      throw new TypeError(`range(): ${name} must be an integer, got ${String(value)}`);
  }
  if (step === 0) throw new RangeError('range(): step must not be zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}
