import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';
import type { RequestContext } from './request-context.ts';

/** A stream that accepts every write and keeps nothing: what the writers are compared on (no disk, no pipe). */
export function nullStream(): Writable & { bytes: number } {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stream.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  stream.bytes = 0;
  return stream;
}

export type WriteLine = (fields: Record<string, unknown>, msg: string) => void;

/**
 * Four ways to write the same request-log line to the same stream, for the bench and the demo:
 * hand-rolled JSON (the floor: one JSON.stringify and one write), `console.log` of the object (what a
 * quick script does: util.inspect, not JSON), pino, and pino with the request-id mixin reading
 * AsyncLocalStorage on every line. The JSON writers put the same fields on the line (level, time, msg).
 */
export function lineWriters(stream: Writable, context: RequestContext): Record<string, WriteLine> {
  const console = new Console({ stdout: stream, stderr: stream });
  // Epoch time and no base: the same fields as the hand-rolled line, so only the machinery differs.
  const plain = createLogger({ destination: stream, time: 'epoch', redact: false });
  const withContext = createLogger({ destination: stream, time: 'epoch', redact: false, context });
  return {
    'JSON.stringify + write': (fields, msg) => {
      stream.write(`${JSON.stringify({ level: 'info', time: Date.now(), ...fields, msg })}\n`);
    },
    'console.log (util.inspect)': (fields, msg) => console.log(msg, fields),
    pino: (fields, msg) => plain.info(fields, msg),
    'pino + request-id mixin': (fields, msg) => withContext.info(fields, msg),
  };
}
