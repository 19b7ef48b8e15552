import {
  check,
  code,
  fasterOrSlower,
  heading,
  kv,
  medianTimePerCall,
  note,
  runDemo,
  say,
  table,
} from '@lab/common';
import { maxOf, pushAll, spreadLimit, tryMaxWithSpread } from './src/argument-limits.ts';
import { inspectArguments } from './src/arguments-object.ts';
import { partial } from './src/forwarding.ts';
import { createLogger } from './src/logger.ts';
import { mergeDefined, mergeSpread, Temperature } from './src/merge-order.ts';
import { connect, createUser, describeRequest } from './src/options-objects.ts';
import { range } from './src/overloads.ts';
import { formatMessage, labelled, sum } from './src/rest-parameters.ts';

/** Median nanoseconds per call over 7 rounds, after two warm-up rounds. */
const nsPerCall = (fn: (i: number) => number, calls: number): number =>
  medianTimePerCall(fn, { calls, rounds: 7, warmupRounds: 2 }) * 1e6;

await runDemo(
  '*args / **kwargs',
  'Part 1, Q7 — rest parameters, spread calls and options objects',
  async () => {
    heading('1. *args → rest parameters (a real array, always last)');
    const list = [10, 20, 30];
    kv({
      'sum(1, 2, 3)': sum(1, 2, 3),
      'sum(...list)': sum(...list),
      'sum(1, ...list, 2)': sum(1, ...list, 2),
      "formatMessage('User {} from {}', 'Ada', 'NYC')": formatMessage('User {} from {}', 'Ada', 'NYC'),
      "labelled('scores', 3, 5)  (rest typed as [string, ...number[]])": labelled('scores', 3, 5),
    });
    const legacy = inspectArguments(1, 2, 3);
    say(`the old \`arguments\` object: Array.isArray → ${legacy.isArray}, has .map → ${legacy.hasMap}`);

    heading('2. **kwargs → one options object, destructured with defaults');
    note(
      'No keyword arguments exist: `f(port=6432)` in JavaScript is an assignment expression.\nDefaults apply to undefined (omitted), never to null.',
    );
    const fromJson = JSON.parse('{"port": null}') as { port?: number };
    table([
      { call: "connect('db')", port: String(connect('db').port), ssl: connect('db').ssl },
      { call: "connect('db', { ssl: true })", port: String(connect('db', { ssl: true }).port), ssl: true },
      {
        call: "connect('db', { port: undefined })",
        port: String(connect('db', { port: undefined }).port),
        ssl: false,
      },
      {
        call: 'connect(\'db\', JSON {"port": null})',
        port: String(connect('db', fromJson).port),
        ssl: false,
      },
    ]);
    try {
      createUser({ name: 'Ada', email: 'ada@example.com', rol: 'admin' } as unknown as Parameters<
        typeof createUser
      >[0]);
    } catch (error) {
      say(`unknown key, checked at run time: ${(error as Error).message}`);
    }
    const request = describeRequest({ url: '/users', method: 'POST', 'x-request-id': 'r-42' });
    say(
      `{ url, method, ...headers } collects the rest: ${request.line} + ${JSON.stringify(request.headers)}`,
    );

    heading("3. The seed's log(message, *args, level=...) — fields first, since rest must be last");
    const log = createLogger((record) => say(JSON.stringify(record)));
    log('User {} logged in from {}', 'Alice', 'NYC');
    log({ level: 'debug', user: 'alice' }, 'User {} logged in from {}', 'Alice', 'NYC');

    heading('4. Forwarding, partial application and overloads');
    const greet = (first: string, last: string, greeting = 'Hello') => `${greeting}, ${first} ${last}!`;
    const helloAda = partial(greet, 'Ada');
    kv({
      "partial(greet, 'Ada')('Lovelace', 'Hi')": helloAda('Lovelace', 'Hi'),
      'range(5)': JSON.stringify(range(5)),
      'range(10, 0, -3)': JSON.stringify(range(10, 0, -3)),
    });
    note('Parameters<typeof range> sees only the last overload: see test/types.test.ts.');

    heading('5. Object spread: later wins, and a present undefined wins too');
    const defaults = { host: 'localhost', port: 5432 };
    const fromEnv = { port: undefined as number | undefined };
    code(`{ ...defaults, ...{ port: 6432 } }  → ${JSON.stringify(mergeSpread(defaults, { port: 6432 }))}`);
    code(
      `{ ...defaults, ...{ port: undefined } } → ${String(mergeSpread(defaults, fromEnv).port)} (default erased)`,
    );
    code(`mergeDefined(defaults, { port: undefined }) → ${mergeDefined(defaults, fromEnv).port}`);
    const reading = new Temperature();
    Object.assign(reading, { celsius: 30 });
    const copy = { ...reading };
    check(reading.log.length === 1, `Object.assign ran the setter (${reading.log.join(', ')}), in place`);
    check(
      !(copy instanceof Temperature),
      `spread made a plain object: keys ${JSON.stringify(Object.keys(copy))}, no getters`,
    );

    heading('6. Spreading a huge array hits the stack: RangeError, and the fix');
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    const outcome = tryMaxWithSpread(huge);
    say(
      `Math.max(...1,000,000 numbers) → ${outcome.ok ? outcome.value : `${outcome.error.name}: ${outcome.error.message}`}`,
    );
    say(`largest spread Math.max accepted here: ${spreadLimit().toLocaleString('en-US')} arguments`);
    say(`maxOf(values) (a loop) → ${maxOf(huge)}; pushAll in 10k chunks → length ${pushAll([], huge)}`);

    heading('7. What spreading costs (measured now: median of 7 rounds)');
    const add3 = (a: number, b: number, c: number) => a + b + c;
    const triples = Array.from({ length: 16 }, (_, i): [number, number, number] => [i, i * 2, i * 3]);
    const pick = (i: number): [number, number, number] => triples[i & 15] ?? [0, 0, 0];
    const fifty = huge.slice(0, 50_000);
    const rows = {
      direct: nsPerCall((i) => {
        const t = pick(i);
        return add3(t[0], t[1], t[2]);
      }, 1_000_000),
      spread: nsPerCall((i) => add3(...pick(i)), 1_000_000),
      maxSpread: nsPerCall(() => Math.max(...fifty), 200),
      maxLoop: nsPerCall(() => maxOf(fifty), 200),
    };
    table([
      { call: 'add3(t[0], t[1], t[2])', 'ns/call': rows.direct },
      { call: 'add3(...t)', 'ns/call': rows.spread },
      { call: 'Math.max(...50,000 values)', 'ns/call': rows.maxSpread },
      { call: 'maxOf(50,000 values)', 'ns/call': rows.maxLoop },
    ]);
    say(`spread adds ${(rows.spread - rows.direct).toFixed(1)} ns per 3-argument call`);
    say(
      `for 50,000 values the loop is ${fasterOrSlower(rows.maxLoop, rows.maxSpread)} than the spread, and has no limit`,
    );
  },
);
