import { code, formatNumber, kv, lessonCheck, note, runDemo, say, table } from '@lab/common';
import { interleaved } from '@lab/common/bench';
import { aSquare } from './src/_chain-examples.ts';
import { DecoratedRating, GetterRating, PlainRating, proxiedRating } from './src/_contenders.ts';
import {
  AssignsInConstructor,
  chainOf,
  describeOwn,
  explainAssignment,
  FieldShadows,
  findProperty,
  flagEffects,
  flagString,
  LegacyProduct,
  nameOf,
  Product,
  predictAssignment,
  Rated,
  RatedWithDefault,
  RatedWithDefinite,
  readThroughProxy,
  Temperature,
  TsPrivateWallet,
  visibleState,
  Wallet,
} from './src/index.ts';

/** Reads are added here, at module level, so V8 cannot drop them as unused. */
let sink = 0;
export const observedSink = (): number => sink;

/** `run`'s result as text, or the first line of the error it threw. */
function outcome(run: () => unknown): string {
  try {
    const value = run();
    return value === undefined ? 'ok' : String(value);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message.split('\n')[0] ?? ''}`;
  }
}

function accessorsSection(): void {
  const t = new Temperature(100);
  kv({ 'new Temperature(100).fahrenheit': t.fahrenheit });
  t.fahrenheit = 32;
  kv({
    'after t.fahrenheit = 32, t.celsius': t.celsius,
    't.celsius = -300': outcome(() => {
      t.celsius = -300;
    }),
    't.kelvin = 0 (getter only)': outcome(() => {
      (t as { kelvin: number }).kelvin = 0;
    }),
    'Object.keys(t)': JSON.stringify(Object.keys(t)),
    'Temperature.prototype fahrenheit': flagString(describeOwn(Temperature.prototype, 'fahrenheit')),
  });
  say('Like @property: the accessors live on the class (the prototype), the state in the instance.');
}

function flagsSection(): void {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, 'defined', { value: 1 });
  o.assigned = 2;
  kv({
    "Object.defineProperty(o, 'defined', { value: 1 })": flagString(describeOwn(o, 'defined')),
    'o.assigned = 2': flagString(describeOwn(o, 'assigned')),
  });
  const cases: Array<[string, PropertyDescriptor]> = [
    ['{ value } (all flags default false)', { value: 1 }],
    ['{ value, writable }', { value: 1, writable: true }],
    ['{ value, enumerable }', { value: 1, enumerable: true }],
    ['{ value, configurable }', { value: 1, configurable: true }],
    [
      '{ value, writable, enumerable, configurable }',
      { value: 1, writable: true, enumerable: true, configurable: true },
    ],
    ['{ get } (no setter)', { get: () => 1, configurable: true }],
  ];
  table(cases.map(([descriptor, d]) => ({ descriptor, ...flagEffects(d) })));
  note(
    'Each cell was found by trying it in strict (module) code; writable + non-configurable still allows a value-only redefine.',
  );
}

function lookupSection(): void {
  const square = aSquare();
  say(`chain: ${chainOf(square).map(nameOf).join(' → ')}`);
  const keys = ['describe', 'sides', 'label', 'kind', 'missing'];
  table(
    keys.map((key) => {
      const found = findProperty(square, key);
      const prediction = explainAssignment(predictAssignment(square, key));
      const engine = outcome(() => {
        square[key] = 'x';
      });
      return {
        key,
        'found on': found ? `${found.ownerName} (${found.summary.kind})` : '(nowhere)',
        'square[key] = … predicted': prediction,
        'engine said': engine.startsWith('TypeError') ? 'TypeError' : engine,
        'own now?': Object.hasOwn(square, key),
      };
    }),
  );
  note(
    'A read: the nearest owner answers, whatever its kind. A write: an inherited setter or read-only property decides.',
  );
}

function pythonOrderSection(): void {
  const square = aSquare();
  Object.defineProperty(square, 'label', { value: 'own data', writable: true });
  kv({
    "after defineProperty(square, 'label', …), square.label": square.label,
    'found on': findProperty(square, 'label')?.ownerName,
  });
  table([
    {
      Python: '1 data descriptor on the class (property)',
      JavaScript: 'an inherited setter catches obj.x = v; an own property still wins a read',
    },
    { Python: '2 instance __dict__', JavaScript: 'own properties: always first on a read' },
    {
      Python: '3 non-data descriptor (function)',
      JavaScript: 'methods: writable data on the prototype, shadowed by assignment',
    },
    { Python: '4 class attribute', JavaScript: 'any property further up the chain' },
    { Python: '5 __getattr__', JavaScript: 'no hook on ordinary objects; a Proxy get trap' },
  ]);
  say(
    'JavaScript has no "data descriptor beats the instance" rule: defineProperty on the instance overrides any accessor.',
  );
}

function validatedSection(): void {
  const p = new Product('Widget', 9.99, 100);
  code('class Product { @range(0, 5) accessor rating = 0; … }');
  kv({
    'p.rating = 4': outcome(() => {
      p.rating = 4;
    }),
    'p.rating = 7': outcome(() => {
      p.rating = 7;
    }),
    'p.rating after the refusal': p.rating,
    'p.quantity = NaN': outcome(() => {
      p.quantity = Number.NaN;
    }),
    "new Product('Widget', -5, 1)": outcome(() => new Product('Widget', -5, 1)),
    'JSON.stringify(p)': JSON.stringify(p),
    'new LegacyProduct().rating = 9 (defineProperty, no decorator)': outcome(() => {
      new LegacyProduct().rating = 9;
    }),
  });
  note(
    'accessor fields are prototype accessors over a private slot: JSON and Object.keys do not see them; add toJSON.',
  );
}

function classFieldsSection(): void {
  table(
    [FieldShadows, AssignsInConstructor].map((Cls) => {
      const o = new Cls();
      o.label = 'later';
      return {
        subclass: Cls.name,
        'setter calls': JSON.stringify(o.writes),
        'own label?': Object.hasOwn(o, 'label'),
      };
    }),
  );
  say(
    "A field `label = '…'` is defineProperty on the instance: the parent's setter never runs, not even later.",
  );
  note('TypeScript flags that one (TS2610). It cannot when the accessor is installed at run time:');
  kv({
    'new Rated().rating = 9 (declare rating)': outcome(() => {
      new Rated().rating = 9;
    }),
    'new RatedWithDefault().rating (field rating = 9)': new RatedWithDefault().rating,
    'new RatedWithDefinite().rating = 9 (rating!: number)': outcome(() => {
      const r = new RatedWithDefinite();
      r.rating = 9;
      return r.rating;
    }),
  });
}

function privateSection(): void {
  const wallet = new Wallet(100);
  const tsPrivate = new TsPrivateWallet(100);
  table([
    {
      class: 'Wallet (#cents)',
      'Reflect.ownKeys': JSON.stringify(visibleState(wallet).keys),
      JSON: visibleState(wallet).json,
    },
    {
      class: 'TsPrivateWallet (private cents)',
      'Reflect.ownKeys': JSON.stringify(visibleState(tsPrivate).keys),
      JSON: visibleState(tsPrivate).json,
    },
  ]);
  kv({
    'Wallet.isWallet({ cents: 1 })': Wallet.isWallet({ cents: 1 }),
    'new Proxy(wallet, {}).cents': outcome(() => readThroughProxy(wallet, false)),
    'Proxy forwarding reads to the target': readThroughProxy(wallet, true),
  });
}

async function costSection(): Promise<void> {
  // Two instances read alternately, so V8 cannot hoist one load out of the loop and time an empty loop.
  const plain = [new PlainRating(), new PlainRating()] as const;
  const getter = [new GetterRating(), new GetterRating()] as const;
  const decorated = [new DecoratedRating(), new DecoratedRating()] as const;
  const proxy = [proxiedRating(), proxiedRating()] as const;
  const ops = 10_000;
  const samples = await interleaved(
    {
      plain: () => {
        for (let i = 0; i < ops; i++) sink += (i & 1 ? plain[1] : plain[0]).rating;
      },
      getter: () => {
        for (let i = 0; i < ops; i++) sink += (i & 1 ? getter[1] : getter[0]).rating;
      },
      '@range accessor': () => {
        for (let i = 0; i < ops; i++) sink += (i & 1 ? decorated[1] : decorated[0]).rating;
      },
      Proxy: () => {
        for (let i = 0; i < ops; i++) sink += (i & 1 ? proxy[1] : proxy[0]).rating;
      },
    },
    // Enough warm-up for V8 to optimise each loop before anything is timed (as the bench does).
    { rounds: 15, warmupRounds: 5, opsPerCall: ops, targetMs: 5 },
  );
  const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  const ns = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v) * 1e6]));
  table(
    Object.entries(ns).map(([read, n]) => ({
      read,
      'ns per read': formatNumber(n),
      'vs plain': `${formatNumber(n / (ns.plain ?? 1))}×`,
    })),
  );
  const getterRatio = (ns.getter ?? 0) / (ns.plain ?? 1);
  const proxyRatio = (ns.Proxy ?? 0) / (ns.getter ?? 1);
  lessonCheck(
    getterRatio < 2 && proxyRatio > 2,
    'a getter reads like a plain property; a Proxy trap costs several times more',
    `getter ${formatNumber(getterRatio)}× plain, Proxy ${formatNumber(proxyRatio)}× getter`,
    'pnpm bench property-descriptors',
  );
}

await runDemo({
  title: 'Descriptors: accessors, property flags, validated fields',
  subtitle: 'Part 2, Q10 — getters/setters, defineProperty, the prototype chain, @range accessor, #fields',
  sections: [
    {
      id: 'accessors',
      title: 'Getters and setters (@property)',
      why: 'A computed, validated property on the prototype; the value lives in a #field.',
      run: accessorsSection,
    },
    {
      id: 'flags',
      title: 'Descriptor flags: writable, enumerable, configurable',
      why: 'flagEffects() tries each operation on a fresh object, so the table comes from the engine.',
      run: flagsSection,
    },
    {
      id: 'lookup',
      title: 'Lookup along the prototype chain, reads and writes',
      why: 'predictAssignment() follows the spec’s [[Set]]; the engine column is the real assignment.',
      run: lookupSection,
    },
    {
      id: 'python-order',
      title: "Python's lookup order, side by side",
      why: 'Python ranks descriptor kinds; JavaScript only asks who is nearest (and, on a write, what they allow).',
      run: pythonOrderSection,
    },
    {
      id: 'validated',
      title: 'A reusable validated field: @range(0, 5) accessor rating',
      why: 'The seed’s Validated descriptor as an accessor decorator, with an error that names class, field, rule and value.',
      run: validatedSection,
    },
    {
      id: 'class-fields',
      title: 'Class fields are defined, not assigned',
      why: "A subclass field with a parent setter's name replaces the setter for that instance.",
      run: classFieldsSection,
    },
    {
      id: 'private',
      title: 'Private #fields vs TypeScript private',
      why: '#fields are not properties at all: no descriptor, no key, no Proxy access.',
      run: privateSection,
    },
    {
      id: 'cost',
      title: 'What each kind of read costs',
      why: 'A quick look, timed now in interleaved rounds; `pnpm bench property-descriptors` measures reads and writes properly.',
      run: costSection,
    },
  ],
});
