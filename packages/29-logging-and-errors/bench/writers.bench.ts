/**
 * One request-log line, written four ways to the same null Writable (no disk, no pipe, so the machinery is
 * what is timed): hand-rolled JSON.stringify + write, console.log, pino, pino with the request-id mixin.
 * The same 1,000 line objects per sample for each, inside one request context; contenders take turns.
 */
import { interleaved, measureBench } from '@lab/common/bench';
import { lineWriters, nullStream } from '../src/line-writers.ts';
import { createLogger } from '../src/logger.ts';
import { DEFAULT_REDACT_PATHS } from '../src/redaction.ts';
import { RequestContext } from '../src/request-context.ts';

const LINES = 1_000;

const requestLines = Array.from({ length: LINES }, (_, i) => ({
  method: i % 3 === 0 ? 'POST' : 'GET',
  path: `/users/${i + 1}/orders`,
  status: i % 10 === 0 ? 404 : 200,
  durationMs: (i % 97) / 7,
  user: { id: i + 1, plan: 'pro' },
}));

const loginLines = Array.from({ length: LINES }, (_, i) => ({
  user: { id: i + 1, email: `user${i}@example.com`, password: `pw-${i}` },
  req: { method: 'POST', path: '/login', headers: { authorization: `Bearer t${i}`, 'user-agent': 'curl/8' } },
  token: `tok-${i}`,
}));

// The three secrets of a login line, each at its exact place: what a hot call site can list instead.
const EXACT_PATHS = ['user.password', 'req.headers.authorization', 'token'];

const rounds = (smoke: boolean) => ({
  rounds: smoke ? 2 : 40,
  warmupRounds: smoke ? 1 : 5,
  opsPerCall: LINES,
});

export default [
  measureBench({
    title: `Writing a request-log line to a null stream (${LINES} lines a sample)`,
    baseline: 'JSON.stringify + write',
    unit: 'µs/line',
    better: 'lower',
    measure: async ({ smoke }) => {
      const context = new RequestContext();
      const writers = lineWriters(nullStream(), context);
      const tasks = Object.fromEntries(
        Object.entries(writers).map(([name, write]) => [
          name,
          () =>
            context.run({ requestId: 'bench-1' }, () => {
              for (const line of requestLines) write(line, 'request completed');
            }),
        ]),
      );
      const samples = await interleaved(tasks, rounds(smoke));
      return Object.fromEntries(Object.entries(samples).map(([name, ms]) => [name, ms.map((v) => v * 1000)]));
    },
    claims: [
      {
        says: 'console.log (util.inspect, not JSON) costs more per line than pino (over 1.3×)',
        subject: 'console.log (util.inspect)',
        against: 'pino',
        above: 1.3,
        seed: 'structured logging, "not print statements"',
      },
      {
        says: 'pino costs under 4× a hand-rolled JSON.stringify + write of the same fields',
        subject: 'pino',
        below: 4,
      },
      {
        says: 'the request-id mixin (an AsyncLocalStorage read and a merge per line) costs under 2.5× plain pino',
        subject: 'pino + request-id mixin',
        against: 'pino',
        below: 2.5,
      },
    ],
  }),
  measureBench({
    title: `pino with and without redaction (3 exact paths; the ${DEFAULT_REDACT_PATHS.length} default paths), a login line with 3 secrets`,
    baseline: 'pino, no redaction',
    unit: 'µs/line',
    better: 'lower',
    measure: async ({ smoke }) => {
      const stream = nullStream();
      const loggers = {
        'pino, no redaction': createLogger({ destination: stream, time: 'epoch', redact: false }),
        'pino, 3 exact paths': createLogger({ destination: stream, time: 'epoch', redact: EXACT_PATHS }),
        'pino, default paths (with *. wildcards)': createLogger({ destination: stream, time: 'epoch' }),
      };
      const debugOff = createLogger({ destination: stream, time: 'epoch', level: 'info' });
      const tasks: Record<string, () => void> = {
        ...Object.fromEntries(
          Object.entries(loggers).map(([name, logger]) => [
            name,
            () => {
              for (const line of loginLines) logger.info(line, 'login');
            },
          ]),
        ),
        'debug call below the level (dropped)': () => {
          for (const line of loginLines) debugOff.debug(line, 'login');
        },
      };
      const samples = await interleaved(tasks, rounds(smoke));
      return Object.fromEntries(Object.entries(samples).map(([name, ms]) => [name, ms.map((v) => v * 1000)]));
    },
    claims: [
      {
        says: 'redacting 3 exact paths costs under 3× the same line unredacted',
        subject: 'pino, 3 exact paths',
        below: 3,
      },
      {
        says: 'the default paths, with their *. wildcards, cost at least 1.5× the 3 exact paths',
        subject: 'pino, default paths (with *. wildcards)',
        against: 'pino, 3 exact paths',
        above: 1.5,
      },
      {
        says: 'a debug call below the configured level costs under 1/10 of a written line',
        subject: 'debug call below the level (dropped)',
        below: 0.1,
      },
    ],
  }),
];
