import type { DestinationStream } from 'pino';

/** One parsed log line. */
export type LogRecord = Record<string, unknown>;

/**
 * A destination that keeps every line pino writes, raw and parsed. pino calls `write` synchronously for
 * each line, so a test reads the lines as soon as the logging call returns — no flush, no sleep.
 */
export class LogCapture implements DestinationStream {
  readonly lines: string[] = [];
  readonly records: LogRecord[] = [];

  write(line: string): void {
    this.lines.push(line);
    // Every line must be one JSON object: a line that is not is a bug the tests should see at once.
    this.records.push(JSON.parse(line) as LogRecord);
  }

  /** Everything written, as one string: what a `grep` for a secret searches. */
  text(): string {
    return this.lines.join('');
  }

  /** The records whose `msg` is `msg`. */
  withMessage(msg: string): LogRecord[] {
    return this.records.filter((record) => record.msg === msg);
  }

  clear(): void {
    this.lines.length = 0;
    this.records.length = 0;
  }
}
