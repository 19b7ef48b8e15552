import { timeBench } from '@lab/common/bench';
import { maxOf } from '../src/argument-limits.ts';
import { mergeDefined } from '../src/merge-order.ts';
import { connect, connectPositional } from '../src/options-objects.ts';
import { sum } from '../src/rest-parameters.ts';

const CALLS = 1_000;
/** Results go here so the optimiser cannot drop the work. */
let sink = 0;

function add3(a: number, b: number, c: number): number {
  return a + b + c;
}
// Varied per call so no call can be folded into a constant.
const triples: Array<[number, number, number]> = Array.from({ length: 16 }, (_, i) => [i, i * 2, i * 3]);
const triple = (i: number): [number, number, number] => triples[i & 15] ?? [0, 0, 0];

const defaults = { host: 'localhost', port: 5432, ssl: false, timeoutMs: 5_000, poolSize: 10 };
const overrideSets = [{ port: 6432 }, { ssl: true, poolSize: 20 }, { host: 'db', timeoutMs: 1_000 }];
const overrides = (i: number) => overrideSets[i % 3] ?? {};

const LARGE = 50_000; // well under the ~120k argument limit, so every contender can run
const values = Array.from({ length: LARGE }, (_, i) => (i * 7919) % LARGE);

export default [
  timeBench({
    title:
      'Calling add3(a, b, c) with arguments from an array: direct, spread, apply (1,000 calls per sample)',
    baseline: 'direct add3(t[0], t[1], t[2])',
    opsPerCall: CALLS,
    tasks: {
      'direct add3(t[0], t[1], t[2])': () => {
        for (let i = 0; i < CALLS; i++) {
          const t = triple(i);
          sink += add3(t[0], t[1], t[2]);
        }
      },
      'spread add3(...t)': () => {
        for (let i = 0; i < CALLS; i++) sink += add3(...triple(i));
      },
      'add3.apply(undefined, t)': () => {
        for (let i = 0; i < CALLS; i++) sink += add3.apply(undefined, triple(i));
      },
      'rest callee sum(...t)': () => {
        for (let i = 0; i < CALLS; i++) sink += sum(...triple(i));
      },
    },
    claims: [
      {
        says: 'A spread call of a 3-element array costs more than a direct call, but under 10× (nanoseconds)',
        subject: 'spread add3(...t)',
        above: 1,
        below: 10,
      },
      {
        says: 'fn.apply(undefined, array) is no faster than a spread call (no reason to prefer apply)',
        subject: 'add3.apply(undefined, t)',
        against: 'spread add3(...t)',
        above: 0.7,
      },
    ],
  }),
  timeBench({
    title: 'Merging a 5-key defaults object with overrides (1,000 merges per sample)',
    baseline: '{ ...defaults, ...overrides }',
    opsPerCall: CALLS,
    tasks: {
      '{ ...defaults, ...overrides }': () => {
        for (let i = 0; i < CALLS; i++) sink += { ...defaults, ...overrides(i) }.port;
      },
      'Object.assign({}, defaults, overrides)': () => {
        for (let i = 0; i < CALLS; i++) sink += Object.assign({}, defaults, overrides(i)).port;
      },
      'mergeDefined (skips undefined)': () => {
        for (let i = 0; i < CALLS; i++) sink += mergeDefined(defaults, overrides(i)).port;
      },
    },
    claims: [
      {
        says: 'Object spread merges into a fresh object faster than Object.assign({}, …)',
        subject: 'Object.assign({}, defaults, overrides)',
        above: 1.2,
      },
      {
        says: 'Dropping undefined first (mergeDefined) costs more than a plain spread, but under 15×',
        subject: 'mergeDefined (skips undefined)',
        above: 1,
        below: 15,
      },
    ],
  }),
  timeBench({
    title: 'Maximum of 50,000 numbers: Math.max(...values) vs a loop',
    baseline: 'Math.max(...values)',
    tasks: {
      'Math.max(...values)': () => {
        sink += Math.max(...values);
      },
      'Math.max.apply(undefined, values)': () => {
        sink += Math.max.apply(undefined, values);
      },
      'maxOf(values) (indexed loop)': () => {
        sink += maxOf(values);
      },
      'values.reduce((a, b) => Math.max(a, b))': () => {
        sink += values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
      },
    },
    claims: [
      {
        says: 'An indexed loop is at least as fast as spreading 50,000 arguments into Math.max, and has no size limit',
        subject: 'maxOf(values) (indexed loop)',
        below: 1,
      },
    ],
  }),
  timeBench({
    title: 'Options object vs positional parameters (connect(host, { port }) vs connect(host, port))',
    baseline: 'positional',
    opsPerCall: CALLS,
    tasks: {
      positional: () => {
        for (let i = 0; i < CALLS; i++) sink += connectPositional('db', 5_000 + (i & 7)).port;
      },
      'options object': () => {
        for (let i = 0; i < CALLS; i++) sink += connect('db', { port: 5_000 + (i & 7) }).port;
      },
    },
    claims: [
      {
        says: 'An options object with destructured defaults costs under 2× positional parameters',
        subject: 'options object',
        below: 2,
      },
    ],
  }),
];

// Read from outside, so the accumulated results stay observable to the optimiser (and to the linter).
export const observedSink = (): number => sink;
