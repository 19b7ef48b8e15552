import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  check,
  code,
  formatBytes,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  measureHeap,
  measureHeapAsync,
  postgres,
  queryStats,
  runDemo,
  say,
  summarize,
  table,
} from '@lab/common';
import { interleaved } from '@lab/common/bench';
import {
  type CleanupEvent,
  chainCounting,
  cursorPages,
  firstMatches,
  flatten,
  hasIteratorHelpers,
  keysetPages,
  linesOfFile,
  map,
  naturals,
  readAllLines,
  rowsOf,
  seedEvents,
  squaresArray,
  squaresGenerator,
  sumSquaresOfEvensEager,
  sumSquaresOfEvensLazy,
  sumSquaresOfEvensLoop,
  take,
  tracked,
  writeSampleFile,
} from './src/index.ts';

const SCHEMA = 'lab_generators_demo';
const BENCH = 'pnpm bench generators';
const SQUARES = 1_000_000;
const EVENTS = 5_000;
const PAGE_SIZE = 100;
const FILE_LINES = 500_000;
/** "About the same cost": within this factor either way, the bound `pnpm bench generators` checks too. */
const SAME_COST = 1.5;

const times = (a: number, b: number): string => `${formatNumber(a / b)}×`;

function lazy(): void {
  let lazyCalls = 0;
  const square = (n: number) => {
    lazyCalls++;
    return n * n;
  };
  const firstFive = [...take(map(naturals(), square), 5)];
  let eagerCalls = 0;
  const eagerFive = Array.from({ length: 100_000 }, (_, i) => i)
    .map((n) => {
      eagerCalls++;
      return n * n;
    })
    .slice(0, 5);
  code('take(map(naturals(), square), 5)   // naturals() never ends');
  kv({ result: firstFive.join(', '), 'square() calls, lazy': lazyCalls });
  kv({ 'same first five from an array .map().slice()': eagerFive.join(', '), 'square() calls': eagerCalls });
}

function memory(): void {
  const asArray = measureHeap(() => squaresArray(SQUARES));
  const asGenerator = measureHeap(() => squaresGenerator(SQUARES));
  kv({
    'array of 1M squares retains': formatBytes(asArray.retainedBytes),
    'generator of 1M squares retains': formatBytes(asGenerator.retainedBytes),
  });
  lessonCheck(
    asGenerator.retainedBytes < asArray.retainedBytes / 100,
    'the generator holds under 1% of the array’s bytes: one paused frame, not a million numbers',
    `${formatBytes(asGenerator.retainedBytes)} vs ${formatBytes(asArray.retainedBytes)}`,
    BENCH,
  );
}

function delegation(): void {
  code('flatten([1, [2, [3, 4]], 5])');
  say(`  → ${[...flatten([1, [2, [3, 4]], 5])].join(', ')}`);
  const gen = chainCounting<string | number>('ab', [1, 2, 3]);
  const values: Array<string | number> = [];
  let step = gen.next();
  for (; !step.done; step = gen.next()) values.push(step.value);
  kv({
    'chainCounting("ab", [1, 2, 3]) yields': values.join(', '),
    'and returns sizes': step.value.join(', '),
  });
}

function cleanup(): void {
  const broke: CleanupEvent[] = [];
  for (const v of tracked([1, 2, 3, 4], broke)) if (v === 2) break;
  say(`  for…of with break:        ${broke.join(' → ')}`);
  const abandoned: CleanupEvent[] = [];
  tracked([1, 2, 3, 4], abandoned).next();
  say(`  next() once, then dropped: ${abandoned.join(' → ')}   (no close: nothing calls return() for you)`);
  check(broke.at(-1) === 'close' && !abandoned.includes('close'), 'break closes; abandoning does not');
}

function iteratorHelpers(): void {
  const helpers = firstMatches(
    naturals(1),
    (n) => n * n,
    (sq) => sq % 2 === 1,
    4,
  );
  kv({
    [`Iterator helpers on Node ${process.versions.node}`]: hasIteratorHelpers() ? 'present' : 'absent',
    'first 4 odd squares': helpers.values.join(', '),
    'computed by': helpers.used,
  });
}

async function postgresPages(): Promise<void> {
  const pool = await postgres({ schema: SCHEMA, max: 2 });
  const stats = queryStats(pool);
  try {
    await seedEvents(pool, EVENTS);
    stats.reset();
    let taken = 0;
    for await (const row of rowsOf(keysetPages(pool, { pageSize: PAGE_SIZE }))) {
      taken = row.id;
      if (taken === 250) break;
    }
    const earlyPages = stats.count;
    stats.reset();
    let all = 0;
    for await (const _ of rowsOf(keysetPages(pool, { pageSize: PAGE_SIZE }))) all++;
    const allPages = stats.count;
    table([
      { consumer: 'stops after 250 rows', rows: taken, 'queries issued': earlyPages },
      { consumer: 'reads everything', rows: all, 'queries issued': allPages },
    ]);
    check(earlyPages === 3, `stopping early fetched ${earlyPages} pages, not ${allPages}`);
    say('A server-side cursor holds a connection; the generator’s finally commits and releases it on break:');
    stats.reset();
    for await (const row of rowsOf(cursorPages(pool, { pageSize: PAGE_SIZE }))) if (row.id === 30) break;
    kv({
      'statements run': stats.texts.map((t) => t.split(' ').slice(0, 2).join(' ')).join(' → '),
      'connections still checked out': pool.totalCount - pool.idleCount,
    });
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  }
}

