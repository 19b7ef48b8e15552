import {
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
  Button,
  Conversions,
  celsiusToFahrenheit,
  Gadget,
  Knob,
  LinearScale,
  Model,
  Product,
  Slider,
  Temperature,
  User,
  Widget,
} from './src/index.ts';

/** What `run` returned, or the error it threw, as one line. */
function outcome(run: () => unknown): string {
  try {
    return String(run());
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

function threeKindsSection(): void {
  const scale = LinearScale.celsiusToFahrenheit();
  table([
    {
      kind: 'instance method',
      call: 'scale.convert(100)',
      receives: 'this = scale',
      result: scale.convert(100),
    },
    {
      kind: 'static method (classmethod)',
      call: "User.fromJSON('{…}')",
      receives: 'this = User',
      result: User.fromJSON('{"email":"ada@example.com"}').constructor.name,
    },
    {
      kind: 'static method (staticmethod)',
      call: 'Conversions.celsiusToFahrenheit(100)',
      receives: 'this unused',
      result: Conversions.celsiusToFahrenheit(100),
    },
    {
      kind: 'module function',
      call: 'celsiusToFahrenheit(100)',
      receives: 'no this',
      result: celsiusToFahrenheit(100),
    },
  ]);
  say(
    'JavaScript has one static: whether it acts as classmethod or staticmethod depends on whether it uses this.',
  );
}

function factoriesSection(): void {
  kv({
    'Temperature.fromCelsius(37).toFahrenheit()': Temperature.fromCelsius(37).toFahrenheit(),
    'Temperature.fromFahrenheit(212).toString()': Temperature.fromFahrenheit(212).toString(),
    "Temperature.parse('300K').toCelsius()": Temperature.parse('300K').toCelsius(),
    'Temperature.fromCelsius(-300)': outcome(() => Temperature.fromCelsius(-300)),
    "Temperature.parse('hot')": outcome(() => Temperature.parse('hot')),
  });
  code('new Temperature(300)   // TS2673: Constructor of class Temperature is private');
  const Unchecked = Temperature as unknown as new (kelvin: number) => Temperature;
  kv({ 'new (Temperature as any)(300), at run time': outcome(() => new Unchecked(300)) });
  say(
    'private constructor is erased at compile time; the module-private token is what stops the call at run time.',
  );
}

function subclassAwareSection(): void {
  const built = [
    ['User.fromJSON(\'{"email":"a@b.c"}\')', () => User.fromJSON('{"email":"a@b.c"}')],
    ["Product.fromCSV('sku,price\\nA1,9.5')[0]", () => Product.fromCSV('sku,price\nA1,9.5')[0]],
    ['User.fromJSONHardCoded(\'{"name":"x"}\')', () => User.fromJSONHardCoded('{"name":"x"}')],
  ] as const;
  table(
    built.map(([call, make]) => {
      const made = make();
      return { call, 'built a': made?.constructor.name, 'instanceof User': made instanceof User };
    }),
  );
  kv({ 'User.fromJSON(\'{"name":"x"}\')': outcome(() => User.fromJSON('{"name":"x"}')) });
  say(
    '`new this(…)` builds the class before the dot and validates with its static `required`; `new Model(…)` does neither.',
  );
}

function staticInheritanceSection(): void {
  Widget.make();
  Button.make();
  Button.make();
  Slider.make();
  Gadget.make();
  Knob.make();
  table([
    { class: 'Widget', created: Widget.created, 'own field': Object.hasOwn(Widget, 'created') },
    { class: 'Button', created: Button.created, 'own field': Object.hasOwn(Button, 'created') },
    { class: 'Slider', created: Slider.created, 'own field': Object.hasOwn(Slider, 'created') },
    { class: 'Gadget', created: Gadget.created, 'own field': Object.hasOwn(Gadget, 'created') },
    { class: 'Knob', created: Knob.created, 'own field': Object.hasOwn(Knob, 'created') },
  ]);
  kv({ 'Object.getPrototypeOf(User) === Model': Object.getPrototypeOf(User) === Model });
  say(
    "this.created++ on Button reads Widget.created, then writes Button's own: Python's cls.created += 1 does the same.",
  );
}

function detachedSection(): void {
  const rows = ['{"email":"a@x.io"}', '{"email":"b@x.io"}'];
  const detached = User.fromJSON as unknown as (json: string) => User;
  kv({
    'rows.map(User.fromJSON)': outcome(() => rows.map(detached)),
    'rows.map((j) => User.fromJSON(j))': rows.map((j) => User.fromJSON(j).email).join(', '),
    'rows.map(User.fromJSON.bind(User))': rows.map(User.fromJSON.bind(User)).length,
    '[t2, t1].sort(Temperature.compare) (no this needed)': [
      Temperature.fromCelsius(2),
      Temperature.fromCelsius(1),
    ]
      .sort(Temperature.compare)
      .join(' '),
  });
  say(
    'TypeScript rejects the first line already: fromJSON declares a `this` parameter, and a detached call has none.',
  );
}

const CALLS = 10_000;
const timing = { rounds: 15, warmupRounds: 10 };

// One loop per kind: closures from one function literal share call-site feedback, and a `convert(c)` site
// that sees three different functions stops inlining any of them, which would time the harness instead.
function timeModuleFunction(): number {
  return medianTimePerCall(() => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += celsiusToFahrenheit(i & 127);
    return sum;
  }, timing);
}

function timeStaticMethod(): number {
  return medianTimePerCall(() => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += Conversions.celsiusToFahrenheit(i & 127);
    return sum;
  }, timing);
}

