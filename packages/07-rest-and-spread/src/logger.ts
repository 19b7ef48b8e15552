import { formatMessage } from './rest-parameters.ts';

/**
 * The seed's `log(message, *args, level="INFO", **kwargs)`, in TypeScript. A rest parameter must be last,
 * so named options cannot follow it as they follow `*args` in Python. The convention (pino's, among
 * others) is to put the fields object *first*, and to distinguish the two call shapes with overloads.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface LogFields {
  level?: Level;
  [field: string]: unknown;
}

export interface LogRecord {
  level: Level;
  message: string;
  fields: Record<string, unknown>;
}

export interface Logger {
  (message: string, ...args: unknown[]): LogRecord;
  (fields: LogFields, message: string, ...args: unknown[]): LogRecord;
}

/** A logger writing records to `sink` (one JSON line to stdout by default). */
export function createLogger(
  sink: (record: LogRecord) => void = (r) => console.log(JSON.stringify(r)),
): Logger {
  function log(message: string, ...args: unknown[]): LogRecord;
  function log(fields: LogFields, message: string, ...args: unknown[]): LogRecord;
  function log(first: string | LogFields, ...rest: unknown[]): LogRecord {
    const [fields, message, args]: [LogFields, unknown, unknown[]] =
      typeof first === 'string' ? [{}, first, rest] : [first, rest[0], rest.slice(1)];
    if (typeof message !== 'string') throw new TypeError('log(): the message must be a string');
    const { level = 'info', ...extra } = fields;
    const record = { level, message: formatMessage(message, ...args), fields: extra };
    sink(record);
    return record;
  }
  return log;
}
