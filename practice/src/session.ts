/** The interactive session (a TTY only): pick what to practise, then one card after another. */
import { randomUUID } from 'node:crypto';
import {
  autocomplete,
  cancel,
  intro,
  isCancel,
  log,
  multiline,
  note,
  outro,
  selectKey,
  text,
} from '@clack/prompts';
import { style } from '@lab/common/output';
import { partTitle, type Topic } from '@lab/tooling/topics';
import { type Card, readHint } from './deck.ts';
import type { ProgressStore } from './progress.ts';
import { buildQueue, sameOutput } from './queue.ts';
import { highlight, inline, wrap } from './render.ts';
import {
  type CardState,
  formatInterval,
  GRADES,
  type Grade,
  type Review,
  type Scheduler,
} from './scheduler.ts';

/** How many never-seen cards "due now" adds after the due ones. */
export const NEW_PER_SESSION = 10;

export type Scope = { kind: 'due' } | { kind: 'part'; part: number } | { kind: 'topic'; topic: Topic };

interface Context {
  deck: readonly Card[];
  topics: readonly Topic[];
  store: ProgressStore;
  scheduler: Scheduler;
}

const STOPPED = Symbol('stopped');

const width = (): number => Math.max(40, Math.min(96, (process.stdout.columns ?? 80) - 6));

function counts(
  cards: readonly Card[],
  states: ReadonlyMap<string, CardState>,
  scheduler: Scheduler,
): string {
  const due = cards.filter((c) => scheduler.isDue(states.get(c.key))).length;
  const fresh = cards.filter((c) => !states.has(c.key)).length;
  return `${due} due · ${fresh} new`;
}

function inScope(deck: readonly Card[], scope: Scope): Card[] {
  if (scope.kind === 'part') return deck.filter((c) => c.topic.part === scope.part);
  if (scope.kind === 'topic') return deck.filter((c) => c.topic.slug === scope.topic.slug);
  return [...deck];
}

async function pickScope(
  ctx: Context,
  states: ReadonlyMap<string, CardState>,
): Promise<Scope | typeof STOPPED> {
  const { deck, topics, scheduler } = ctx;
  const options: Array<{ value: string; label: string; hint?: string }> = [
    {
      value: 'due',
      label: 'Due now',
      hint: `${deck.filter((c) => scheduler.isDue(states.get(c.key))).length} due, then up to ${NEW_PER_SESSION} new`,
    },
  ];
  for (const part of [1, 2, 3, 4]) {
    const cards = deck.filter((c) => c.topic.part === part);
    if (cards.length)
      options.push({ value: `part:${part}`, label: partTitle(part), hint: counts(cards, states, scheduler) });
  }
  for (const t of topics) {
    const cards = deck.filter((c) => c.topic.slug === t.slug);
    if (cards.length)
      options.push({
        value: `topic:${t.slug}`,
        label: `${t.id} ${t.slug} — ${t.title}`,
        hint: counts(cards, states, scheduler),
      });
  }
  const choice = await autocomplete({
    message: 'What do you want to practise? (type to filter, ↑↓ to move, Enter to start)',
    options,
    maxItems: 12,
    placeholder: 'due, a part, a topic number or name…',
  });
  if (isCancel(choice)) return STOPPED;
  if (choice.startsWith('part:')) return { kind: 'part', part: Number(choice.slice(5)) };
  const topic = topics.find((t) => `topic:${t.slug}` === choice);
  return topic ? { kind: 'topic', topic } : { kind: 'due' };
}

