import pino, { type DestinationStream, type Logger } from 'pino';
import { DEFAULT_LOG_LEVEL, type LogLevel, parseLogLevel } from './levels.ts';
import { DEFAULT_REDACT_PATHS, REDACTED } from './redaction.ts';
import type { RequestContext } from './request-context.ts';

export interface CreateLoggerOptions {
  /** A level name (validated: `LOG_LEVEL=warning` is refused, not ignored). Default `info`. */
  level?: LogLevel | string;
  /** pino redact paths; default `DEFAULT_REDACT_PATHS`; `false` turns redaction off (the bench's peer). */
  redact?: readonly string[] | false;
  /** Where lines go: default stdout through pino's async writer; tests pass a `LogCapture`. */
  destination?: DestinationStream;
  /** Fields on every line, e.g. `{ service: 'orders-api', version }`. Replaces pino's pid and hostname. */
  base?: Record<string, unknown>;
  /** When given, every line carries the current request's id (through a pino `mixin`). */
  context?: RequestContext;
  /** `iso` (default) for people reading the raw stream, `epoch` for the cheapest, `false` for none. */
  time?: 'iso' | 'epoch' | false;
}

const TIME = { iso: pino.stdTimeFunctions.isoTime, epoch: pino.stdTimeFunctions.epochTime } as const;

/**
 * The service's root logger: JSON lines, the level as its name (`"level":"warn"`, readable in any log
 * search, not pino's number 40), secrets censored, and the request id on every line when a context is given.
 * Modules take a child (`moduleLogger`); nothing here is global, so a test builds its own and captures it.
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const { context, redact = DEFAULT_REDACT_PATHS, base = {}, time = 'iso' } = options;
  const level = parseLogLevel(options.level ?? DEFAULT_LOG_LEVEL);
  return pino(
    {
      level,
      base,
      timestamp: time === false ? false : TIME[time],
      formatters: { level: (label) => ({ level: label }) },
      ...(redact === false ? {} : { redact: { paths: [...redact], censor: REDACTED } }),
      // The mixin runs for every line written, so a line logged ten awaits deep in a repository carries the
      // id without anyone passing it down. A field of the same name in the call itself wins.
      ...(context ? { mixin: () => requestFields(context) } : {}),
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

function requestFields(context: RequestContext): Record<string, string> {
  const requestId = context.requestId();
  return requestId === undefined ? {} : { requestId };
}

/**
 * A module's logger: a child that adds `module` to every line (the `logging.getLogger(__name__)` of pino).
 * Children share the root's destination, redaction and mixin, and follow its level unless given their own.
 */
export function moduleLogger(root: Logger, module: string, level?: LogLevel): Logger {
  return root.child({ module }, level === undefined ? {} : { level });
}
