import {
  check,
  code,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  note,
  runDemo,
  say,
  table,
} from '@lab/common';
import {
  addTagInPlace,
  appendItem,
  Cart,
  canonicalKey,
  deepFreeze,
  gridSharingOneRow,
  immutable,
  kindOf,
  mutablePaths,
  removeTodo,
  replaceCharAt,
  replaceTags,
  SharedItemsCart,
  setInPlace,
  setWith,
  sloppyWrite,
  tagRequest,
  tagRequestShared,
  toggleTodo,
  ValueMap,
} from './src/index.ts';
import { attemptIndexWrite } from './src/strings.ts';

/** Array sizes for the copy-on-write section: small, medium, large enough for the O(n) copy to show. */
const COW_SIZES = [100, 10_000, 100_000] as const;
const COW_CALLS = 200;

function primitivesVsObjects(): void {
  const samples: Array<[string, unknown]> = [
    ["'text'", 'text'],
    ['42', 42],
    ['10n', 10n],
    ['null', null],
    ['[1, 2]', [1, 2]],
    ['{ a: 1 }', { a: 1 }],
    ['Object.freeze({})', Object.freeze({})],
  ];
  table(samples.map(([label, value]) => ({ value: label, ...kindOf(value) })));
  const list = [1, 2, 3];
  const alias = list;
  alias.push(4);
  kv({ 'list after alias.push(4)': list, 'alias === list': alias === list });
}

function stringsAreImmutable(): void {
  const attempt = attemptIndexWrite('hello', 0, 'J');
  kv({ "'hello'[0] = 'J'": attempt.error?.message ?? 'no error', 'string afterwards': attempt.after });
  kv({ "replaceCharAt('hello', 0, 'J')": replaceCharAt('hello', 0, 'J') });
}

function freezeIsShallow(): void {
  const config = Object.freeze({ name: 'api', db: { host: 'localhost', ports: [5432] } });
  config.db.host = 'evil.example';
  kv({ 'frozen.db.host after a write': config.db.host, 'still mutable paths': mutablePaths(config) });
  const deep = deepFreeze({ name: 'api', db: { host: 'localhost', ports: [5432] } });
  kv({ 'after deepFreeze': mutablePaths(deep).length === 0 ? 'nothing left mutable' : mutablePaths(deep) });
  note('A write to a frozen property throws in modules (strict) and is silently dropped in sloppy scripts:');
  kv({ 'sloppy write took effect': sloppyWrite(deep, 'name', 'x'), 'name is still': deep.name });
  const withMap = deepFreeze({ cache: new Map([['k', 1]]) });
  (withMap.cache as Map<string, number>).set('k2', 2);
  kv({ 'a deep-frozen Map still accepts set()': `size ${withMap.cache.size}` });
}

function readonlyIsCompileTime(): void {
  note('The test file uses // @ts-expect-error on these writes; at run time they all succeed.');
  const methods: readonly string[] = ['GET', 'POST'];
  (methods as string[]).push('PATCH');
  kv({ 'readonly array after a cast + push': methods, 'Object.isFrozen': Object.isFrozen(methods) });
  const settings = immutable({ retries: 3, hosts: ['a'] });
  let threw = 'no';
  try {
    (settings.hosts as unknown as string[]).push('b');
  } catch (error) {
    threw = (error as Error).constructor.name;
  }
  kv({ 'immutable() (type + freeze): push throws': threw });
}

function passBySharing(): void {
  const tags = ['a'];
  addTagInPlace(tags, 'b');
  const mine = ['a'];
  replaceTags(mine, ['x']);
  kv({ 'after addTagInPlace(tags, "b")': tags, 'after replaceTags(mine, ["x"])': mine });
  const grid = gridSharingOneRow(3, 3);
  (grid[0] ?? [])[0] = 1;
  kv({ 'new Array(3).fill(row), grid[0][0] = 1': grid });
}

function keysByIdentity(): void {
  const plain = new Map<[string, number], string>([[['A', 1], 'Ada']]);
  const byValue = new ValueMap<[string, number], string>([[['A', 1], 'Ada']]);
  kv({
    "Map.get(['A', 1])": plain.get(['A', 1]),
    "ValueMap.get(['A', 1])": byValue.get(['A', 1]),
    'canonicalKey({ b: 1, a: [2] })': canonicalKey({ b: 1, a: [2] }),
  });
}

