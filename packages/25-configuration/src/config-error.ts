/** Where a setting's raw value came from, lowest priority first. */
export type Source = 'default' | 'file' | 'env';

export const SOURCE_NAMES: Record<Source, string> = {
  default: 'defaults',
  file: '.env file',
  env: 'environment',
};

/** One thing wrong with the configuration: enough to fix it, never the value of a secret. */
export interface ConfigIssue {
  /** The variable, or `<file>:<line>` for a problem in the .env file itself. */
  key: string;
  /** Which layer the offending value came from; absent when it was not set anywhere. */
  source?: Source;
  /** What the setting needs. */
  expected: string;
  /** What was there: quoted and escaped, cut to 40 characters — or `[redacted]` for a secret. */
  found: string;
}

/** Thrown once at start-up with every problem, so an operator fixes them all in one deploy, not one per restart. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = 'ConfigError';
    this.issues = Object.freeze([...issues]);
  }
}

export function formatIssues(issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map(({ key, source, expected, found }) => {
    const where = source ? ` (from the ${SOURCE_NAMES[source]})` : '';
    return `  - ${key}${where}: ${expected}; found ${found}`;
  });
  return [`Invalid configuration, ${count}:`, ...lines].join('\n');
}

const SHOWN = 40;

/**
 * How an issue shows a raw value. JSON.stringify escapes what would garble a terminal or a log line
 * (NUL, newlines, lone surrogates); a long value is cut so a 10 kB paste does not become a 10 kB log line.
 */
export function describeValue(raw: unknown, isSecret: boolean): string {
  if (raw === undefined) return 'nothing';
  if (typeof raw !== 'string') return `a ${raw === null ? 'null' : typeof raw}`;
  if (isSecret) return `[redacted] (${raw.length} characters)`;
  if (raw.length <= SHOWN) return JSON.stringify(raw);
  return `${JSON.stringify(raw.slice(0, SHOWN))}… (${raw.length} characters)`;
}
