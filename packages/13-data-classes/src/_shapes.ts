/**
 * The four ways to make the same three-field record that the bench and the demo compare. Each is its own
 * function so V8 sees one allocation site per contender.
 */

export class PlainPoint {
  constructor(
    readonly x: number,
    readonly y: number,
    readonly label: string,
  ) {}
}

export class FrozenPoint {
  constructor(
    readonly x: number,
    readonly y: number,
    readonly label: string,
  ) {
    Object.freeze(this);
  }
}

export interface PointData {
  readonly x: number;
  readonly y: number;
  readonly label: string;
}

export const literalPoint = (x: number, y: number, label: string): PointData => ({ x, y, label });
export const classPoint = (x: number, y: number, label: string): PointData => new PlainPoint(x, y, label);
export const frozenLiteralPoint = (x: number, y: number, label: string): PointData =>
  Object.freeze({ x, y, label });
export const frozenClassPoint = (x: number, y: number, label: string): PointData =>
  new FrozenPoint(x, y, label);

export const MAKERS = {
  'object literal': literalPoint,
  'class instance': classPoint,
  'frozen literal': frozenLiteralPoint,
  'frozen class instance': frozenClassPoint,
} as const;

/** Fills `out` with `out.length` records from `make`; the array keeps them alive so none is optimised away. */
export function fill(
  out: PointData[],
  make: (x: number, y: number, label: string) => PointData,
): PointData[] {
  for (let i = 0; i < out.length; i++) out[i] = make(i, i * 2, 'p');
  return out;
}
