export { type ColdImport, coldImport } from './cold-import.ts';
export { findImports, type ImportKind, type ImportRef } from './imports.ts';
export {
  checkLayers,
  type DependencyEdge,
  type DependencyReport,
  describeViolation,
  type LayerViolation,
  layerOf,
  OUTSIDE_LAYERS,
  resolveSpecifier,
  type SourceTree,
} from './layers.ts';
export { layerEdges, renderLayerGraph, renderTree } from './render.ts';
export { readSourceTree } from './source-tree.ts';

/** This service's layers, top to bottom: each may import itself and those below it, never above. */
export const SERVICE_LAYERS = ['api', 'services', 'repositories', 'models'] as const;