function timeInstanceMethod(scale: LinearScale): number {
  return medianTimePerCall(() => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += scale.convert(i & 127);
    return sum;
  }, timing);
}

function callCostSection(): void {
  const rows = [
    { kind: 'module function', ms: timeModuleFunction() / CALLS },
    { kind: 'static method', ms: timeStaticMethod() / CALLS },
    { kind: 'instance method', ms: timeInstanceMethod(LinearScale.celsiusToFahrenheit()) / CALLS },
  ];
  table(rows.map((r) => ({ kind: r.kind, 'per call': formatDuration(r.ms) })));
  const spread = Math.max(...rows.map((r) => r.ms)) / Math.min(...rows.map((r) => r.ms));
  lessonCheck(
    spread < 2,
    'the three kinds of call cost the same once V8 has inlined them (within 2×)',
    `slowest / fastest = ${formatNumber(spread)}×`,
    'pnpm bench static-and-factory-methods',
  );
}

await runDemo({
  title: 'Static and factory methods',
  subtitle:
    'Part 2, Q6 — instance vs static methods, subclass-aware factories, private constructors, module functions',
  sections: [
    {
      id: 'three-kinds',
      title: 'Instance, static and module function',
      why: 'What each receives: an instance, the class (when it uses this), or nothing.',
      run: threeKindsSection,
    },
    {
      id: 'factories',
      title: 'Named factories and a private constructor',
      why: 'The unit is in the name; every factory goes through one validating constructor.',
      run: factoriesSection,
    },
    {
      id: 'subclass-aware',
      title: "Factories that follow `this` (Python's cls)",
      why: 'Called on a subclass, `new this(…)` builds that subclass; a hard-coded class name does not.',
      run: subclassAwareSection,
    },
    {
      id: 'static-inheritance',
      title: 'Static fields are inherited, and writes through this shadow them',
      why: 'A subclass constructor’s prototype is the parent constructor.',
      run: staticInheritanceSection,
    },
    {
      id: 'detached',
      title: 'A static method passed as a callback loses its class',
      why: 'this is set by the call, not by where the method lives.',
      run: detachedSection,
    },
    {
      id: 'call-cost',
      title: 'What each kind of call costs',
      why: 'A quick look, timed now; `pnpm bench static-and-factory-methods` interleaves rounds.',
      run: callCostSection,
    },
  ],
});