function defaultsPerCall(): void {
  kv({ 'appendItem(1)': appendItem(1), 'appendItem(2)': appendItem(2) });
  const first = tagRequestShared('req-1');
  tagRequestShared('req-2');
  check(
    first['x-request-id'] === 'req-1',
    `shared default: the first call's result now says ${first['x-request-id']}`,
  );
  const fixed = tagRequest('req-1');
  tagRequest('req-2');
  check(
    fixed['x-request-id'] === 'req-1',
    `fresh object per call: the first call's result still says ${fixed['x-request-id']}`,
  );
  new SharedItemsCart().add('book');
  new Cart().add('book');
  note('One cart adds a book; then a brand-new cart is created:');
  kv({ 'new SharedItemsCart().items': new SharedItemsCart().items, 'new Cart().items': new Cart().items });
}

function immutableUpdates(): void {
  const todos = Object.freeze([
    { title: 'write tests', done: false },
    { title: 'benchmark', done: true },
  ]);
  code('todos.with(i, …) · todos.toSpliced(i, 1) · todos.toSorted(cmp) · [...todos, item]');
  kv({
    'toggleTodo(todos, 0)[0]': toggleTodo(todos, 0)[0],
    'removeTodo(todos, 0)': removeTodo(todos, 0).map((t) => t.title),
    'todos (frozen) unchanged': todos.map((t) => `${t.title}:${t.done}`),
  });
}

/** In-place vs `with()` for one size; the ratio is what the lesson is about. */
function timeOneSize(n: number): { n: number; inPlace: number; cow: number } {
  const values = Array.from({ length: n }, (_, i) => i);
  let current: readonly number[] = values;
  let cursor = 0;
  // A stride prime to n spreads the writes, so no single slot stays hot in cache.
  const next = () => {
    cursor = (cursor + 7_919) % n;
    return cursor;
  };
  medianTimePerCall(() => setInPlace(values, next(), 1), { calls: 1_000, rounds: 3 });
  const inPlace = medianTimePerCall(() => setInPlace(values, next(), 1), { calls: COW_CALLS });
  const cow = medianTimePerCall(
    () => {
      current = setWith(current, next(), 1);
    },
    { calls: COW_CALLS },
  );
  return { n, inPlace, cow };
}

function copyOnWriteCost(): void {
  const rows = COW_SIZES.map(timeOneSize);
  table(
    rows.map((r) => ({
      n: r.n,
      'in place': formatDuration(r.inPlace),
      'with()': formatDuration(r.cow),
      ratio: `${formatNumber(r.cow / r.inPlace)}×`,
    })),
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return;
  const small = first.cow / first.inPlace;
  const large = last.cow / last.inPlace;
  lessonCheck(
    large > small,
    `copy-on-write's penalty grows with n: with() copies every slot`,
    `${formatNumber(small)}× at n=${formatNumber(first.n)} → ${formatNumber(large)}× at n=${formatNumber(last.n)}`,
    'pnpm bench mutability',
  );
  say('An in-place write stays flat; pay the copy where sharing state safely is worth it, not in hot loops.');
}

await runDemo({
  title: 'Mutable vs immutable values',
  subtitle: 'Part 1, Q1 — primitives, freeze, readonly, sharing',
  sections: [
    {
      id: 'primitives',
      title: 'Primitives vs objects',
      why: 'Primitives never change and, symbols aside, compare by value; objects are shared by every name.',
      run: primitivesVsObjects,
    },
    {
      id: 'strings',
      title: 'Strings cannot be edited in place',
      why: 'Every string "edit" builds a new string; an index write is an error in strict code.',
      run: stringsAreImmutable,
    },
    {
      id: 'freeze',
      title: 'const is not immutability; Object.freeze is shallow',
      why: 'const fixes the binding, freeze fixes one level of properties; nested objects and Maps stay open.',
      run: freezeIsShallow,
    },
    {
      id: 'readonly',
      title: 'readonly and as const exist only for the compiler',
      why: 'Types are erased: a cast gets past readonly, only a runtime freeze stops the write.',
      run: readonlyIsCompileTime,
    },
    {
      id: 'sharing',
      title: 'Pass by sharing',
      why: 'A callee gets a copy of the reference: it can mutate your array, but cannot rebind your variable.',
      run: passBySharing,
    },
    {
      id: 'keys',
      title: 'Object keys compare by identity',
      why: 'A Map looks up an array or object key by identity, so an equal-looking key misses.',
      run: keysByIdentity,
    },
    {
      id: 'defaults',
      title: "Python's mutable-default bug does not exist here",
      why: 'Defaults are evaluated per call. The trap that does bite: a default that names one shared object.',
      run: defaultsPerCall,
    },
    {
      id: 'updates',
      title: 'Immutable updates',
      why: 'with(), toSpliced(), toSorted() and spread return new arrays and leave the original alone.',
      run: immutableUpdates,
    },
    {
      id: 'cost',
      title: 'What copy-on-write costs as the array grows',
      why: `One slot updated ${COW_CALLS} times per round; a quick look here, \`pnpm bench mutability\` measures properly.`,
      run: copyOnWriteCost,
    },
  ],
});