async function askRecall(
  card: Card & { kind: 'recall' },
  state: CardState | undefined,
  scheduler: Scheduler,
) {
  log.message(wrap(inline(card.front), width()));
  const said = await text({
    message: 'Say your answer aloud (or type it). Enter shows the model answer.',
    placeholder: 'press Enter when you have said it',
    defaultValue: '',
  });
  if (isCancel(said)) return STOPPED;
  note(wrap(inline(card.back), width()), 'Model answer');
  const now = scheduler.now();
  const preview = scheduler.preview(state);
  const key = await selectKey({
    message: 'How well did you know it? (press a key)',
    options: GRADES.map((g) => ({
      value: g.charAt(0),
      label: g,
      hint: `next in ${formatInterval(preview[g], now)}`,
    })),
  });
  if (isCancel(key)) return STOPPED;
  return GRADES.find((g) => g.startsWith(key)) ?? 'good';
}

async function askPredict(card: Card & { kind: 'predict' }): Promise<Grade | typeof STOPPED> {
  const { item } = card;
  log.message(wrap(inline(item.prompt), width()));
  log.message(highlight(item.code));
  const typed = await multiline({
    message: 'What does it print? One line per output line; Enter on an empty line submits.',
    placeholder: 'type the output',
  });
  if (isCancel(typed)) return STOPPED;
  if (sameOutput(typed, item.output)) {
    log.success(wrap(`${style.green('Right.')} ${inline(item.explain)}`, width()));
    return 'good';
  }
  log.error(`Not quite. It prints:\n${item.output}`);
  log.info(wrap(inline(item.explain), width()));
  log.info(`read: ${readHint(card)}`);
  return 'again';
}

/** Runs a session; resolves to the process exit code. Each grade is saved before the next card shows. */
export async function runSession(ctx: Context, scope?: Scope): Promise<number> {
  const { store, scheduler } = ctx;
  const first = store.load().reviews.length === 0;
  intro(style.bold('interview-lab · practice'));
  if (first)
    log.info(
      [
        'Say each answer aloud as in an interview, then grade yourself; predict what snippets print.',
        'Cards come back when FSRS says you are about to forget them. Ctrl-C stops at any time;',
        `every grade is saved at once in ${store.path}`,
      ].join('\n'),
    );
  let states = scheduler.replay(store.load().reviews);
  const chosen = scope ?? (await pickScope(ctx, states));
  if (chosen === STOPPED) {
    cancel('Nothing practised. See you next time.');
    return 0;
  }
  const cards = inScope(ctx.deck, chosen);
  const queue = buildQueue(cards, states, scheduler, chosen.kind === 'due' ? NEW_PER_SESSION : Infinity);
  if (queue.length === 0) {
    const next = cards
      .map((c) => states.get(c.key)?.due)
      .filter((d): d is Date => d !== undefined)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    outro(
      next
        ? `Nothing due here. Next review in ${formatInterval(next, scheduler.now())}.`
        : 'No cards here yet.',
    );
    return 0;
  }
  const session = randomUUID().slice(0, 8);
  let graded = 0;
  let right = 0;
  for (const [i, card] of queue.entries()) {
    const kind =
      card.kind === 'recall' ? (card.id === 'answer' ? 'the question' : 'follow-up') : 'predict the output';
    log.step(style.dim(`${i + 1}/${queue.length} · ${card.topic.id} ${card.topic.slug} · ${kind}`));
    const state = states.get(card.key);
    const grade = card.kind === 'recall' ? await askRecall(card, state, scheduler) : await askPredict(card);
    if (grade === STOPPED) {
      cancel(`Stopped. ${graded} card${graded === 1 ? '' : 's'} graded and saved in ${store.path}.`);
      return 0;
    }
    const review: Review = {
      id: `${session}-${i}`,
      card: card.key,
      at: scheduler.now().toISOString(),
      grade,
    };
    // Saved before the next card: Ctrl-C, a crash or another session cannot lose it.
    states = scheduler.replay(store.record(review).reviews);
    graded++;
    if (grade !== 'again') right++;
    const due = states.get(card.key)?.due;
    if (due) log.message(style.dim(`next review of this card in ${formatInterval(due, scheduler.now())}`));
  }
  outro(
    `Done: ${graded} cards, ${right} known. Progress saved in ${store.path}. See \`pnpm practice --stats\`.`,
  );
  return 0;
}
