import { measureHeap } from '@lab/common';
import { interleaved, measureBench } from '@lab/common/bench';
import { fill, MAKERS, type PointData } from '../src/_shapes.ts';
import { EmployeeRecord } from '../src/schemas.ts';

/** Records per timed call: one record takes nanoseconds, far below the timer's resolution. */
const BATCH = 1_000;
/** Records held for the memory measurement: enough that the per-object figure is not lost in GC noise. */
const HELD = 200_000;

const body = { name: 'Ada', salary: 100, skills: ['sql'], hiredAt: '2024-01-01T00:00:00Z' };

function creationTasks(): Record<string, () => unknown> {
  const tasks: Record<string, () => unknown> = {};
  for (const [name, make] of Object.entries(MAKERS)) {
    const out = new Array<PointData>(BATCH);
    tasks[name] = () => fill(out, make);
  }
  const parsed = new Array<unknown>(BATCH);
  tasks['zod-parsed record (4 fields)'] = () => {
    for (let i = 0; i < BATCH; i++) parsed[i] = EmployeeRecord.parse(body);
    return parsed;
  };
  return tasks;
}

/** Bytes each record keeps alive: retained heap of HELD records (and the array holding them) / HELD. */
function bytesPerRecord(make: (x: number, y: number, label: string) => PointData, count: number): number {
  return measureHeap(() => fill(new Array<PointData>(count), make)).retainedBytes / count;
}

export default [
  measureBench({
    title: `Creating 1,000 three-field records: literal vs class vs frozen (and a zod-parsed record)`,
    baseline: 'object literal',
    unit: 'ms per 1,000 records',
    better: 'lower',
    // Interleaved rounds: allocation-heavy contenders timed back to back would each pay for the previous
    // one's garbage at random; in turns, every contender meets the same collector.
    measure: async ({ smoke }) => {
      const samples = await interleaved(creationTasks(), {
        rounds: smoke ? 3 : 40,
        warmupRounds: smoke ? 1 : 5,
        targetMs: smoke ? 1 : 20,
      });
      return samples;
    },
    claims: [
      {
        says: 'A class instance costs about what an object literal costs to create (between 0.5× and 2×): both get a fixed hidden class',
        subject: 'class instance',
        above: 0.5,
        below: 2,
      },
      {
        says: 'Object.freeze makes creation slower: a frozen literal costs over 1.3× a plain one',
        subject: 'frozen literal',
        above: 1.3,
      },
      {
        says: 'Validating with zod costs over 10× creating the record directly',
        subject: 'zod-parsed record (4 fields)',
        above: 10,
      },
    ],
  }),
  measureBench({
    title: `Heap per three-field record, ${HELD.toLocaleString('en-US')} held (smoke: 20,000)`,
    baseline: 'object literal',
    unit: 'bytes per record',
    better: 'lower',
    measure: async ({ smoke }) => {
      const count = smoke ? 20_000 : HELD;
      const rounds = smoke ? 1 : 5;
      const out: Record<string, number[]> = Object.fromEntries(Object.keys(MAKERS).map((name) => [name, []]));
      for (let r = 0; r < rounds; r++) {
        for (const [name, make] of Object.entries(MAKERS)) out[name]?.push(bytesPerRecord(make, count));
      }
      return out;
    },
    claims: [
      {
        says: 'A class instance takes the same memory as an object literal with the same fields (within 10%)',
        subject: 'class instance',
        above: 0.9,
        below: 1.1,
      },
      {
        says: 'Freezing adds no memory per object (within 10%): V8 records it in the shared hidden class',
        subject: 'frozen literal',
        above: 0.9,
        below: 1.1,
      },
      {
        says: 'Nor does freezing a class instance (within 10% of the unfrozen instance)',
        subject: 'frozen class instance',
        against: 'class instance',
        above: 0.9,
        below: 1.1,
      },
    ],
  }),
];
