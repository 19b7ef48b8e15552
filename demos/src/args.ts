/** What `pnpm demo …` was asked to do. */
export type Command =
  | { kind: 'pick' }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'all' }
  | { kind: 'run'; topic: string; watch: boolean }
  | { kind: 'error'; message: string };

export const USAGE = `usage: pnpm demo [topic] [--watch]
       pnpm demo --list | --all | --help

  topic     a slug (rate-limiting) or number (33 or 03)
  --list    print the topics, grouped by part
  --all     run every demo in order, non-interactively; exit 1 if any fails
  --watch   re-run the topic's demo whenever its files change
  (no arguments: a picker on a terminal, the list otherwise)`;

export function parseArgs(argv: readonly string[]): Command {
  // pnpm forwards a literal `--` when the user types `pnpm demo -- 03`.
  const args = argv.filter((a) => a !== '--');
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const known = new Set(['--list', '--all', '--watch', '--help', '-h']);
  const unknown = flags.find((f) => !known.has(f));
  if (unknown) return { kind: 'error', message: `unknown option '${unknown}'` };
  if (flags.includes('--help') || flags.includes('-h')) return { kind: 'help' };
  if (words.length > 1) return { kind: 'error', message: `one topic at a time (got ${words.join(', ')})` };
  const [topic] = words;
  if (flags.includes('--list')) return { kind: 'list' };
  if (flags.includes('--all')) {
    return topic
      ? { kind: 'error', message: '--all runs every topic; drop the topic name' }
      : { kind: 'all' };
  }
  if (topic) return { kind: 'run', topic, watch: flags.includes('--watch') };
  if (flags.includes('--watch')) return { kind: 'error', message: '--watch needs a topic' };
  return { kind: 'pick' };
}
