import { fileURLToPath } from 'node:url';
import { measureBench } from '@lab/common/bench';
import { type ColdImport, coldImport } from '../src/architecture/cold-import.ts';

const source = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** The same one function (or, for the model, the one a caller wanted), imported three ways. */
const CONTENDERS = {
  'direct import (architecture/layers.ts)': [source('architecture/layers.ts'), 'checkLayers'],
  'direct import of a model (models/order.ts, zod)': [source('models/order.ts'), 'orderTotalCents'],
  'deep barrel (src/index.ts: every layer, express, pg, zod)': [source('index.ts'), 'checkLayers'],
} as const;
type Contender = keyof typeof CONTENDERS;
const NAMES = Object.keys(CONTENDERS) as Contender[];
const [DIRECT, MODEL, BARREL] = NAMES as [Contender, Contender, Contender];

type Probe = ColdImport;
const probe = (name: Contender) => {
  const [file, exportName] = CONTENDERS[name];
  return coldImport(file, exportName);
};

/**
 * Fresh processes, in rotating order (A B C, B C A, C A B…) so a burst of load on the shared machine hits
 * every contender alike; one untimed round first fills tsx's transform cache, as any second start would.
 */
async function probeAll(smoke: boolean): Promise<Record<Contender, Probe[]>> {
  const rounds = smoke ? 1 : 12;
  const out = Object.fromEntries(NAMES.map((n) => [n, [] as Probe[]])) as Record<Contender, Probe[]>;
  for (const name of NAMES) await probe(name);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < NAMES.length; i++) {
      const name = NAMES[(round + i) % NAMES.length] as Contender;
      out[name].push(await probe(name));
    }
  }
  return out;
}

// Both benches read the same runs: one set of child processes, two views of it.
const probes = new Map<boolean, Promise<Record<Contender, Probe[]>>>();
const probed = (smoke: boolean) => {
  if (!probes.has(smoke)) probes.set(smoke, probeAll(smoke));
  return probes.get(smoke) as Promise<Record<Contender, Probe[]>>;
};
const pick = (all: Record<Contender, Probe[]>, field: keyof Probe) =>
  Object.fromEntries(NAMES.map((n) => [n, all[n].map((p) => p[field])]));

export default [
  measureBench({
    title: 'Cold import of one function in a fresh Node process (time from import() to resolution)',
    baseline: DIRECT,
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => pick(await probed(smoke), 'ms'),
    claims: [
      {
        says: 'Importing one function through the deep barrel takes over 3× as long as importing its file directly',
        subject: BARREL,
        above: 3,
        seed: 'The series recommends "one __init__.py export" per package; it gives no start-up figure',
      },
    ],
  }),
  measureBench({
    title: 'Modules loaded by that one import (ES modules by a load hook + CommonJS in require.cache)',
    baseline: DIRECT,
    unit: 'modules',
    better: 'lower',
    measure: async ({ smoke }) => pick(await probed(smoke), 'modules'),
    claims: [
      {
        says: 'The deep barrel loads over 20× the modules of the direct import (every layer and its packages)',
        subject: BARREL,
        above: 20,
      },
      {
        says: "It loads over twice the modules of importing a model directly (zod's own files included)",
        subject: BARREL,
        against: MODEL,
        above: 2,
      },
    ],
  }),
];
