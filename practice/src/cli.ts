/** `pnpm practice`: recall cards and predict-the-output items, scheduled by FSRS. */
import { writeFileSync } from 'node:fs';
import { style } from '@lab/common/output';
import { argumentError, lookUpTopic, parseCommandLine, USAGE_ERROR } from '@lab/tooling/cli';
import { listTopics, type Topic } from '@lab/tooling/topics';
import { ankiDeck } from './anki.ts';
import { type Card, fullDeck } from './deck.ts';
import { openProgress, type ProgressStore } from './progress.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { runSession, type Scope } from './session.ts';
import { formatStats, sum, tallyByTopic } from './stats.ts';

export const USAGE = `usage: pnpm practice [--topic <slug|NN>] [--part <1-4>] [--due]
       pnpm practice --stats
       pnpm practice --export anki [--out FILE] [--topic <slug|NN>]

  (no options)   on a terminal, pick "due now", a part or a topic; otherwise print the stats
  --topic, -t    practise one topic (a slug such as generators, or its number: 04)
  --part         practise one part (1-4)
  --due          practise what is due now, then up to 10 new cards
  --stats        cards, seen, due and retention per part and per topic
  --export anki  a tab-separated deck for Anki's File → Import (front, back, tags part-N topic-slug)
  --out FILE     write the export to FILE instead of standard output

Progress: $XDG_STATE_HOME/interview-lab/progress.json (default ~/.local/state/interview-lab/).`;

export type Command =
  | { kind: 'help' }
  | { kind: 'stats' }
  | { kind: 'export'; out?: string; topic?: string }
  | { kind: 'practice'; topic?: string; part?: number; due: boolean }
  | { kind: 'error'; message: string };

export function parseArgs(argv: readonly string[]): Command {
  let values: {
    topic?: string;
    part?: string;
    due?: boolean;
    stats?: boolean;
    export?: string;
    out?: string;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseCommandLine(argv, {
      topic: { type: 'string', short: 't' },
      part: { type: 'string' },
      due: { type: 'boolean' },
      stats: { type: 'boolean' },
      export: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    }));
  } catch (error) {
    return { kind: 'error', message: argumentError(error) };
  }
  if (values.help) return { kind: 'help' };
  // `pnpm practice 04` reads as naturally as `pnpm demo 04`.
  if (positionals.length > 1)
    return { kind: 'error', message: `one topic at a time (got ${positionals.join(', ')})` };
  const topic = values.topic ?? positionals[0];
  if (values.export !== undefined) {
    if (values.export !== 'anki')
      return { kind: 'error', message: `unknown export format '${values.export}' (only: anki)` };
    return { kind: 'export', ...(values.out ? { out: values.out } : {}), ...(topic ? { topic } : {}) };
  }
  if (values.out) return { kind: 'error', message: '--out goes with --export anki' };
  if (values.stats) return { kind: 'stats' };
  let part: number | undefined;
  if (values.part !== undefined) {
    part = Number(values.part);
    if (![1, 2, 3, 4].includes(part))
      return { kind: 'error', message: `--part takes 1, 2, 3 or 4 (got '${values.part}')` };
    if (topic) return { kind: 'error', message: 'choose --part or --topic, not both' };
  }
  if (values.due && (topic || part))
    return { kind: 'error', message: '--due covers every topic; drop --topic/--part' };
  return {
    kind: 'practice',
    due: values.due ?? false,
    ...(topic ? { topic } : {}),
    ...(part ? { part } : {}),
  };
}

function stats(
  deck: readonly Card[],
  topics: readonly Topic[],
  store: ProgressStore,
  scheduler: Scheduler,
): string[] {
  const withCards = topics.filter((t) => deck.some((c) => c.topic.slug === t.slug));
  const tallies = tallyByTopic(deck, store.load().reviews, scheduler);
  return [style.bold('interview-lab · practice'), '', ...formatStats(withCards, tallies), ''];
}

function howToStart(deck: readonly Card[], store: ProgressStore, scheduler: Scheduler): string[] {
  const total = sum(tallyByTopic(deck, store.load().reviews, scheduler).values());
  return [
    `${total.due} due now · ${total.cards - total.seen} never seen · progress in ${store.path}`,
    'Start on a terminal:  pnpm practice            (pick "due now", a part or a topic)',
    '                      pnpm practice --topic 04  (one topic) · --due · --part 1',
    'Anki deck:            pnpm practice --export anki --out interview-lab.tsv',
  ];
}

export async function main(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'error') {
    process.stderr.write(`${command.message}\n${USAGE}\n`);
    return USAGE_ERROR;
  }
  const topics = listTopics();
  const wanted = 'topic' in command && command.topic !== undefined ? command.topic : undefined;
  const lookup = wanted === undefined ? undefined : lookUpTopic(wanted, topics);
  if (lookup && !lookup.ok) {
    process.stderr.write(`${lookup.message}\n`);
    return USAGE_ERROR;
  }
  const topic = lookup?.topic;
  const deck = await fullDeck(topic ? [topic] : topics);
  const scheduler = createScheduler();
  const store = openProgress();

  if (command.kind === 'export') {
    const tsv = ankiDeck(deck);
    if (command.out) {
      writeFileSync(command.out, tsv);
      process.stdout.write(`wrote ${deck.length} cards to ${command.out} (Anki: File → Import)\n`);
    } else process.stdout.write(tsv);
    return 0;
  }
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (command.kind === 'stats' || !interactive) {
    const lines = [...stats(deck, topics, store, scheduler), ...howToStart(deck, store, scheduler)];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  const scope: Scope | undefined = topic
    ? { kind: 'topic', topic }
    : command.part
      ? { kind: 'part', part: command.part }
      : command.due
        ? { kind: 'due' }
        : undefined;
  return runSession({ deck, topics, store, scheduler }, scope);
}

process.exitCode = await main(process.argv.slice(2));
