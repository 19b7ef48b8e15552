import type { DependencyReport } from './layers.ts';

interface Folder {
  folders: Map<string, Folder>;
  files: string[];
}

/** The paths as an indented tree (folders first, then files, each sorted), one string per line. */
export function renderTree(paths: Iterable<string>, rootName = '.'): string[] {
  const root: Folder = { folders: new Map(), files: [] };
  for (const path of paths) {
    const parts = path.split('/');
    const file = parts.pop() as string;
    let folder = root;
    for (const part of parts) {
      const child = folder.folders.get(part) ?? { folders: new Map(), files: [] };
      folder.folders.set(part, child);
      folder = child;
    }
    folder.files.push(file);
  }
  const lines = [rootName];
  const walk = (folder: Folder, indent: string) => {
    const entries = [
      ...[...folder.folders.keys()]
        .sort()
        .map((name) => ({ name: `${name}/`, sub: folder.folders.get(name) })),
      ...folder.files.sort().map((name) => ({ name, sub: undefined })),
    ];
    entries.forEach((entry, i) => {
      const last = i === entries.length - 1;
      lines.push(`${indent}${last ? '└── ' : '├── '}${entry.name}`);
      if (entry.sub) walk(entry.sub, indent + (last ? '    ' : '│   '));
    });
  };
  walk(root, '');
  return lines;
}

/** Imports between layers, counted: `[from, to, count]`, in the order of `order` (layers first, then the rest). */
export function layerEdges(
  report: DependencyReport,
  order: readonly string[],
): Array<[string, string, number]> {
  const counts = new Map<string, number>();
  for (const edge of report.edges) {
    if (edge.fromLayer === edge.toLayer) continue;
    const key = `${edge.fromLayer}\u0000${edge.toLayer}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const position = (layer: string) => {
    const at = order.indexOf(layer);
    return at === -1 ? order.length : at;
  };
  return [...counts]
    .map(([key, count]) => [...(key.split('\u0000') as [string, string]), count] as [string, string, number])
    .sort((a, b) => position(a[0]) - position(b[0]) || position(a[1]) - position(b[1]));
}

/** The layer graph as text: one line per importing layer, `api ──▶ services ×4, models ×2`. */
export function renderLayerGraph(report: DependencyReport, order: readonly string[]): string[] {
  const byFrom = new Map<string, string[]>();
  for (const [from, to, count] of layerEdges(report, order))
    byFrom.set(from, [...(byFrom.get(from) ?? []), `${to} ×${count}`]);
  const width = Math.max(0, ...[...byFrom.keys()].map((k) => k.length));
  return [...byFrom].map(([from, targets]) => `${from.padEnd(width)} ──▶ ${targets.join(', ')}`);
}
