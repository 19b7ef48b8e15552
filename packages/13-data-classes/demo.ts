import { inspect } from 'node:util';
import {
  code,
  formatBytes,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  measureHeap,
  medianTimePerCall,
  runDemo,
  say,
  table,
} from '@lab/common';
import { fill, MAKERS, type PointData } from './src/_shapes.ts';
import {
  DEFAULT_OPTIONS,
  deepFreeze,
  Employee,
  employeeFrom,
  FreshTags,
  Point,
  PrototypeTags,
  replace,
  replaceInstance,
  SharedTags,
  tryWrite,
  uniqueBy,
  valueEquals,
} from './src/index.ts';

function boilerplateSection(): void {
  code(`class Point {
  constructor(readonly x: number, readonly y: number, readonly label = '') { ... Object.freeze(this) }
}`);
  const p = new Point(1, 2, 'home');
  kv({
    'new Point(1, 2, "home")  (repr via util.inspect.custom)': inspect(p),
    'Object.keys(p)': Object.keys(p).join(', '),
    'JSON.stringify(p)': JSON.stringify(p),
  });
  say('Parameter properties are the __init__; repr, eq, hash and order are methods you write (or generate).');
}

function equalitySection(): void {
  const a = new Point(1, 2);
  const b = new Point(1, 2);
  kv({
    'a === b': a === b,
    'a.equals(b)': a.equals(b),
    'valueEquals({ x: 1, tags: ["a"] }, { x: 1, tags: ["a"] })': valueEquals(
      { x: 1, tags: ['a'] },
      { x: 1, tags: ['a'] },
    ),
    'new Set([a, b]).size': new Set([a, b]).size,
    'new Set([a.key, b.key]).size  (key = the __hash__)': new Set([a.key, b.key]).size,
    'uniqueBy([a, b, new Point(3, 4)], p => p.key).length': uniqueBy([a, b, new Point(3, 4)], (p) => p.key)
      .length,
  });
  say('No __eq__ hook exists: ===, Set, Map and includes() all compare objects by identity.');
}

function frozenSection(): void {
  const p = new Point(1, 2);
  const order = Object.freeze({ id: 7, lines: [{ sku: 'a', qty: 1 }] });
  table([
    { write: 'p.x = 5  (readonly + frozen Point)', result: tryWrite(() => Object.assign(p, { x: 5 })) },
    { write: 'order.id = 8  (Object.freeze)', result: tryWrite(() => Object.assign(order, { id: 8 })) },
    {
      write: 'order.lines[0].qty = 99  (nested)',
      result: tryWrite(() => Object.assign(order.lines[0] ?? {}, { qty: 99 })),
    },
  ]);
  const deep = deepFreeze({ id: 7, lines: [{ sku: 'a', qty: 1 }] });
  kv({ 'after deepFreeze, lines.push(…)': tryWrite(() => (deep.lines as unknown as unknown[]).push({})) });
  say('readonly is erased after compiling; Object.freeze is enforced at run time, one level deep.');
}

function replaceSection(): void {
  const p = new Point(1, 2, 'a');
  kv({
    'p.with({ y: 5 })': inspect(p.with({ y: 5 })),
    'p afterwards': inspect(p),
    'p.with({ x: NaN })  (through the constructor)': tryWrite(() => p.with({ x: Number.NaN })),
    'replaceInstance(p, { x: NaN })  (skips it)': inspect(replaceInstance(p, { x: Number.NaN })),
    "replace({ host: 'db', port: 5432 }, { port: 6432 })": JSON.stringify(
      replace({ host: 'db', port: 5432 }, { port: 6432 }),
    ),
  });
}

function orderingSection(): void {
  const at = new Date('2024-01-01T00:00:00Z');
  const staff = [
    new Employee('Cy', 90, [], at),
    new Employee('Ada', 120, [], at),
    new Employee('Bob', 90, [], at),
  ];
  kv({
    'staff.sort(Employee.compare)  (salary, then name)': [...staff]
      .sort(Employee.compare)
      .map((e) => `${e.name} ${e.salary}`)
      .join(', '),
    '[new Point(10, 0), new Point(9, 0)].sort()  (no comparator)': [new Point(10, 0), new Point(9, 0)]
      .sort()
      .map(String)
      .join(', '),
  });
  say('Without a comparator, sort() compares toString() output as text: 10 sorts before 9.');
}

