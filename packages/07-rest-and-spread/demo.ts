import {
  check,
  code,
  fasterOrSlower,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  note,
  runDemo,
  say,
  summarize,
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

/**
 * Median nanoseconds per call of each task, timed in turns (A B, B A, …) after two warm-up rounds, so a burst
 * of load from other processes lands on both contenders instead of deciding the comparison.
 */
function nsPerCallInTurns<K extends string>(
  tasks: Record<K, (i: number) => unknown>,
  calls: number,
  rounds = 9,
): Record<K, number> {
  const names = Object.keys(tasks) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let round = -2; round < rounds; round++) {
    const shift = (round + names.length * 2) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const ms = medianTimePerCall(tasks[name], { calls, rounds: 1 });
      if (round >= 0) samples.get(name)?.push(ms * 1e6);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples.get(name) ?? []).median])) as Record<
    K,
    number
  >;
}

/**
 * Many short calls of maxOf before its first long one. A first call over a million elements makes V8 compile
 * only the loop, mid-call (on-stack replacement), and later calls can keep running code about half as fast
 * as the fully optimised function the bench measures.
 */
function warmUpMaxOf(): void {
  const short = numbers(100);
  for (let i = 0; i < 20_000; i++) maxOf(short);
}

/** 0, 1, 2, … n-1: big enough inputs for the stack-limit and cost sections. */
const numbers = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function restSection(): void {
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
}

function optionsSection(): void {
  const fromJson = JSON.parse('{"port": null}') as { port?: number };
  table([
    { call: "connect('db')", port: String(connect('db').port), ssl: connect('db').ssl },
    { call: "connect('db', { ssl: true })", port: String(connect('db', { ssl: true }).port), ssl: true },
    {
      call: "connect('db', { port: undefined })",
      port: String(connect('db', { port: undefined }).port),
      ssl: false,
    },
    { call: 'connect(\'db\', JSON {"port": null})', port: String(connect('db', fromJson).port), ssl: false },
  ]);
  try {
    createUser({ name: 'Ada', email: 'ada@example.com', rol: 'admin' } as unknown as Parameters<
      typeof createUser
    >[0]);
  } catch (error) {
    say(`unknown key, checked at run time: ${(error as Error).message}`);
  }
  const request = describeRequest({ url: '/users', method: 'POST', 'x-request-id': 'r-42' });
  say(`{ url, method, ...headers } collects the rest: ${request.line} + ${JSON.stringify(request.headers)}`);
}

function loggerSection(): void {
  const log = createLogger((record) => say(JSON.stringify(record)));
  log('User {} logged in from {}', 'Alice', 'NYC');
  log({ level: 'debug', user: 'alice' }, 'User {} logged in from {}', 'Alice', 'NYC');
}

function forwardingSection(): void {
  const greet = (first: string, last: string, greeting = 'Hello') => `${greeting}, ${first} ${last}!`;
  const helloAda = partial(greet, 'Ada');
  kv({
    "partial(greet, 'Ada')('Lovelace', 'Hi')": helloAda('Lovelace', 'Hi'),
    'range(5)': JSON.stringify(range(5)),
    'range(10, 0, -3)': JSON.stringify(range(10, 0, -3)),
  });
  note('Parameters<typeof range> sees only the last overload: see test/types.test.ts.');
}

function mergeSection(): void {
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
}

function stackLimitSection(): void {
  warmUpMaxOf();
  const huge = numbers(1_000_000);
  const outcome = tryMaxWithSpread(huge);
  say(
    `Math.max(...1,000,000 numbers) → ${outcome.ok ? outcome.value : `${outcome.error.name}: ${outcome.error.message}`}`,
  );
  say(`largest spread Math.max accepted here: ${spreadLimit().toLocaleString('en-US')} arguments`);
  say(`maxOf(values) (a loop) → ${maxOf(huge)}; pushAll in 10k chunks → length ${pushAll([], huge)}`);
}

function costSection(): void {
  const add3 = (a: number, b: number, c: number) => a + b + c;
  const triples = Array.from({ length: 16 }, (_, i): [number, number, number] => [i, i * 2, i * 3]);
  const pick = (i: number): [number, number, number] => triples[i & 15] ?? [0, 0, 0];
  const fifty = numbers(50_000);
  const calls = nsPerCallInTurns(
    {
      direct: (i) => {
        const t = pick(i);
        return add3(t[0], t[1], t[2]);
      },
      spread: (i) => add3(...pick(i)),
    },
    200_000,
    15,
  );
  warmUpMaxOf();
  const max = nsPerCallInTurns({ spread: () => Math.max(...fifty), loop: () => maxOf(fifty) }, 30, 15);
  const ns = { ...calls, maxSpread: max.spread, maxLoop: max.loop };
  table([
    { call: 'add3(t[0], t[1], t[2])', 'ns/call': ns.direct },
    { call: 'add3(...t)', 'ns/call': ns.spread },
    { call: 'Math.max(...50,000 values)', 'ns/call': ns.maxSpread },
    { call: 'maxOf(50,000 values)', 'ns/call': ns.maxLoop },
  ]);
  const spreadRatio = ns.spread / ns.direct;
  lessonCheck(
    spreadRatio > 1,
    'a spread call costs more than a direct call: a few nanoseconds, which matters only in a hot loop',
    `${formatNumber(ns.spread)} vs ${formatNumber(ns.direct)} ns, ${formatNumber(spreadRatio)}×`,
    'pnpm bench rest-and-spread',
  );
  lessonCheck(
    ns.maxLoop <= ns.maxSpread,
    'for 50,000 values a loop is at least as fast as Math.max(...values), and has no size limit',
    `the loop was ${fasterOrSlower(ns.maxLoop, ns.maxSpread)} than the spread`,
    'pnpm bench rest-and-spread',
  );
}

await runDemo({
  title: '*args / **kwargs',
  subtitle: 'Part 1, Q7 — rest parameters, spread calls and options objects',
  sections: [
    {
      id: 'rest',
      title: '*args → rest parameters (a real array, always last)',
      why: 'One rest parameter collects what is left into a real array; a spread call passes an array as arguments.',
      run: restSection,
    },
    {
      id: 'options',
      title: '**kwargs → one options object, destructured with defaults',
      why: 'No keyword arguments exist: `f(port=6432)` in JavaScript is an assignment expression.\nDefaults apply to undefined (omitted), never to null.',
      run: optionsSection,
    },
    {
      id: 'logger',
      title: "The seed's log(message, *args, level=...) — fields first, since rest must be last",
      why: 'Nothing can follow a rest parameter, so named options move to the front and overloads tell the two shapes apart.',
      run: loggerSection,
    },
    {
      id: 'forwarding',
      title: 'Forwarding, partial application and overloads',
      why: 'Variadic tuple types keep a wrapper typed; overloads express what optional leading arguments cannot.',
      run: forwardingSection,
    },
    {
      id: 'merge',
      title: 'Object spread: later wins, and a present undefined wins too',
      why: '{**a, **b} becomes { ...a, ...b }; unlike Python, an optional property can hold undefined and erase a default.',
      run: mergeSection,
    },
    {
      id: 'stack-limit',
      title: 'Spreading a huge array hits the stack: RangeError, and the fix',
      why: 'Every spread element becomes an argument on the stack; past about a hundred thousand the call throws.',
      run: stackLimitSection,
    },
    {
      id: 'cost',
      title: 'What spreading costs (measured now, in alternating rounds)',
      why: 'A quick look; the verdicts below are computed from these numbers, and `pnpm bench rest-and-spread` repeats them properly.',
      run: costSection,
    },
  ],
});
