import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceTree } from './layers.ts';

/** Every .ts file under `root` (node_modules skipped), keyed by its POSIX path relative to `root`. */
export function readSourceTree(root: string): SourceTree {
  const tree = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (/\.(?:c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        tree.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(root);
  return tree;
}
