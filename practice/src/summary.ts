/**
 * Each topic's practice state for `pnpm demo`'s list: cards seen and due, read from the progress file.
 * Read-only and quiet: a missing, unreadable or corrupt file is an empty state here (the practice command
 * is where a corrupt file is moved aside and reported).
 */
import { readFileSync } from 'node:fs';
import { parseProgress, progressPath } from './progress.ts';
import { createScheduler } from './scheduler.ts';

export interface TopicPractice {
  seen: number;
  due: number;
}

export function practiceByTopic(
  options: { path?: string; now?: () => Date } = {},
): Map<string, TopicPractice> {
  const out = new Map<string, TopicPractice>();
  let text: string;
  try {
    text = readFileSync(options.path ?? progressPath(), 'utf8');
  } catch {
    return out;
  }
  const parsed = parseProgress(text);
  if (!parsed.ok) return out;
  const scheduler = createScheduler(options.now ? { now: options.now } : {});
  for (const [key, state] of scheduler.replay(parsed.file.reviews)) {
    const slug = key.split('/')[0] ?? '';
    const t = out.get(slug) ?? { seen: 0, due: 0 };
    t.seen++;
    if (scheduler.isDue(state)) t.due++;
    out.set(slug, t);
  }
  return out;
}
