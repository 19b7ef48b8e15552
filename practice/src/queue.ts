import { normalizeOutput } from '@lab/common/practice';
import type { Card } from './deck.ts';
import type { CardState, Scheduler } from './scheduler.ts';

/**
 * A session's cards: those due now (most overdue first), then up to `newLimit` never-seen cards in deck
 * order (README order within a topic, series order across topics).
 */
export function buildQueue(
  deck: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  scheduler: Scheduler,
  newLimit = Number.POSITIVE_INFINITY,
): Card[] {
  const due = deck
    .filter((c) => scheduler.isDue(states.get(c.key)))
    .sort((a, b) => (states.get(a.key)?.due.getTime() ?? 0) - (states.get(b.key)?.due.getTime() ?? 0));
  const fresh = deck.filter((c) => !states.has(c.key)).slice(0, newLimit);
  return [...due, ...fresh];
}

/**
 * Grades a typed prediction: the grader's normalisation (trailing whitespace and blank lines at the end
 * ignored), and blank lines inside ignored too — the answer prompt submits on an empty line, so a learner
 * cannot type one.
 */
export function sameOutput(typed: string, expected: string): boolean {
  const lines = (text: string) =>
    normalizeOutput(text)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .join('\n');
  return lines(typed) === lines(expected);
}
