import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Practice, PredictItem } from '@lab/common/practice';
import { repoRoot, type Topic } from '@lab/tooling/topics';
import { parseRecallCards, type RecallCard } from './readme.ts';

export interface PredictCard {
  kind: 'predict';
  /** `predict-<item id>`: the item's own stable id, prefixed so it never collides with a recall card. */
  id: string;
  item: PredictItem;
}

/** One practice card of one topic. `key` (`<slug>/<id>`) is what progress is stored under. */
export type Card = (RecallCard | PredictCard) & { key: string; topic: Topic };

export const cardKey = (topic: Topic, id: string): string => `${topic.slug}/${id}`;

/** The recall cards of a topic, from its README (synchronous: the demo listing counts them). */
export function recallCards(topic: Topic): Array<RecallCard & { key: string; topic: Topic }> {
  const readme = join(topic.dir, 'README.md');
  if (!existsSync(readme)) return [];
  return parseRecallCards(readFileSync(readme, 'utf8')).map((c) => ({
    ...c,
    key: cardKey(topic, c.id),
    topic,
  }));
}

/** The predict-the-output items a topic's `practice.ts` declares (none when it has no such file yet). */
export async function predictItems(topic: Topic): Promise<readonly PredictItem[]> {
  const file = join(topic.dir, 'practice.ts');
  if (!existsSync(file)) return [];
  const mod = (await import(pathToFileURL(file).href)) as { default: Practice };
  return mod.default.predict;
}

/**
 * A topic's deck in the order a first pass shows it: the 30-second answer, then predict items and follow-ups
 * taking turns, so a session alternates saying and predicting.
 */
export async function topicDeck(topic: Topic): Promise<Card[]> {
  const [answer, ...followUps] = recallCards(topic);
  const predict: Card[] = (await predictItems(topic)).map((item) => ({
    kind: 'predict',
    id: `predict-${item.id}`,
    item,
    key: cardKey(topic, `predict-${item.id}`),
    topic,
  }));
  const deck: Card[] = answer ? [answer] : [];
  for (let i = 0; i < Math.max(predict.length, followUps.length); i++) {
    const p = predict[i];
    const f = followUps[i];
    if (p) deck.push(p);
    if (f) deck.push(f);
  }
  return deck;
}

/** Every topic's deck, in series order. */
export async function fullDeck(topics: readonly Topic[]): Promise<Card[]> {
  return (await Promise.all(topics.map(topicDeck))).flat();
}

/** Where to read after a miss: the demo section and the source file, as commands a learner can paste. */
export function readHint(card: Card): string | undefined {
  if (card.kind !== 'predict') return undefined;
  const { section, file } = card.item.see;
  const demo = section ? `pnpm demo ${card.topic.id} --section ${section}` : `pnpm demo ${card.topic.id}`;
  return `${demo} · ${relative(repoRoot, join(card.topic.dir, file))}`;
}