/** Line count, peak heap and time of one way of reading `file`. */
async function readWay(read: (sample: () => void) => Promise<number>) {
  const start = performance.now();
  const { result, peakBytes } = await measureHeapAsync(read);
  return { lines: result, peakBytes, ms: performance.now() - start };
}

async function largeFile(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-generators-demo-'));
  try {
    const file = join(dir, 'events.log');
    await writeSampleFile(file, FILE_LINES);
    const { size } = await stat(file);
    const streamed = await readWay(async (sample) => {
      let n = 0;
      for await (const _ of linesOfFile(file)) if (++n % 4096 === 0) sample();
      return n;
    });
    const whole = await readWay(async (sample) => {
      const lines = await readAllLines(file);
      sample();
      return lines.length;
    });
    table(
      [
        { way: 'for await … readline', ...streamed },
        { way: 'readFile + split', ...whole },
      ].map((r) => ({
        way: r.way,
        lines: r.lines,
        'peak heap': formatBytes(r.peakBytes),
        time: formatDuration(r.ms),
      })),
    );
    lessonCheck(
      streamed.peakBytes < whole.peakBytes,
      'reading line by line peaks far lower than holding the whole text and every line',
      `file ${formatBytes(size)}; streaming peaked at ${times(streamed.peakBytes, whole.peakBytes)} the heap of reading it whole, in ${times(streamed.ms, whole.ms)} the time`,
      BENCH,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * V8 optimises a function after thousands of calls but a long loop at once (on-stack replacement): without
 * many small calls first, the array pipeline would be timed unoptimised against an optimised generator loop.
 */
function warmUpPipelines(data: readonly number[]): number {
  const small = data.slice(0, 100);
  let sink = 0;
  for (let i = 0; i < 20_000; i++)
    sink += sumSquaresOfEvensEager(small) + sumSquaresOfEvensLazy(small) + sumSquaresOfEvensLoop(small);
  return sink;
}

async function memoryNotTime(): Promise<void> {
  const data = Array.from({ length: 100_000 }, (_, i) => i);
  warmUpPipelines(data);
  // Interleaved rounds, so a burst of load from elsewhere hits all three alike.
  const samples = await interleaved(
    {
      eager: () => sumSquaresOfEvensEager(data),
      lazy: () => sumSquaresOfEvensLazy(data),
      loop: () => sumSquaresOfEvensLoop(data),
    },
    { rounds: 7, warmupRounds: 1, targetMs: 10 },
  );
  const [eagerMs, lazyMs, loopMs] = [samples.eager, samples.lazy, samples.loop].map(
    (s) => summarize(s ?? []).median,
  ) as [number, number, number];
  const label = 'sum of squares of evens, 100k items';
  table([
    { [label]: 'array filter → map → reduce', median: formatDuration(eagerMs) },
    { [label]: 'generator filter → map → sum', median: formatDuration(lazyMs) },
    { [label]: 'one for loop', median: formatDuration(loopMs) },
  ]);
  lessonCheck(
    lazyMs / eagerMs < SAME_COST && eagerMs / lazyMs < SAME_COST,
    `when every item is consumed, generator and array pipelines cost about the same (within ${SAME_COST}× either way)`,
    `generators at ${times(lazyMs, eagerMs)} the array pipeline's time; the plain loop at ${times(loopMs, eagerMs)}, median of 7`,
    BENCH,
  );
}

await runDemo({
  title: 'Generators and lazy iteration',
  subtitle: 'Part 1, Q4 — function*, yield*, async generators',
  sections: [
    {
      id: 'lazy',
      title: 'Lazy: a generator computes only what you pull',
      why: 'Building a pipeline of generators runs nothing; each value is computed when the consumer asks for it.',
      run: lazy,
    },
    {
      id: 'memory',
      title: 'The seed’s memory claim: a list of squares vs a generator of them',
      why: 'The Python series: a 10M-item list ≈ 80 MB (its pointers alone), a generator ≈ 0. In V8, with 1M items:',
      run: memory,
    },
    {
      id: 'yield-star',
      title: 'yield* delegates, like Python’s yield from',
      why: 'Recursion with yield* flattens in depth-first order; yield* is also an expression: the delegate’s return value.',
      run: delegation,
    },
    {
      id: 'finally',
      title: 'finally is the cleanup hook: break calls return()',
      why: 'A for…of that exits early calls return() on the generator, which runs its finally block once.',
      run: cleanup,
    },
    {
      id: 'helpers',
      title: 'Iterator helpers: built in from Node 22, guarded here',
      why: 'Python has generator expressions as syntax; JS has Iterator.prototype.map/filter/take only on Node 22+.',
      run: iteratorHelpers,
    },
    {
      id: 'postgres',
      title: 'An async generator paging through PostgreSQL',
      why: 'Keyset pagination: the query for the next page runs only when the consumer asks for more rows.',
      run: postgresPages,
    },
    {
      id: 'file',
      title: 'A large file: line by line vs read whole',
      why: 'readline over a stream holds about one chunk; readFile + split holds the whole text and every line.',
      run: largeFile,
    },
    {
      id: 'time',
      title: 'Generators save memory, not time',
      why: 'When every item is consumed, laziness does not make the work cheaper: each value still passes every step.',
      run: memoryNotTime,
    },
  ],
});
