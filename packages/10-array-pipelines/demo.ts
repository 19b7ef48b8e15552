import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { check, code, formatNumber, kv, lessonCheck, runDemo, say, summarize, table } from '@lab/common';
import { builtinIterator as builtinIteratorHelpers } from '@lab/generators/iterator-helpers';
import {
  distinctPairs,
  evenSquares,
  evenSquaresFlatMap,
  type Group,
  lengthsByWord,
  lowercased,
  processConcurrently,
  processSequentially,
  processWithForEach,
  squaresClassicFor,
  squaresMap,
  sumOfEvenSquares,
  sumOfSquaresLazy,
  triageLoop,
  triageReduce,
} from './src/index.ts';

/** Nanoseconds per element of `calls` back-to-back calls of `build(xs)`. */
function nsPerElement(
  build: (xs: readonly number[]) => number[],
  xs: readonly number[],
  calls: number,
): number {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink += build(xs).length;
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return ((performance.now() - start) * 1e6) / (calls * xs.length);
}

async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await nextMacrotask();
}

const SPEED_ROUNDS = 10;
const CALLS_PER_ROUND = 600;

function counterpartsSection(): void {
  const xs = Array.from({ length: 10 }, (_, i) => i);
  table([
    {
      python: '[x**2 for x in xs if x % 2 == 0]',
      typescript: 'xs.filter(even).map(sq)',
      result: evenSquares(xs).join(' '),
    },
    {
      python: '(same, one pass)',
      typescript: 'xs.flatMap(x => even(x) ? [sq(x)] : [])',
      result: evenSquaresFlatMap(xs).join(' '),
    },
    {
      python: '[(x, y) for x … for y … if x != y]',
      typescript: 'nested flatMap',
      result: JSON.stringify(distinctPairs(3)),
    },
    {
      python: '{w: len(w) for w in words}',
      typescript: 'Object.fromEntries(words.map(…))',
      result: JSON.stringify(lengthsByWord(['map', 'filter'])),
    },
    {
      python: '{s.lower() for s in names}',
      typescript: 'new Set(names.map(…))',
      result: [...lowercased(['Ann', 'ANN', 'Bob'])].join(' '),
    },
    {
      python: 'sum(x**2 for x in range(n))',
      typescript: 'sum(lazyMap(range(n), sq))',
      result: formatNumber(sumOfSquaresLazy(1000)),
    },
  ]);
}

function iteratorHelpersSection(): void {
  const lazy = sumOfEvenSquares(1000);
  kv({
    [`Iterator.prototype.map on Node ${process.versions.node}`]: builtinIteratorHelpers()
      ? 'present'
      : 'absent',
    'sum of even squares below 1000': formatNumber(lazy.total),
    'computed by': lazy.used,
  });
}

function speedSection(): void {
  const input = Array.from({ length: 10_000 }, (_, i) => i % 1000);
  const rows: Array<Record<string, string | number>> = [];
  const ratios: number[] = [];
  for (let round = 1; round <= SPEED_ROUNDS; round++) {
    // Alternate which goes first, so a burst of load from other processes does not always hit the same one.
    const timePush = () => nsPerElement(squaresClassicFor, input, CALLS_PER_ROUND);
    const timeMap = () => nsPerElement(squaresMap, input, CALLS_PER_ROUND);
    let push: number;
    let mapped: number;
    if (round % 2 === 1) {
      push = timePush();
      mapped = timeMap();
    } else {
      mapped = timeMap();
      push = timePush();
    }
    ratios.push(mapped / push);
    rows.push({
      round,
      'calls so far': round * CALLS_PER_ROUND,
      'for + push': `${formatNumber(push)} ns/el`,
      map: `${formatNumber(mapped)} ns/el`,
      'map / push': formatNumber(mapped / push),
    });
  }
  table(rows);
  const first = ratios[0] ?? Number.NaN;
  const warm = summarize(ratios.slice(-3)).median;
  lessonCheck(
    warm < 1 && first > warm,
    'map gains on for + push as V8 optimises the caller, and is ahead once warm',
    `map / push: ${formatNumber(first)} in round 1, ${formatNumber(warm)} over the last 3 rounds`,
    'pnpm bench array-pipelines',
  );
  say(
    `the seed's "~30% faster" (a ratio under 0.7) ${warm < 0.7 ? 'held' : 'did not hold'} in this run's warm rounds (${formatNumber(warm)})`,
  );
}

