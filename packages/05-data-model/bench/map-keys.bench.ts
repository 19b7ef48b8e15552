import { timeBench } from '@lab/common/bench';
import { Money, ValueMap } from '../src/index.ts';

const N = 1000;
const amounts = Array.from({ length: N }, (_, i) => Money.fromMinor(BigInt(i * 37), i % 2 ? 'USD' : 'EUR'));
// Equal values, different objects: what a request handler actually has in hand.
const lookalikes = amounts.map((m) => Money.fromMinor(m.minor, m.currency));
const strings = amounts.map((m) => m.key());

const byIdentity = new Map(amounts.map((m, i) => [m, i]));
const byString = new Map(amounts.map((m, i) => [m.key(), i]));
const byValue = new ValueMap<Money, number>((m) => m.key());
for (const [i, m] of amounts.entries()) byValue.set(m, i);

let sink = 0;

export default [
  timeBench({
    title: `Map lookups: object identity vs value keys (${N} keys, per lookup)`,
    baseline: 'Map by identity (same objects)',
    opsPerCall: N,
    tasks: {
      'Map by identity (same objects)': () => {
        for (const m of amounts) sink += byIdentity.get(m) ?? 0;
      },
      'Map by precomputed string': () => {
        for (const k of strings) sink += byString.get(k) ?? 0;
      },
      'Map by key() per lookup': () => {
        for (const m of lookalikes) sink += byString.get(m.key()) ?? 0;
      },
      'ValueMap (key() inside)': () => {
        for (const m of lookalikes) sink += byValue.get(m) ?? 0;
      },
    },
    teardown: () => {
      if (sink === -1) console.log(sink);
    },
    claims: [
      {
        says: 'a lookup by a precomputed string key costs within 3× of an identity lookup',
        subject: 'Map by precomputed string',
        below: 3,
      },
      {
        says: 'deriving the value key on every lookup is the expensive part: it costs more than the lookup itself',
        subject: 'Map by key() per lookup',
        against: 'Map by precomputed string',
        above: 2,
        seed: 'Python hashes the (amount, currency) tuple in __hash__ on every dict lookup as well',
      },
    ],
  }),
];
