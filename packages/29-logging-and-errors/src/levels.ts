import { closestMatch } from '@lab/common/text';

/** pino's level names, most severe first; `silent` turns logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/** A log level the configuration names but pino does not know: a start-up error, not a silent default. */
export class LogConfigError extends Error {
  override name = 'LogConfigError';
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly suggestion: LogLevel | undefined,
  ) {
    const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
    super(
      `${variable}=${JSON.stringify(value.slice(0, 40))} is not a log level (${LOG_LEVELS.join(', ')})${hint}`,
    );
  }
}

const isLevel = (value: string): value is LogLevel => (LOG_LEVELS as readonly string[]).includes(value);

/**
 * Reads a level name as an operator types it: case and surrounding spaces do not matter (`WARN `), an
 * empty or missing value means the default, and anything else is refused with the nearest name — Python's
 * `WARNING` and `CRITICAL` are not pino's, and falling back to `info` would hide the typo until the day the
 * debug lines are needed.
 */
export function parseLogLevel(
  raw: string | undefined,
  options: { variable?: string; fallback?: LogLevel } = {},
): LogLevel {
  const { variable = 'LOG_LEVEL', fallback = DEFAULT_LOG_LEVEL } = options;
  if (raw === undefined) return fallback;
  const name = raw.trim().toLowerCase();
  if (name === '') return fallback;
  if (isLevel(name)) return name;
  throw new LogConfigError(variable, raw, closestMatch(name, LOG_LEVELS, 3) as LogLevel | undefined);
}

/** The level from the environment (`LOG_LEVEL` by default): configuration, not a code change and a deploy. */
export function levelFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  variable = 'LOG_LEVEL',
  fallback: LogLevel = DEFAULT_LOG_LEVEL,
): LogLevel {
  return parseLogLevel(env[variable], { variable, fallback });
}
