import { style } from '@lab/common/output';
import { practiceByTopic, type TopicPractice } from '@lab/practice/summary';
import { partTitle, type Topic } from '@lab/tooling/topics';

/**
 * The topic list grouped by part, as lines of text, with each topic's practice state (cards seen, due now)
 * from the `pnpm practice` progress file; no file, no state.
 */
export function formatListing(
  topics: readonly Topic[],
  practice: ReadonlyMap<string, TopicPractice> = practiceByTopic(),
): string[] {
  const lines: string[] = [];
  for (const part of [1, 2, 3, 4]) {
    const inPart = topics.filter((t) => t.part === part);
    if (inPart.length === 0) continue;
    lines.push(style.bold(partTitle(part)));
    const width = Math.max(...inPart.map((t) => t.slug.length));
    for (const t of inPart) {
      const services = t.services.length ? style.dim(` [${t.services.join(', ')}]`) : '';
      const p = practice.get(t.slug);
      const state = p
        ? ` ${p.due ? style.yellow(`· ${p.due} due`) : style.dim('·')}${style.dim(`${p.due ? ',' : ''} ${p.seen} practised`)}`
        : '';
      lines.push(`  ${style.cyan(t.id)}  ${t.slug.padEnd(width)}  ${t.title}${services}${state}`);
    }
    lines.push('');
  }
  const due = [...practice.values()].reduce((n, p) => n + p.due, 0);
  lines.push(
    style.dim(
      practice.size === 0
        ? 'practise for the interview: pnpm practice (recall cards and predict-the-output, spaced repetition)'
        : `practice: ${due} card${due === 1 ? '' : 's'} due now — pnpm practice`,
    ),
  );
  return lines;
}
