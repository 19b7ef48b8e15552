import { argumentError, parseCommandLine } from '@lab/tooling/cli';

/** What `pnpm demo …` was asked to do. */
export type Command =
  | { kind: 'pick' }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'all' }
  | { kind: 'run'; topic: string; watch: boolean; sections: string[]; listSections: boolean }
  | { kind: 'error'; message: string };

export const USAGE = `usage: pnpm demo [topic] [--section N|id]... [--sections] [--watch]
       pnpm demo --list | --all | --help

  topic          a slug (rate-limiting) or number (33 or 03)
  --section, -s  run only this section of the topic's demo (a number or an id; repeat for more)
  --sections     list the sections of the topic's demo
  --list         print the topics, grouped by part
  --all          run every demo in order, non-interactively; exit 1 if any fails
  --watch        re-run the topic's demo whenever its files change
  (no arguments: a picker on a terminal, the list otherwise)`;

export function parseArgs(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { kind: 'error', message: argumentError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length > 1)
    return { kind: 'error', message: `one topic at a time (got ${positionals.join(', ')})` };
  const [topic] = positionals;
  const sections = values.section ?? [];
  const listSections = values.sections ?? false;
  if (values.list) return { kind: 'list' };
  if (values.all) {
    if (topic) return { kind: 'error', message: '--all runs every topic; drop the topic name' };
    if (sections.length || listSections)
      return { kind: 'error', message: '--section picks within one topic' };
    return { kind: 'all' };
  }
  if (topic) return { kind: 'run', topic, watch: values.watch ?? false, sections, listSections };
  if (values.watch) return { kind: 'error', message: '--watch needs a topic' };
  if (sections.length || listSections)
    return { kind: 'error', message: '--section and --sections need a topic' };
  return { kind: 'pick' };
}

function parse(argv: readonly string[]) {
  return parseCommandLine(argv, {
    list: { type: 'boolean' },
    all: { type: 'boolean' },
    watch: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    section: { type: 'string', short: 's', multiple: true },
    sections: { type: 'boolean' },
  });
}
