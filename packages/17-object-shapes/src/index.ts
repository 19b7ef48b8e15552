export {
  pointsWithShapes,
  type ShapedPoint,
  sumXMegamorphic,
  sumXMonomorphic,
  sumXPolymorphic,
} from './access.ts';
export { type Build, bytesPerPoint, LAYOUTS, type Layout } from './memory.ts';
export {
  dictionaryPoint,
  Point,
  PointColumns,
  type PointLike,
  pointLiteral,
  pointMap,
  SealedPoint,
} from './points.ts';
export { parseFindings, probeShapes, type ShapeFinding } from './shape-probe.ts';