function defaultsSection(): void {
  new FreshTags().add('a');
  new SharedTags().add('a');
  new PrototypeTags().add('a');
  const options = { ...DEFAULT_OPTIONS };
  options.headers.push('x-trace');
  table([
    {
      default: 'class field  tags: string[] = []',
      'next instance sees': JSON.stringify(new FreshTags().tags),
    },
    {
      default: 'constructor(tags = NO_TAGS)  (hoisted)',
      'next instance sees': JSON.stringify(new SharedTags().tags),
    },
    {
      default: 'Proto.prototype.tags = []  (Python class attr)',
      'next instance sees': JSON.stringify(new PrototypeTags().tags),
    },
    {
      default: '{ ...DEFAULT_OPTIONS }.headers.push',
      'next instance sees': JSON.stringify(DEFAULT_OPTIONS.headers),
    },
  ]);
  DEFAULT_OPTIONS.headers.length = 0;
  kv({
    'new Employee("Ada", 1).skills === new Employee("Bob", 1).skills':
      new Employee('Ada', 1).skills === new Employee('Bob', 1).skills,
  });
}

function zodSection(): void {
  const ok = employeeFrom({ name: ' Ada ', salary: 100, hiredAt: '2024-01-01T00:00:00Z' });
  kv({ 'employeeFrom(valid body)': ok.ok ? JSON.stringify(ok.employee) : ok.problems.join('; ') });
  const bad = employeeFrom({ name: '', salary: -5, hiredAt: 'last week', boss: 'me' });
  if (!bad.ok) table(bad.problems.map((problem) => ({ problem })));
  say(
    'The schema trims, converts the ISO string to a Date, fills skills with a fresh [] and refuses unknown keys.',
  );
}

function costSection(): void {
  const perBatch = (make: (x: number, y: number, label: string) => PointData) => {
    const out = new Array<PointData>(1_000);
    return medianTimePerCall(() => fill(out, make), { calls: 50, rounds: 9, warmupRounds: 3 });
  };
  const rows = Object.entries(MAKERS).map(([name, make]) => ({
    name,
    ms: perBatch(make),
    bytes: measureHeap(() => fill(new Array<PointData>(50_000), make)).retainedBytes / 50_000,
  }));
  table(
    rows.map((r) => ({
      record: r.name,
      'per 1,000 made': formatDuration(r.ms),
      'heap each': formatBytes(r.bytes),
    })),
  );
  const literal = rows.find((r) => r.name === 'object literal');
  const frozen = rows.find((r) => r.name === 'frozen literal');
  if (!literal || !frozen) return;
  lessonCheck(
    frozen.ms > literal.ms && Math.abs(frozen.bytes - literal.bytes) < literal.bytes * 0.1,
    'freezing costs time when the object is made, not memory',
    `frozen ${formatNumber(frozen.ms / literal.ms)}× the time, ${formatBytes(frozen.bytes)} vs ${formatBytes(literal.bytes)} each`,
    'pnpm bench data-classes',
  );
}

await runDemo({
  title: 'Dataclasses → value objects and records',
  subtitle: 'Part 2, Q3 — parameter properties, freeze, equality, replace, ordering, defaults, zod records',
  sections: [
    {
      id: 'boilerplate',
      title: 'What @dataclass generates, written in TypeScript',
      why: 'Parameter properties replace __init__; the rest is a few small methods.',
      run: boilerplateSection,
    },
    {
      id: 'equality',
      title: 'Equality and hashing',
      why: 'JavaScript compares objects by identity everywhere; value equality is yours to define.',
      run: equalitySection,
    },
    {
      id: 'frozen',
      title: 'frozen=True: readonly and Object.freeze',
      why: 'One is a compile-time promise, the other a run-time rule; both are shallow.',
      run: frozenSection,
    },
    {
      id: 'replace',
      title: 'dataclasses.replace: copy with changes',
      why: 'Going through the constructor keeps its checks; copying around it does not.',
      run: replaceSection,
    },
    {
      id: 'ordering',
      title: 'order=True: comparators',
      why: 'No __lt__: sort takes a comparator built from key functions.',
      run: orderingSection,
    },
    {
      id: 'defaults',
      title: 'Defaults computed per instance',
      why: "Python's mutable-default trap, and where it hides in TypeScript.",
      run: defaultsSection,
    },
    {
      id: 'zod',
      title: 'Validated records (pydantic’s side)',
      why: 'A schema checks, converts and fills defaults for data from outside.',
      run: zodSection,
    },
    {
      id: 'cost',
      title: 'What each kind of record costs',
      why: 'A quick look, timed now; `pnpm bench data-classes` measures it properly.',
      run: costSection,
    },
  ],
});
