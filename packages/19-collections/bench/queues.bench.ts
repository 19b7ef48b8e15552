import { interleaved, measureBench } from '@lab/common/bench';
import Denque from 'denque';
import { Deque } from '../src/deque.ts';

/** Operations per call: each one pushes an item at the back and shifts one off the front. */
const OPS = 1_000;
const SIZES = [1_000, 100_000] as const;
const SEED_BIG_O = "The series' table: pop left is O(n) on a list and O(1) on a deque; it states no timing.";

const label = (n: number) => (n === 1_000 ? '1k' : '100k');

// Results go somewhere observable so the JIT cannot drop the work as dead code.
let sink = 0;

/*
 * Each contender is a queue that already holds `n` items and stays at that size: each operation adds one
 * item at the back and takes one from the front, as a work queue or a BFS frontier does all day. Three
 * separate loops, not one generic `queue.push` loop: closures made by one function literal share their
 * call-site feedback, and a site that sees three receiver types is slower for all of them.
 */
function arrayQueue(n: number): () => void {
  const queue: number[] = Array.from({ length: n }, (_, i) => i);
  let next = n;
  return () => {
    for (let i = 0; i < OPS; i++) {
      queue.push(next++);
      sink += queue.shift() ?? 0;
    }
  };
}

function dequeQueue(n: number): () => void {
  const queue = new Deque<number>(Array.from({ length: n }, (_, i) => i));
  let next = n;
  return () => {
    for (let i = 0; i < OPS; i++) {
      queue.push(next++);
      sink += queue.shift() ?? 0;
    }
  };
}

function denqueQueue(n: number): () => void {
  const queue = new Denque<number>(Array.from({ length: n }, (_, i) => i));
  let next = n;
  return () => {
    for (let i = 0; i < OPS; i++) {
      queue.push(next++);
      sink += queue.shift() ?? 0;
    }
  };
}

export default [
  measureBench({
    title: `A FIFO queue holding 1,000 or 100,000 items: push one, shift one (${OPS.toLocaleString('en-US')} per call, rounds interleaved)`,
    baseline: 'Array n=1k',
    unit: 'ns/op',
    better: 'lower',
    measure: async ({ smoke }) => {
      const tasks: Record<string, () => void> = {};
      // Rounds rotate but keep this order cyclically, so one task always follows the 100k array, which
      // sweeps ~1 MB through the cache on every shift. That task is the 1k array (its 8 KB reload at once),
      // never a ring buffer whose comparison would then be decided by a flushed cache.
      tasks['Array n=1k'] = arrayQueue(1_000);
      for (const n of SIZES) {
        tasks[`Deque n=${label(n)}`] = dequeQueue(n);
        tasks[`denque n=${label(n)}`] = denqueQueue(n);
      }
      tasks['Array n=100k'] = arrayQueue(100_000);
      const msPerOp = await interleaved(tasks, {
        rounds: smoke ? 2 : 30,
        warmupRounds: 2,
        opsPerCall: OPS,
        targetMs: smoke ? 1 : 20,
      });
      if (sink < 0) throw new Error('unreachable: keeps `sink` alive');
      return Object.fromEntries(Object.entries(msPerOp).map(([name, ms]) => [name, ms.map((v) => v * 1e6)]));
    },
    claims: [
      {
        says: 'With 100,000 items queued, Deque is over 20× faster than Array.shift, which moves every remaining item',
        subject: 'Deque n=100k',
        against: 'Array n=100k',
        below: 0.05,
        seed: SEED_BIG_O,
      },
      {
        says: 'Array.shift is O(n): each operation costs over 20× more with 100,000 items queued than with 1,000',
        subject: 'Array n=100k',
        against: 'Array n=1k',
        above: 20,
        seed: SEED_BIG_O,
      },
      {
        // Not "the same": 100k items make a 1 MB ring that a busy machine's other processes push out of the
        // cache, so the ring pays misses the 16 KB one never does (1.0× to 3.6× across runs here; denque
        // moves alike). The work per operation is constant; what the claim rules out is growth with n.
        says: 'Deque does constant work per operation: 100× the items queued costs it under 6× (cache misses on a 1 MB ring), against the array’s hundreds',
        subject: 'Deque n=100k',
        against: 'Deque n=1k',
        below: 6,
      },
      {
        says: 'With 1,000 items queued, Deque is still faster than Array.shift, though V8 trims a small array in place instead of moving it',
        subject: 'Deque n=1k',
        against: 'Array n=1k',
        below: 1,
      },
      {
        says: 'Our ring buffer is in the same league as the denque package (within 2×)',
        subject: 'Deque n=100k',
        against: 'denque n=100k',
        below: 2,
      },
    ],
  }),
];
