import {
  bars,
  code,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  runDemo,
  say,
  table,
} from '@lab/common';
import {
  bfs,
  ChainMap,
  Counter,
  DefaultMap,
  Deque,
  groupBy,
  LruCache,
  movingAverages,
  namedTuple,
  type Point,
  shortestPath,
  tupleEquals,
  tupleKey,
  undirected,
} from './src/index.ts';

const WORDS = ['banana', 'apple', 'blueberry', 'cherry', 'avocado', 'apple'];

function defaultMapSection(): void {
  kv({ 'groupBy(words, first letter)': Object.fromEntries(groupBy(WORDS, (w) => w[0])) });
  const lengths = new DefaultMap<string, number[]>(() => []);
  lengths.peek('x');
  lengths.has('y');
  kv({ 'after peek("x") and has("y"), size': lengths.size });
  lengths.get('z');
  kv({ 'after get("z"), size': lengths.size, keys: [...lengths.keys()] });
  say('Reading with get() stores the default, as d[k] does on a defaultdict; peek() is d.get(k).');
  kv({ 'typeof Map.groupBy on this Node': typeof (Map as { groupBy?: unknown }).groupBy });
}

function counterSection(): void {
  const letters = new Counter('mississippi');
  kv({ 'Counter("mississippi").mostCommon(2)': letters.mostCommon(2) });
  const stock = Counter.fromCounts([
    ['apple', 3],
    ['pear', 1],
  ]);
  const sold = Counter.fromCounts([
    ['apple', 1],
    ['pear', 2],
  ]);
  kv({
    'stock.plus(sold)': stock.plus(sold).toJSON(),
    'stock.minus(sold)   (drops ≤ 0)': stock.minus(sold).toJSON(),
    'stock.subtract(sold) (keeps ≤ 0)': Counter.fromCounts(stock).subtract(sold).toJSON(),
  });
  const text = 'the constructor of the class calls the constructor';
  const naive: Record<string, unknown> = {};
  for (const w of text.split(' ')) naive[w] = ((naive[w] as number) ?? 0) + 1;
  kv({
    'plain {} counter, "constructor"': String(naive.constructor).slice(0, 40),
    'Counter, "constructor"': new Counter(text.split(' ')).count('constructor'),
  });
  say('A {} counter inherits Object.prototype: "constructor" starts as a function, not 0.');
}

function dequeSection(): void {
  const d = new Deque<number>([1, 2, 3]);
  const steps: Array<Record<string, string>> = [];
  const step = (call: string, run: () => unknown) =>
    steps.push({ call, returns: String(run()), deque: `[${d.toArray().join(', ')}]` });
  step('unshift(0)', () => d.unshift(0));
  step('push(4)', () => d.push(4));
  step('shift()', () => d.shift());
  step('pop()', () => d.pop());
  step('at(-1)', () => d.at(-1));
  table(steps);
  const recent = new Deque<string>([], { maxLength: 3 });
  for (const event of ['login', 'view', 'edit', 'save', 'logout']) recent.push(event);
  kv({
    'maxLength 3 after 5 pushes': recent.toArray(),
    'movingAverages([3, 6, 9, 12, 0], 3)': movingAverages([3, 6, 9, 12, 0], 3),
    'new Deque().shift()': new Deque().shift(),
  });
}

function bfsSection(): void {
  const graph = undirected<string>([
    ['A', 'B'],
    ['A', 'C'],
    ['B', 'D'],
    ['C', 'D'],
    ['D', 'E'],
    ['F', 'G'],
  ]);
  const { order, distance } = bfs(graph, 'A');
  table(order.map((node) => ({ visited: node, distance: distance.get(node) ?? -1 })));
  kv({
    'shortestPath A → E': shortestPath(graph, 'A', 'E')?.join(' → '),
    'shortestPath A → G': shortestPath(graph, 'A', 'G'),
  });
  say('The queue is a Deque: shift() is O(1), so BFS stays O(V + E) however wide the frontier gets.');
}

function lruSection(): void {
  const m = new Map([
    ['a', 1],
    ['b', 2],
  ]);
  m.set('a', 10);
  kv({ "Map after set('a', 10): keys": [...m.keys()] });
  say('set() on an existing key keeps its position, so "move to end" is delete + set.');
  const evicted: string[] = [];
  const cache = new LruCache<string, number>(2, (key) => evicted.push(key));
  const trace: Array<Record<string, string>> = [];
  const run = (call: string, act: () => unknown) => {
    const result = act();
    trace.push({
      call,
      result: String(result instanceof LruCache ? '' : result),
      'keys (LRU → MRU)': cache.keys().join(' '),
      evicted: evicted.join(' '),
    });
  };
  run("set('a', 1)", () => cache.set('a', 1));
  run("set('b', 2)", () => cache.set('b', 2));
  run("get('a')", () => cache.get('a'));
  run("set('c', 3)", () => cache.set('c', 3));
  run("get('b')", () => cache.get('b'));
  table(trace);
}

