/**
 * What the repo's command-line runners (`pnpm demo`, `pnpm bench`, `pnpm practice`, `pnpm mutate`) say the
 * same way: the banner over a topic's output, the answer to a topic that does not exist, and a quiet exit
 * when the reader closes the pipe.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { style } from '@lab/common/output';
import { levenshtein } from '@lab/common/text';
import { findTopic, listTopics, type Topic } from './topics.ts';

export { exitOnEpipe } from './epipe.ts';

/** The line over one topic's output in a run of several: `═══ 04 generators ═══`, with an optional tag. */
export function topicBanner(topic: Pick<Topic, 'id' | 'slug'>, tag?: string): string {
  return style.bold(style.cyan(`═══ ${topic.id} ${topic.slug}${tag ? ` (${tag})` : ''} ═══`));
}

/** The message for a topic that does not exist, with the closest match when there is one. */
export function unknownTopicMessage(query: string, suggestion: Topic | undefined): string {
  const hint = suggestion ? `; did you mean '${suggestion.slug}' (${suggestion.id})?` : '';
  return `unknown topic '${query}'${hint}\nrun 'pnpm demo --list' to see every topic`;
}

export type TopicLookup = { ok: true; topic: Topic } | { ok: false; message: string };

/** A topic by slug, number or package name, or the one message every runner prints when there is none. */
export function lookUpTopic(query: string, topics: readonly Topic[] = listTopics()): TopicLookup {
  const topic = findTopic(query, [...topics]);
  if (topic) return { ok: true, topic };
  return { ok: false, message: unknownTopicMessage(query, suggestTopic(query, [...topics])) };
}

/**
 * node:util parseArgs the way every runner calls it: strict, positionals allowed, and the literal `--` that
 * pnpm forwards (`pnpm demo -- 03`) dropped. Throws on an unknown option; show it with `argumentError`.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: T,
) {
  return parseArgs({ args: argv.filter((a) => a !== '--'), allowPositionals: true, strict: true, options });
}

/** Exit code for bad usage (an unknown option or topic), as in most Unix tools; 1 means the run failed. */
export const USAGE_ERROR = 2;

/**
 * node:util parseArgs's error text ("Unknown option '--fast'. To specify a positional argument …"), cut
 * to its first sentence and lower-cased like the runners' own messages.
 */
export function argumentError(error: unknown): string {
  const message = (error as Error).message.split('.')[0] ?? 'bad arguments';
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** The closest topic to a mistyped query: prefix or substring match first, then the smallest edit distance. */
export function suggestTopic(query: string, topics = listTopics()): Topic | undefined {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return undefined;
  const partial = topics.find((t) => t.slug.startsWith(q) || t.slug.includes(q));
  if (partial) return partial;
  let best: Topic | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const t of topics) {
    const whole = levenshtein(q, t.slug);
    const words = Math.min(...t.slug.split('-').map((w) => levenshtein(q, w)));
    const score = Math.min(whole, words + 1);
    if (score < bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return bestScore <= Math.max(2, Math.floor(q.length / 3)) ? best : undefined;
}
