import {
  bars,
  code,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  runDemo,
  say,
  table,
} from '@lab/common';
import {
  bytesPerPoint,
  LAYOUTS,
  type Layout,
  Point,
  pointsWithShapes,
  probeShapes,
  SealedPoint,
  type ShapeFinding,
  sumXMegamorphic,
  sumXMonomorphic,
  sumXPolymorphic,
} from './src/index.ts';

/** Fewer than the bench's million, so the whole tour stays well under 15 s; bytes per point do not change. */
const DEMO_POINTS = 100_000;

let findings: Promise<ShapeFinding[]> | undefined;
/** The child process runs once, whichever of the two sections asks first. */
const shapeFindings = (): Promise<ShapeFinding[]> => {
  findings ??= probeShapes();
  return findings;
};

async function printFindings(ids: readonly string[]): Promise<void> {
  const all = await shapeFindings();
  table(
    ids.map((id) => {
      const finding = all.find((f) => f.id === id);
      return { 'asked V8': finding?.question ?? id, answer: finding ? (finding.answer ? 'yes' : 'no') : '?' };
    }),
  );
}

async function hiddenClassesSection(): Promise<void> {
  code(`class Point { constructor(x, y) { this.x = x; this.y = y; } }   // src/_shape-probe.mjs
%HaveSameMap(new Point(1.5, 2.5), new Point(3.5, 4.5))             // node --allow-natives-syntax`);
  await printFindings([
    'same-class',
    'literal-order',
    'class-vs-literal',
    'conditional-field',
    'added-later',
  ]);
  say(
    'A hidden class is keyed by which fields were added, in which order. Same constructor, same order: one',
  );
  say('shape for a million objects, and every p.x is one map check plus a load at a fixed offset.');
}

async function dictionaryModeSection(): Promise<void> {
  await printFindings([
    'added-later-fast',
    'delete-middle-fast',
    'delete-first-literal-fast',
    'delete-last-fast',
    'undefined-instead',
    'many-keys-fast',
  ]);
  say(
    'Adding a field later only branches the shape tree; delete, or thousands of keys, drop the object into',
  );
  say(
    'dictionary mode: a per-object hash table, Python’s __dict__. Deleting the last-added field stayed fast',
  );
  say(
    `up to V8 11 (Node 20) and no longer does from V8 12 (Node 22); this run is V8 ${process.versions.v8}.`,
  );
  say('Set a field to undefined instead of deleting it; use a Map for keys that come and go.');
}

async function sealedSection(): Promise<void> {
  const point = new SealedPoint(1, 2);
  const attempt = (run: () => unknown): string => {
    try {
      run();
      return 'allowed';
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  };
  class Point3 extends SealedPoint {
    z = 0;
  }
  table([
    { 'on a SealedPoint': 'point.x = 5', result: attempt(() => Object.assign(point, { x: 5 })) },
    { 'on a SealedPoint': "point['z'] = 3", result: attempt(() => Object.assign(point, { z: 3 })) },
    { 'on a SealedPoint': 'new Point3() (adds z)', result: attempt(() => new Point3(1, 2)) },
  ]);
  await printFindings(['sealed-fast', 'sealed-same']);
  kv({ 'a plain Point accepts z': attempt(() => Object.assign(new Point(1, 2), { z: 3 })) });
}

function memorySection(): void {
  const layouts = Object.keys(LAYOUTS) as Layout[];
  const bytes = Object.fromEntries(layouts.map((l) => [l, bytesPerPoint(l, DEMO_POINTS)])) as Record<
    Layout,
    number
  >;
  bars(
    layouts.map((l) => ({ label: l, value: bytes[l] })),
    (v) => `${formatNumber(v)} bytes/point`,
  );
  const saved = 1 - bytes['class instance'] / bytes['dictionary-mode object'];
  kv({
    '1M class instances would hold': `${formatNumber(bytes['class instance'])} MB`,
    'saved by a fixed shape vs dictionary mode (ours)': `${formatNumber(saved * 100)}%`,
    'saved by __slots__ vs __dict__ (the Python series)': '~67%',
  });
  lessonCheck(
    saved > 0.5,
    'a class with a fixed shape takes under half the memory of a dictionary-mode object',
    `${formatNumber(bytes['class instance'])} vs ${formatNumber(bytes['dictionary-mode object'])} bytes a point`,
    'pnpm bench object-shapes',
  );
}

function inlineCachesSection(): void {
  const count = 10_000;
  const micros = (run: () => unknown) =>
    medianTimePerCall(run, { calls: 200, rounds: 9, warmupRounds: 5 }) * 1000;
  const mono = pointsWithShapes(1, count);
  const poly = pointsWithShapes(4, count);
  const mega = pointsWithShapes(32, count);
  const times = {
    'monomorphic (1 shape)': micros(() => sumXMonomorphic(mono)),
    'polymorphic (4 shapes)': micros(() => sumXPolymorphic(poly)),
    'megamorphic (32 shapes)': micros(() => sumXMegamorphic(mega)),
  };
  bars(
    Object.entries(times).map(([label, value]) => ({ label, value })),
    (v) => `${formatNumber(v)} µs per ${formatNumber(count)} reads of p.x`,
  );
  const ratio = times['megamorphic (32 shapes)'] / times['monomorphic (1 shape)'];
  lessonCheck(
    ratio > 2,
    'a read site that sees many shapes is over twice as slow as one that sees one',
    `megamorphic ${formatNumber(ratio)}× monomorphic`,
    'pnpm bench object-shapes',
  );
}

await runDemo({
  title: 'Object shapes: __slots__ on V8',
  subtitle: 'Hidden classes, dictionary mode, memory per object and inline caches (Part 2, Q7)',
  sections: [
    {
      id: 'hidden-classes',
      title: 'Hidden classes: same fields, same order, same shape',
      why: 'V8 gives every object a hidden class (a "map"); objects that share one share fast property access.',
      run: hiddenClassesSection,
    },
    {
      id: 'dictionary-mode',
      title: 'Dictionary mode: what delete does',
      why: 'The fast layout is V8’s default; Python’s per-instance dict is what V8 falls back to.',
      run: dictionaryModeSection,
    },
    {
      id: 'sealed',
      title: 'Refusing new attributes: Object.seal',
      why: '__slots__ also refuses undeclared attributes; TypeScript does it at compile time, Object.seal at run time.',
      run: sealedSection,
    },
    {
      id: 'memory',
      title: `Memory per point (${formatNumber(DEMO_POINTS)} held; the bench holds 1,000,000)`,
      why: 'The __slots__ claim, measured: the same two doubles in five layouts, retained heap after a full GC.',
      run: memorySection,
    },
    {
      id: 'inline-caches',
      title: 'Inline caches: monomorphic, polymorphic, megamorphic',
      why: 'A property read remembers the shapes it has seen; many shapes turn it into a hash lookup.',
      run: inlineCachesSection,
    },
  ],
});
