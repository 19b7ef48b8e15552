import { interleaved, measureBench } from '@lab/common/bench';
import {
  AccessorRating,
  DecoratedRating,
  GetterRating,
  PlainRating,
  proxiedRating,
} from '../src/_contenders.ts';

const OPS = 10_000;
let sink = 0;

// Two instances of each, used alternately: with one, V8 may hoist a read out of the loop (nothing in the
// loop writes to it) and the bench would time an empty loop.
const plain = [new PlainRating(), new PlainRating()] as const;
const getter = [new GetterRating(), new GetterRating()] as const;
const accessor = [new AccessorRating(), new AccessorRating()] as const;
const decorated = [new DecoratedRating(), new DecoratedRating()] as const;
const proxy = [proxiedRating(), proxiedRating()] as const;

// One function per contender, never one loop shared by all: a shared loop would see five object shapes at
// one property access, go megamorphic, and time V8's generic lookup for everybody.
const reads = {
  'plain property': () => {
    for (let i = 0; i < OPS; i++) sink += (i & 1 ? plain[1] : plain[0]).rating;
  },
  'getter over #field': () => {
    for (let i = 0; i < OPS; i++) sink += (i & 1 ? getter[1] : getter[0]).rating;
  },
  'accessor field': () => {
    for (let i = 0; i < OPS; i++) sink += (i & 1 ? accessor[1] : accessor[0]).rating;
  },
  '@range accessor': () => {
    for (let i = 0; i < OPS; i++) sink += (i & 1 ? decorated[1] : decorated[0]).rating;
  },
  'Proxy get trap': () => {
    for (let i = 0; i < OPS; i++) sink += (i & 1 ? proxy[1] : proxy[0]).rating;
  },
};

// Every contender but the plain one checks 0..5 on each write; values cycle 0..4 so none is refused.
const writes = {
  'plain property (no check)': () => {
    for (let i = 0; i < OPS; i++) (i & 1 ? plain[1] : plain[0]).rating = i % 5;
    sink += plain[0].rating + plain[1].rating;
  },
  'setter over #field': () => {
    for (let i = 0; i < OPS; i++) (i & 1 ? getter[1] : getter[0]).rating = i % 5;
    sink += getter[0].rating + getter[1].rating;
  },
  '@range accessor': () => {
    for (let i = 0; i < OPS; i++) (i & 1 ? decorated[1] : decorated[0]).rating = i % 5;
    sink += decorated[0].rating + decorated[1].rating;
  },
  'Proxy set trap': () => {
    for (let i = 0; i < OPS; i++) (i & 1 ? proxy[1] : proxy[0]).rating = i % 5;
    sink += proxy[0].rating + proxy[1].rating;
  },
};

/** interleaved() reports milliseconds per operation; one operation here takes a few nanoseconds. */
const inNanoseconds = (samples: Record<string, number[]>): Record<string, number[]> =>
  Object.fromEntries(Object.entries(samples).map(([name, ms]) => [name, ms.map((m) => m * 1e6)]));

const rounds = (smoke: boolean) =>
  smoke
    ? { rounds: 2, warmupRounds: 1, opsPerCall: OPS }
    : { rounds: 40, warmupRounds: 5, opsPerCall: OPS, targetMs: 4 };

export default [
  measureBench({
    title: 'Reading `rating` 10,000 times: plain property vs getter vs accessor vs @range accessor vs Proxy',
    baseline: 'plain property',
    unit: 'ns/op',
    better: 'lower',
    measure: async ({ smoke }) => inNanoseconds(await interleaved(reads, rounds(smoke))),
    claims: [
      {
        says: 'V8 inlines a simple getter: reading through it costs about the same as a plain property (under 2×)',
        subject: 'getter over #field',
        below: 2,
        seed: 'the series says descriptors power property but gives no cost',
      },
      {
        says: 'An undecorated `accessor` field is a getter over a native #field: under 2× a plain property',
        subject: 'accessor field',
        below: 2,
      },
      {
        says: "Under tsx a decorated accessor reads from a WeakMap (esbuild lowers the class's #fields): over 2× the hand-written getter",
        subject: '@range accessor',
        against: 'getter over #field',
        above: 2,
      },
      {
        says: 'A Proxy get trap cannot be inlined like a getter: a read costs over 4× a plain property',
        subject: 'Proxy get trap',
        above: 4,
      },
    ],
  }),
  measureBench({
    title: 'Writing a checked `rating` 10,000 times: setter vs @range accessor vs Proxy set trap',
    baseline: 'setter over #field',
    unit: 'ns/op',
    better: 'lower',
    measure: async ({ smoke }) => inNanoseconds(await interleaved(writes, rounds(smoke))),
    claims: [
      {
        says: 'A validating Proxy set trap costs over 4× the same check in a setter',
        subject: 'Proxy set trap',
        above: 4,
      },
      {
        says: 'The @range accessor (a generic check, a WeakMap under tsx) costs over 2× a hand-written setter, and stays under the Proxy',
        subject: '@range accessor',
        above: 2,
      },
      {
        says: 'A @range write costs less than a Proxy set trap',
        subject: '@range accessor',
        against: 'Proxy set trap',
        below: 1,
      },
    ],
  }),
];

// Read from outside, so the accumulated results stay observable to the optimiser (and to the linter).
export const observedSink = (): number => sink;
