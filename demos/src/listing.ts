import { style } from '@lab/common/output';
import { partTitle, type Topic } from '@lab/tooling/topics';

/** The topic list grouped by part, as lines of text. */
export function formatListing(topics: readonly Topic[]): string[] {
  const lines: string[] = [];
  for (const part of [1, 2, 3, 4]) {
    const inPart = topics.filter((t) => t.part === part);
    if (inPart.length === 0) continue;
    lines.push(style.bold(partTitle(part)));
    const width = Math.max(...inPart.map((t) => t.slug.length));
    for (const t of inPart) {
      const services = t.services.length ? style.dim(` [${t.services.join(', ')}]`) : '';
      lines.push(`  ${style.cyan(t.id)}  ${t.slug.padEnd(width)}  ${t.title}${services}`);
    }
    lines.push('');
  }
  return lines;
}
