import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  check,
  code,
  formatBytes,
  formatDuration,
  formatNumber,
  heading,
  kv,
  measureHeap,
  measureHeapAsync,
  medianTimePerCall,
  note,
  postgres,
  queryStats,
  runDemo,
  say,
  table,
} from '@lab/common';
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

const times = (a: number, b: number): string => `${formatNumber(a / b)}×`;

await runDemo(
  'Generators and lazy iteration',
  'Part 1, Q4 — function*, yield*, async generators',
  async () => {
    heading('1. Lazy: a generator computes only what you pull');
    note(
      'Building a pipeline of generators runs nothing; each value is computed when the consumer asks for it.',
    );
    let lazyCalls = 0;
    const firstFive = [
      ...take(
        map(naturals(), (n) => {
          lazyCalls++;
          return n * n;
        }),
        5,
      ),
    ];
    let eagerCalls = 0;
    const eagerFive = Array.from({ length: 100_000 }, (_, i) => i)
      .map((n) => {
        eagerCalls++;
        return n * n;
      })
      .slice(0, 5);
    code('take(map(naturals(), square), 5)   // naturals() never ends');
    kv({ result: firstFive.join(', '), 'square() calls, lazy': lazyCalls });
    kv({
      'same first five from an array .map().slice()': eagerFive.join(', '),
      'square() calls': eagerCalls,
    });

    heading('2. The seed’s memory claim: a list of squares vs a generator of them');
    note(
      'The Python series: a 10M-item list ≈ 80 MB (its pointers alone), a generator ≈ 0. In V8, with 1M items:',
    );
    const asArray = measureHeap(() => squaresArray(1_000_000));
    const asGenerator = measureHeap(() => squaresGenerator(1_000_000));
    kv({
      'array of 1M squares retains': formatBytes(asArray.retainedBytes),
      'generator of 1M squares retains': formatBytes(asGenerator.retainedBytes),
    });
    check(
      asGenerator.retainedBytes < asArray.retainedBytes / 100,
      `the generator holds ${asGenerator.retainedBytes < asArray.retainedBytes / 100 ? 'under 1%' : 'more than 1%'} of the array's bytes: one paused frame, not a million numbers`,
    );

    heading('3. yield* delegates, like Python’s yield from');
    note(
      'Recursion with yield* flattens in depth-first order; yield* is also an expression: the delegate’s return value.',
    );
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

    heading('4. finally is the cleanup hook: break calls return()');
    note('A for…of that exits early calls return() on the generator, which runs its finally block once.');
    const broke: CleanupEvent[] = [];
    for (const v of tracked([1, 2, 3, 4], broke)) if (v === 2) break;
    say(`  for…of with break:        ${broke.join(' → ')}`);
    const abandoned: CleanupEvent[] = [];
    tracked([1, 2, 3, 4], abandoned).next();
    say(`  next() once, then dropped: ${abandoned.join(' → ')}   (no close: nothing calls return() for you)`);
    check(broke.at(-1) === 'close' && !abandoned.includes('close'), 'break closes; abandoning does not');

    heading('5. Iterator helpers: built in from Node 22, guarded here');
    note(
      'Python has generator expressions as syntax; JS has Iterator.prototype.map/filter/take only on Node 22+.',
    );
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

    heading('6. An async generator paging through PostgreSQL');
    note('Keyset pagination: the query for the next page runs only when the consumer asks for more rows.');
    const pool = await postgres({ schema: SCHEMA, max: 2 });
    const stats = queryStats(pool);
    try {
      await seedEvents(pool, 5_000);
      stats.reset();
      let taken = 0;
      for await (const row of rowsOf(keysetPages(pool, { pageSize: 100 }))) {
        taken = row.id;
        if (taken === 250) break;
      }
      const earlyPages = stats.count;
      stats.reset();
      let all = 0;
      for await (const _ of rowsOf(keysetPages(pool, { pageSize: 100 }))) all++;
      const allPages = stats.count;
      table([
        { consumer: 'stops after 250 rows', rows: taken, 'queries issued': earlyPages },
        { consumer: 'reads everything', rows: all, 'queries issued': allPages },
      ]);
      check(earlyPages === 3, `stopping early fetched ${earlyPages} pages, not ${allPages}`);

      note(
        'A server-side cursor holds a connection; the generator’s finally commits and releases it on break.',
      );
      stats.reset();
      for await (const row of rowsOf(cursorPages(pool, { pageSize: 100 }))) if (row.id === 30) break;
      kv({
        'statements run': stats.texts.map((t) => t.split(' ').slice(0, 2).join(' ')).join(' → '),
        'connections still checked out': pool.totalCount - pool.idleCount,
      });
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    }

    heading('7. A large file: line by line vs read whole');
    note(
      'readline over a stream holds about one chunk; readFile + split holds the whole text and every line.',
    );
    const dir = await mkdtemp(join(tmpdir(), 'lab-generators-demo-'));
    try {
      const file = join(dir, 'events.log');
      await writeSampleFile(file, 500_000);
      const { size } = await stat(file);
      let start = performance.now();
      const streamed = await measureHeapAsync(async (sample) => {
        let n = 0;
        for await (const _ of linesOfFile(file)) if (++n % 4096 === 0) sample();
        return n;
      });
      const streamedMs = performance.now() - start;
      start = performance.now();
      const whole = await measureHeapAsync(async (sample) => {
        const lines = await readAllLines(file);
        sample();
        return lines.length;
      });
      const wholeMs = performance.now() - start;
      table([
        {
          way: 'for await … readline',
          lines: streamed.result,
          'peak heap': formatBytes(streamed.peakBytes),
          time: formatDuration(streamedMs),
        },
        {
          way: 'readFile + split',
          lines: whole.result,
          'peak heap': formatBytes(whole.peakBytes),
          time: formatDuration(wholeMs),
        },
      ]);
      say(
        `  file: ${formatBytes(size)}; line by line peaked at ${times(streamed.peakBytes, whole.peakBytes)} the heap of reading it whole, and took ${times(streamedMs, wholeMs)} the time`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    heading('8. Generators save memory, not time');
    note(
      'When every item is consumed, laziness does not make the work cheaper: each value still passes every step.',
    );
    const data = Array.from({ length: 100_000 }, (_, i) => i);
    const eagerMs = medianTimePerCall(() => sumSquaresOfEvensEager(data), { warmupRounds: 1 });
    const lazyMs = medianTimePerCall(() => sumSquaresOfEvensLazy(data), { warmupRounds: 1 });
    const loopMs = medianTimePerCall(() => sumSquaresOfEvensLoop(data), { warmupRounds: 1 });
    table([
      {
        'sum of squares of evens, 100k items': 'array filter → map → reduce',
        median: formatDuration(eagerMs),
      },
      {
        'sum of squares of evens, 100k items': 'generator filter → map → sum',
        median: formatDuration(lazyMs),
      },
      { 'sum of squares of evens, 100k items': 'one for loop', median: formatDuration(loopMs) },
    ]);
    say(
      `  generators ran at ${times(lazyMs, eagerMs)} the array pipeline's time; the plain loop at ${times(loopMs, eagerMs)}. See pnpm bench generators for the full run.`,
    );
  },
);