function namedTupleSection(): void {
  const p: Point = [3, 4];
  code('type Point = readonly [x: number, y: number];   // labels exist only for the type checker');
  kv({ "'x' in p": 'x' in p, 'Object.isFrozen(p)': Object.isFrozen(p) });
  const Server = namedTuple('host', 'port', 'protocol');
  const s = Server('example.com', 443, 'https');
  const [host] = s;
  kv({
    's.port, s[1]': `${s.port}, ${s[1]}`,
    'const [host] = s': host,
    'Object.isFrozen(s)': Object.isFrozen(s),
    'JSON.stringify(s)': JSON.stringify(s),
  });
  const seen = new Map<unknown, string>([
    [[1, 2], 'by array'],
    [tupleKey([1, 2]), 'by key'],
  ]);
  const [a, b] = [p, [3, 4] as Point];
  kv({
    'p === [3, 4] (another array)': a === b,
    'tupleEquals(p, [3, 4])': tupleEquals(a, b),
    'map.get([1, 2])': seen.get([1, 2]),
    'map.get(tupleKey([1, 2]))': seen.get(tupleKey([1, 2])),
  });
}

function chainMapSection(): void {
  const flags = new Map([['port', '9000']]);
  const env = new Map([
    ['port', '8080'],
    ['host', 'db.internal'],
  ]);
  const defaults = new Map([
    ['port', '3000'],
    ['host', 'localhost'],
    ['debug', 'false'],
  ]);
  const config = new ChainMap(flags, env, defaults);
  const names = ['flags', 'env', 'defaults'];
  const snapshot = {
    ...Object.fromEntries(defaults),
    ...Object.fromEntries(env),
    ...Object.fromEntries(flags),
  };
  defaults.set('debug', 'true');
  table(
    ['port', 'host', 'debug'].map((key) => ({
      key,
      value: config.get(key),
      from: names[config.layerOf(key)],
      'spread snapshot': snapshot[key as keyof typeof snapshot],
    })),
  );
  say("defaults.set('debug', 'true') came after both were built: the chain sees it, the spread does not.");
}

/** Median milliseconds per operation of `ops` × (shift one, push one) on a queue already holding `n` items. */
function queueCost(queue: { push(x: number): unknown; shift(): number | undefined }, n: number): number {
  const ops = 1_000;
  for (let i = 0; i < n; i++) queue.push(i);
  const perCall = medianTimePerCall(
    () => {
      for (let i = 0; i < ops; i++) queue.push(queue.shift() ?? 0);
    },
    { rounds: 5, warmupRounds: 2 },
  );
  return perCall / ops;
}

function queueCostSection(): void {
  const rows = [
    { label: 'Array, 1,000 queued', value: queueCost([], 1_000) },
    { label: 'Deque, 1,000 queued', value: queueCost(new Deque<number>(), 1_000) },
    { label: 'Array, 100,000 queued', value: queueCost([], 100_000) },
    { label: 'Deque, 100,000 queued', value: queueCost(new Deque<number>(), 100_000) },
  ];
  bars(rows, (ms) => formatDuration(ms));
  const [array1k = 0, , array100k = 0, deque100k = 0] = rows.map((r) => r.value);
  lessonCheck(
    array100k > 10 * array1k,
    'Array.shift is O(n) on a long array: 100× the items costs over 10× more per operation',
    `${formatNumber(array100k / array1k)}× more per operation`,
    'pnpm bench collections',
  );
  lessonCheck(
    deque100k * 10 < array100k,
    'with 100,000 items queued, a Deque is over 10× faster than Array.shift',
    `${formatNumber(array100k / deque100k)}×: ${formatDuration(array100k)} vs ${formatDuration(deque100k)} per operation`,
    'pnpm bench collections',
  );
  say(
    `At 1,000 items V8 trims the array's front in place (${formatDuration(array1k)} per operation): the O(n) copy starts once it is large.`,
  );
}

await runDemo({
  title: 'The collections module, in TypeScript',
  subtitle: 'Part 2, Q9 — DefaultMap, Counter, Deque, LRU on Map order, named tuples, ChainMap',
  sections: [
    {
      id: 'default-map',
      title: 'DefaultMap: defaultdict',
      why: 'A Map whose get() fills a missing key from a factory, so grouping needs no "if not in" dance.',
      run: defaultMapSection,
    },
    {
      id: 'counter',
      title: 'Counter: counts, most common, arithmetic',
      why: "Python's rules kept: + and - drop counts ≤ 0, subtract() keeps them.",
      run: counterSection,
    },
    {
      id: 'deque',
      title: 'Deque: a ring buffer, O(1) at both ends',
      why: 'Array-like names (push/pop/shift/unshift); a maxLength turns it into a sliding window.',
      run: dequeSection,
    },
    {
      id: 'bfs',
      title: 'Breadth-first search with the deque',
      why: 'The textbook use of popleft: the frontier is a FIFO queue.',
      run: bfsSection,
    },
    {
      id: 'lru',
      title: 'An LRU cache on Map insertion order',
      why: 'A Map iterates in insertion order, so it is already half of OrderedDict; delete + set is move_to_end.',
      run: lruSection,
    },
    {
      id: 'named-tuple',
      title: 'Named tuples: labelled tuple types and a frozen runtime variant',
      why: "TypeScript's tuple labels vanish at run time; namedTuple() gives names, indexes and immutability.",
      run: namedTupleSection,
    },
    {
      id: 'chain-map',
      title: 'ChainMap: layered lookup',
      why: 'Flags over env over defaults, as a live view rather than a merged copy.',
      run: chainMapSection,
    },
    {
      id: 'queue-cost',
      title: 'What Array.shift costs on a long queue',
      why: 'A quick look, timed now; `pnpm bench collections` interleaves rounds at 1k and 100k items.',
      run: queueCostSection,
    },
  ],
});
