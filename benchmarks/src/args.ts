import { argumentError, parseCommandLine } from '@lab/tooling/cli';

/** What `pnpm bench …` was asked to do. */
export type Command =
  | { kind: 'help' }
  | { kind: 'render' }
  | { kind: 'run'; topics: string[]; smoke: boolean }
  | { kind: 'error'; message: string };

export const USAGE = `usage: pnpm bench [topic]... [--smoke]
       pnpm bench --render | --help

  topic     a slug (rate-limiting) or number (33 or 03); every topic when omitted
  --smoke   a handful of iterations per bench (CI); results are printed, not saved
  --render  rewrite RESULTS.md and the charts from results/*.json without running anything`;

export function parseArgs(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { kind: 'error', message: argumentError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.render) {
    if (positionals.length || values.smoke)
      return { kind: 'error', message: '--render runs nothing; drop the topics and --smoke' };
    return { kind: 'render' };
  }
  return { kind: 'run', topics: positionals, smoke: values.smoke ?? false };
}

function parse(argv: readonly string[]) {
  return parseCommandLine(argv, {
    smoke: { type: 'boolean' },
    render: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}
