import { posix } from 'node:path';
import { findImports, type ImportKind } from './imports.ts';

/** Files by path relative to the tree's root, POSIX separators (`api/app.ts`). */
export type SourceTree = ReadonlyMap<string, string>;

/** What a file outside every layer (the root barrel, the composition root) counts as. */
export const OUTSIDE_LAYERS = '(outside the layers)';

export interface DependencyEdge {
  from: string;
  to: string;
  line: number;
  kind: ImportKind;
  fromLayer: string;
  toLayer: string;
}

export interface LayerViolation extends DependencyEdge {
  specifier: string;
}

export interface DependencyReport {
  /** Every relative import between two files of the tree, in file then line order. */
  edges: DependencyEdge[];
  /** Imports that point up the layer order, or from a layer to a file outside the layers. */
  violations: LayerViolation[];
  /** Imports of a package (`zod`, `node:path`, `@lab/common/problem`) by layer: what each layer leans on. */
  packages: Map<string, Set<string>>;
}

/** The layer of a file: its first folder under the root when that folder is a layer, else OUTSIDE_LAYERS. */
export function layerOf(file: string, layers: readonly string[]): string {
  const top = file.split('/')[0] ?? '';
  return file.includes('/') && layers.includes(top) ? top : OUTSIDE_LAYERS;
}

/** The tree file a relative specifier names: as written, `.js` → `.ts`, with `.ts` added, or a folder's index.ts. */
export function resolveSpecifier(tree: SourceTree, from: string, specifier: string): string {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => tree.has(c)) ?? base;
}

/**
 * Reads every import of every file and checks it against `layers`, listed top to bottom
 * (`['api', 'services', 'repositories', 'models']`): a file may import its own layer and any layer below it.
 * An import of a layer above is a violation, and so is an import of a file outside the layers (the root
 * barrel `index.ts`, the composition root): a layer that imports the barrel imports every layer, itself too.
 * Files outside the layers may import anything — wiring everything is their job.
 */
export function checkLayers(tree: SourceTree, layers: readonly string[]): DependencyReport {
  // OUTSIDE_LAYERS is in no list: indexOf gives it -1, above every layer.
  const rank = (layer: string) => layers.indexOf(layer);
  const report: DependencyReport = { edges: [], violations: [], packages: new Map() };
  for (const from of [...tree.keys()].sort()) {
    const fromLayer = layerOf(from, layers);
    for (const ref of findImports(tree.get(from) ?? '')) {
      if (!ref.specifier.startsWith('.')) {
        const used = report.packages.get(fromLayer) ?? new Set<string>();
        report.packages.set(fromLayer, used.add(ref.specifier));
        continue;
      }
      const to = resolveSpecifier(tree, from, ref.specifier);
      const edge = { from, to, line: ref.line, kind: ref.kind, fromLayer, toLayer: layerOf(to, layers) };
      report.edges.push(edge);
      if (fromLayer !== OUTSIDE_LAYERS && rank(edge.toLayer) < rank(fromLayer))
        report.violations.push({ ...edge, specifier: ref.specifier });
    }
  }
  return report;
}

/** One line per violation: `models/order.ts:3 models → services (import type '../services/x.ts')`. */
export function describeViolation(v: LayerViolation): string {
  return `${v.from}:${v.line} ${v.fromLayer} → ${v.toLayer} (${v.kind} import of '${v.specifier}')`;
}