function loopSection(): void {
  const groups: Group[] = [
    {
      name: 'a',
      items: [
        { id: 'a1', valid: true, score: 90 },
        { id: 'a2', valid: false, score: 99 },
      ],
    },
    {
      name: 'b',
      items: [
        { id: 'b1', valid: true, score: 30 },
        { id: 'b2', valid: true, score: 80 },
      ],
    },
    { name: 'c', items: [{ id: 'c1', valid: true, score: 70 }] },
    { name: 'd', items: [{ id: 'd1', valid: false, score: 10 }] },
  ];
  let opened = 0;
  const counted = groups.map((g) => ({
    name: g.name,
    get items() {
      opened++;
      return g.items;
    },
  }));
  const viaLoop = triageLoop(counted, 50, 2);
  const loopOpened = opened;
  opened = 0;
  const viaReduce = triageReduce(counted, 50, 2);
  table([
    { version: 'for…of loop', result: JSON.stringify(viaLoop), 'groups opened': loopOpened },
    { version: 'reduce', result: JSON.stringify(viaReduce), 'groups opened': opened },
  ]);
  check(
    JSON.stringify(viaLoop) === JSON.stringify(viaReduce),
    `same answer; the loop opened ${loopOpened} of ${groups.length} groups, the reduce ${opened}`,
  );
}

/** A save that takes `{ a: 3, b: 1, c: 2 }[item]` event-loop turns, recording the order items finish in. */
function turnCountingSave(finished: string[]): (item: string) => Promise<string> {
  return async (item) => {
    await settle({ a: 3, b: 1, c: 2 }[item] ?? 1);
    finished.push(item);
    return item;
  };
}

async function forEachSection(): Promise<void> {
  code('items.forEach(async (item) => { await save(item); });  // nothing awaits save()');
  const finished: string[] = [];
  const save = turnCountingSave(finished);
  await processWithForEach(['a', 'b', 'c'], save);
  const atReturn = finished.length;
  await settle();
  kv({
    'finished when forEach version returned': `${atReturn} of 3`,
    'finished later, in this order': finished.join(', '),
  });
  finished.length = 0;
  await processSequentially(['a', 'b', 'c'], save);
  kv({ 'for…of + await, finished on return': `${finished.length} of 3, order ${finished.join(', ')}` });
  finished.length = 0;
  const results = await processConcurrently(['a', 'b', 'c'], save);
  kv({
    'Promise.all(map), finished on return': `${finished.length} of 3, order ${finished.join(', ')}; results ${results.join(', ')}`,
  });
}

async function forEachErrorsSection(): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  let caught = false;
  try {
    await processWithForEach(['x'], async () => {
      await nextMacrotask();
      throw new Error('save failed');
    });
  } catch {
    caught = true;
  } finally {
    await settle();
    process.off('unhandledRejection', onUnhandled);
  }
  kv({ 'caught by the caller': caught, 'unhandled rejections seen': unhandled.length });
  check(
    !caught && unhandled.length === 1,
    'the error bypassed the caller (Node would crash on it by default)',
  );
}

await runDemo({
  title: 'Comprehensions → array pipelines',
  subtitle: 'Part 1, Q10 — map/filter/flatMap/reduce, loops, lazy pipelines',
  sections: [
    {
      id: 'counterparts',
      title: 'Each comprehension has a counterpart',
      why: 'No comprehension syntax: array methods for lists, entries for dicts, new Set for sets, generators for genexps.',
      run: counterpartsSection,
    },
    {
      id: 'iterator-helpers',
      title: 'Generator expressions: iterator helpers are Node 22+',
      why: 'Iterator.prototype.map/filter are lazy like a genexp; on Node 20 the generator helpers from 04 stand in.',
      run: iteratorHelpersSection,
    },
    {
      id: 'speed',
      title: '"A comprehension is ~30% faster than a loop with append" — asked of V8',
      why: `Squares of 10,000 numbers, timed in rounds of ${CALLS_PER_ROUND} calls from the very first call. Which wins depends on\nwhether V8 has optimised the calling function yet: only then is map’s callback inlined.`,
      run: speedSection,
    },
    {
      id: 'loop',
      title: 'When a loop reads better',
      why: 'Several outputs and an early stop: one loop says it plainly; reduce juggles an accumulator and cannot stop.',
      run: loopSection,
    },
    {
      id: 'foreach',
      title: 'Pitfall: forEach with an async callback',
      why: 'forEach drops the promise each callback returns: the function returns while the work is still running.',
      run: forEachSection,
    },
    {
      id: 'foreach-errors',
      title: 'Pitfall: forEach loses an async callback’s errors',
      why: 'The caller’s try/catch never sees them; they surface as unhandled rejections, which crash Node by default.',
      run: forEachErrorsSection,
    },
  ],
});
