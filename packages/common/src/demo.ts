import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import { heading, note, style, title } from './output.ts';
import { closestMatch } from './text.ts';

/** One stop of a guided tour: a heading, one or two lines of why, and the code that shows it. */
export interface Section {
  /** The heading, without its number (the runner numbers sections). */
  title: string;
  /** One or two lines of why, printed under the heading. */
  why: string;
  /** A short kebab-case name for `--section <id>`; by default made from the title. */
  id?: string;
  run: () => Promise<void> | void;
}

export interface Demo {
  title: string;
  subtitle: string;
  sections: readonly Section[];
}

/** The kebab-case id of a section: its own, or one made from the first words of its title. */
export function sectionId(section: Section): string {
  if (section.id) return section.id;
  return section.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 4)
    .join('-');
}

export type SectionChoice =
  | { kind: 'all' }
  | { kind: 'list' }
  | { kind: 'some'; indexes: number[] }
  | { kind: 'error'; message: string };

/**
 * Reads `--section <n|id>` (repeatable, or comma-separated) and `--sections` from a demo's arguments.
 * Exported for tests; `runDemo` calls it with `process.argv`.
 */
export function chooseSections(sections: readonly Section[], argv: readonly string[]): SectionChoice {
  let values: { section?: string[]; sections?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: { section: { type: 'string', multiple: true, short: 's' }, sections: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.sections) return { kind: 'list' };
  const wanted = (values.section ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  if (wanted.length === 0) return { kind: 'all' };
  const ids = sections.map(sectionId);
  const indexes: number[] = [];
  for (const w of wanted) {
    const n = /^\d+$/.test(w) ? Number(w) : ids.indexOf(w.toLowerCase()) + 1;
    if (n >= 1 && n <= sections.length) {
      indexes.push(n - 1);
      continue;
    }
    // A prefix (`privat` for `private-fields`) is the likeliest slip; otherwise the nearest by edits.
    const near = ids.find((id) => id.startsWith(w.toLowerCase())) ?? closestMatch(w, ids, 3);
    const hint = near ? `; did you mean '${near}' (${ids.indexOf(near) + 1})?` : '';
    return {
      kind: 'error',
      message: `unknown section '${w}'${hint} — this demo has sections 1-${sections.length}; list them with --sections`,
    };
  }
  return { kind: 'some', indexes: [...new Set(indexes)].sort((a, b) => a - b) };
}

/** The `--sections` listing: number, id and title, one a line. */
export function formatSectionList(sections: readonly Section[]): string[] {
  const ids = sections.map(sectionId);
  const width = Math.max(0, ...ids.map((id) => id.length));
  return sections.map((s, i) => `${String(i + 1).padStart(2)}  ${(ids[i] ?? '').padEnd(width)}  ${s.title}`);
}

/** The two-digit topic id of the package whose demo.ts this process runs, read from its `"lab"` field. */
function runningTopicId(): string | undefined {
  const script = process.argv[1];
  if (!script) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(script), 'package.json'), 'utf8')) as {
      lab?: { part?: number; question?: number };
    };
    const { part, question } = pkg.lab ?? {};
    if (!part || !question) return undefined;
    return String((part - 1) * 10 + question).padStart(2, '0');
  } catch {
    return undefined;
  }
}

/**
 * Runs a topic's walkthrough: the banner, then each chosen section (numbered heading, its why, its code),
 * always releasing services at the end, and turning a failure into one clear line and exit code 1 (the
 * demo runner relies on the exit code). `--section 3`, `--section redis` and `--sections` come from argv.
 */
export async function runDemo(demo: Demo, argv?: readonly string[]): Promise<void>;
/** @deprecated during the move to sections: one closure, no `--section`. */
export async function runDemo(
  heading: string,
  subtitle: string,
  body: () => Promise<void> | void,
): Promise<void>;
export async function runDemo(
  demoOrTitle: Demo | string,
  argvOrSubtitle?: readonly string[] | string,
  body?: () => Promise<void> | void,
): Promise<void> {
  if (typeof demoOrTitle === 'string') {
    const legacy = { title: '', why: '', run: body ?? (() => {}) };
    return runSections(
      { title: demoOrTitle, subtitle: String(argvOrSubtitle ?? ''), sections: [legacy] },
      [],
      true,
    );
  }
  return runSections(
    demoOrTitle,
    Array.isArray(argvOrSubtitle) ? argvOrSubtitle : process.argv.slice(2),
    false,
  );
}

async function runSections(demo: Demo, argv: readonly string[], legacy: boolean): Promise<void> {
  const choice = chooseSections(demo.sections, argv);
  if (choice.kind === 'error') {
    process.stderr.write(`${choice.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (choice.kind === 'list') {
    process.stdout.write(`${formatSectionList(demo.sections).join('\n')}\n`);
    return;
  }
  const id = runningTopicId();
  title(id ? `${id} · ${demo.title}` : demo.title, demo.subtitle);
  const indexes = choice.kind === 'all' ? demo.sections.map((_, i) => i) : choice.indexes;
  try {
    for (const i of indexes) {
      const section = demo.sections[i];
      if (!section) continue;
      if (!legacy) {
        heading(`${i + 1}. ${section.title}`);
        note(section.why);
      }
      await section.run();
    }
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(`${style.red('demo failed:')} ${(error as Error).stack ?? String(error)}\n`);
  } finally {
    // Loaded only now: a demo that never touched a service does not pay for loading pg and ioredis.
    const { closeServices } = await import('./services/registry.ts');
    await closeServices();
  }
}

/**
 * Prints a measured verdict honestly: a ✓ with `lesson` when the numbers just measured agree with it, and
 * otherwise says so — a busy machine can invert a timing — and where the careful measurement lives.
 */
export function lessonCheck(holds: boolean, lesson: string, measured: string, benchHint: string): void {
  if (holds) {
    process.stdout.write(`  ${style.green('✓')} ${lesson} (${measured})\n`);
    return;
  }
  process.stdout.write(
    `  ${style.yellow('!')} this run measured ${measured}, which contradicts the lesson (${lesson}).\n` +
      `    ${style.dim(`The machine is probably busy (other processes share the CPU); see \`${benchHint}\` for repeated, interleaved rounds.`)}\n`,
  );
}

/**
 * A Redis client for a demo section, or `undefined` after one line saying what was skipped, how to get Redis
 * and — when the section has one — which in-process `fallback` it shows instead.
 */
export async function redisOrSkip(what: string, fallback?: string): Promise<Redis | undefined> {
  const { redis } = await import('./services/redis.ts');
  const result = await redis();
  if (result.ok) return result.client;
  const instead = fallback ? ` Showing ${fallback} instead.` : '';
  note(`skipped: ${what} needs Redis (${result.reason}); to run it, ${result.howToGet}.${instead}`);
  return undefined;
}

/**
 * Runs a demo section's Redis part with its keys under `prefix` deleted before and after (the Redis may be
 * shared, so never FLUSHDB); `fn` gets `undefined` when Redis is missing, after `redisOrSkip`'s one line.
 */
export async function withRedisKeys(
  what: string,
  prefix: string,
  fn: (client: Redis | undefined) => Promise<void>,
  fallback?: string,
): Promise<void> {
  const client = await redisOrSkip(what, fallback);
  const { deleteKeysWithPrefix } = await import('./services/redis-keys.ts');
  if (client) await deleteKeysWithPrefix(client, prefix);
  try {
    await fn(client);
  } finally {
    if (client) await deleteKeysWithPrefix(client, prefix);
  }
}
