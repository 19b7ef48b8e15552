import { formatBars, formatTable, style } from '@lab/common/output';
import { partTitle, type Topic } from '@lab/tooling/topics';
import type { Card } from './deck.ts';
import type { Review, Scheduler } from './scheduler.ts';

export interface Tally {
  cards: number;
  /** Cards with at least one review. */
  seen: number;
  /** Seen cards whose next review is now or past. */
  due: number;
  reviews: number;
  /** Reviews not graded "again": the share recalled, shown as retention. */
  recalled: number;
}

const zero = (): Tally => ({ cards: 0, seen: 0, due: 0, reviews: 0, recalled: 0 });

/** Per-topic tallies of a deck against a review log (reviews of cards no longer in the deck are ignored). */
export function tallyByTopic(
  deck: readonly Card[],
  reviews: readonly Review[],
  scheduler: Scheduler,
): Map<string, Tally> {
  const states = scheduler.replay(reviews);
  const out = new Map<string, Tally>();
  const topicOf = new Map(deck.map((c) => [c.key, c.topic.slug]));
  for (const card of deck) {
    const t = out.get(card.topic.slug) ?? zero();
    out.set(card.topic.slug, t);
    t.cards++;
    const state = states.get(card.key);
    if (state) t.seen++;
    if (scheduler.isDue(state)) t.due++;
  }
  for (const r of reviews) {
    const slug = topicOf.get(r.card);
    const t = slug === undefined ? undefined : out.get(slug);
    if (!t) continue;
    t.reviews++;
    if (r.grade !== 'again') t.recalled++;
  }
  return out;
}

export function sum(tallies: Iterable<Tally>): Tally {
  const total = zero();
  for (const t of tallies) {
    total.cards += t.cards;
    total.seen += t.seen;
    total.due += t.due;
    total.reviews += t.reviews;
    total.recalled += t.recalled;
  }
  return total;
}

const retention = (t: Tally): string => (t.reviews ? `${Math.round((100 * t.recalled) / t.reviews)}%` : '—');
const meter = (t: Tally, width = 12): string => {
  const n = t.cards ? Math.round((t.seen / t.cards) * width) : 0;
  return `${style.cyan('█'.repeat(n))}${style.dim('░'.repeat(width - n))}`;
};

/** The `--stats` report: one table row per topic and per part (with a seen/cards meter), then reviews per part. */
export function formatStats(topics: readonly Topic[], tallies: Map<string, Tally>): string[] {
  const lines: string[] = [];
  const row = (label: string, tally: Tally) => ({
    topic: label,
    cards: tally.cards,
    seen: tally.seen,
    due: tally.due,
    retention: retention(tally),
    'seen of cards': meter(tally),
  });
  const rows: Array<ReturnType<typeof row>> = [];
  const parts = [1, 2, 3, 4].filter((p) => topics.some((t) => t.part === p));
  const partTallies = new Map<number, Tally>();
  for (const part of parts) {
    const inPart = topics.filter((t) => t.part === part);
    const tally = sum(inPart.map((t) => tallies.get(t.slug) ?? zero()));
    partTallies.set(part, tally);
    rows.push(row(style.bold(partTitle(part)), tally));
    for (const t of inPart) rows.push(row(`  ${t.id} ${t.slug}`, tallies.get(t.slug) ?? zero()));
  }
  rows.push(row(style.bold('All topics'), sum(partTallies.values())));
  for (const l of formatTable(rows)) lines.push(`  ${l}`);
  lines.push(
    style.dim(
      '  due: seen cards whose next review is now · retention: the share of reviews not graded "again"',
    ),
  );
  const reviewed = parts.map((p) => ({ label: `Part ${p}`, value: partTallies.get(p)?.reviews ?? 0 }));
  if (reviewed.some((r) => r.value > 0)) {
    lines.push('', style.bold('  Reviews, per part'));
    for (const l of formatBars(reviewed, (n) => `${n} review${n === 1 ? '' : 's'}`, 30)) lines.push(`  ${l}`);
  }
  return lines;
}
