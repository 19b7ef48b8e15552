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
import { nestedOrder } from './src/_shapes.ts';
import { Account, Vault } from './src/examples.ts';
import {
  type CloneChild,
  deepClone,
  deepCloneHook,
  describeLosses,
  jsonRoundTrip,
  type Loss,
  SHALLOW_ARRAY_COPIES,
  SHALLOW_OBJECT_COPIES,
  shallowCloneInstance,
  sharedReferences,
  structuredCopy,
} from './src/index.ts';

class CopyableVault {
  #secret: string;
  constructor(secret: string) {
    this.#secret = secret;
  }
  reveal(): string {
    return this.#secret;
  }
  [deepCloneHook](_clone: CloneChild): CopyableVault {
    return new CopyableVault(this.#secret);
  }
}

/** Whether `copyOf(value)` threw (and what), dropped something (and where), or copied it all. */
function outcome(value: unknown, copyOf: (value: unknown) => unknown): string {
  try {
    const losses = describeLosses(value, copyOf(value));
    return losses.length === 0
      ? 'copied'
      : `copied, but ${losses.map((l) => `${l.path} → ${l.after}`).join(', ')}`;
  } catch (error) {
    return describeError(error);
  }
}

/** `run`'s result as text, or the error it threw. */
function errorOf(run: () => unknown): string {
  try {
    return String(run());
  } catch (error) {
    return describeError(error);
  }
}

function describeError(error: unknown): string {
  const message = (error as Error).message.split('\n')[0] ?? '';
  return `${(error as Error).name}: ${message.length > 60 ? `${message.slice(0, 59)}…` : message}`;
}

/** Median microseconds per call of `run`, after one warm-up round. */
const medianMicros = (run: () => unknown, calls: number): number =>
  medianTimePerCall(run, { calls, rounds: 9, warmupRounds: 1 }) * 1000;

function levelsSection(): void {
  const original = [
    [1, 2, 3],
    [4, 5, 6],
  ];
  table([
    { copy: 'assigned = original', shares: sharedReferences(original, original).join(' ') },
    { copy: 'shallow = [...original]', shares: sharedReferences(original, [...original]).join(' ') },
    {
      copy: 'deep = structuredClone(original)',
      shares: sharedReferences(original, structuredCopy(original)).join(' ') || '(nothing)',
    },
  ]);
  const shallow = [...original];
  (shallow[0] as number[])[0] = 99;
  kv({ 'after shallow[0][0] = 99, original[0]': original[0] });
}

function shallowSection(): void {
  const users = [{ id: 1 }, { id: 2 }];
  const config = { name: 'api', db: { host: 'a' } };
  table([
    ...Object.entries(SHALLOW_ARRAY_COPIES).map(([name, copyOf]) => ({
      copy: name,
      'still shared': sharedReferences(users, copyOf(users)).join(' '),
    })),
    ...Object.entries(SHALLOW_OBJECT_COPIES).map(([name, copyOf]) => ({
      copy: name,
      'still shared': sharedReferences(config, copyOf(config)).join(' '),
    })),
  ]);
  const spreadAccount = { ...new Account('ada', 10) };
  const kept = shallowCloneInstance(new Account('ada', 10));
  kv({
    '{ ...account } instanceof Account': spreadAccount instanceof Account,
    'shallowCloneInstance(account) instanceof Account': kept instanceof Account,
  });
}

function lossesSection(): void {
  const sample = {
    at: new Date(0),
    tags: new Set(['a']),
    index: new Map([['k', 1]]),
    missing: undefined,
    ratio: Number.NaN,
    list: [undefined, 2],
    account: new Account('ada', 10),
  };
  const byCopy = {
    JSON: describeLosses(sample, jsonRoundTrip(sample)),
    structuredClone: describeLosses(sample, structuredCopy(sample)),
    deepClone: describeLosses(sample, deepClone(sample)),
  };
  const paths = [...new Set(Object.values(byCopy).flatMap((losses) => losses.map((l) => l.path)))];
  const cell = (losses: Loss[], path: string) => {
    const loss = losses.find((l) => l.path === path);
    return loss ? `${loss.before} → ${loss.after}` : 'kept';
  };
  table(
    paths.map((path) => ({
      path,
      JSON: cell(byCopy.JSON, path),
      structuredClone: cell(byCopy.structuredClone, path),
      deepClone: cell(byCopy.deepClone, path),
    })),
  );
}

function refusesSection(): void {
  const cyclic: { self?: unknown } = {};
  cyclic.self = cyclic;
  const inputs: Array<[string, unknown]> = [
    ['a cycle', cyclic],
    ['a BigInt', { id: 1n }],
    ['a method', { greet() {} }],
    ['a WeakMap', { cache: new WeakMap() }],
  ];
  table(
    inputs.map(([what, value]) => ({
      input: what,
      JSON: outcome(value, jsonRoundTrip),
      structuredClone: outcome(value, structuredCopy),
      deepClone: outcome(value, deepClone),
    })),
  );
}

function privateFieldsSection(): void {
  kv({
    'deepClone(new Vault(..)).reveal()': errorOf(() => deepClone(new Vault('s3cret')).reveal()),
    'deepClone(new CopyableVault(..)).reveal()': deepClone(new CopyableVault('s3cret')).reveal(),
  });
  code(
    '[deepCloneHook](clone) { return new CopyableVault(this.#secret); }   // Python: __deepcopy__(self, memo)',
  );
}

function costSection(): void {
  const order = nestedOrder();
  const timings = [
    { label: 'spread (shallow)', value: medianMicros(() => ({ ...order }), 2_000) },
    { label: 'structuredClone', value: medianMicros(() => structuredCopy(order), 200) },
    { label: 'JSON round trip', value: medianMicros(() => jsonRoundTrip(order), 200) },
    { label: 'deepClone', value: medianMicros(() => deepClone(order), 200) },
  ];
  bars(timings, (us) => formatDuration(us / 1000));
  const [shallow, ...deep] = timings;
  const cheapestDeep = deep.reduce((best, t) => (t.value < best.value ? t : best));
  const shallowUs = shallow?.value ?? Number.POSITIVE_INFINITY;
  lessonCheck(
    shallowUs < cheapestDeep.value,
    'a shallow copy costs less than any deep copy',
    `spread ${formatDuration(shallowUs / 1000)} vs ${cheapestDeep.label} ${formatDuration(cheapestDeep.value / 1000)}, ${formatNumber(cheapestDeep.value / shallowUs)}×`,
    'pnpm bench copying',
  );
  say('Copy deeply only what you will mutate; share (or freeze) the rest.');
}

await runDemo({
  title: 'Shallow vs deep copy',
  subtitle: 'Part 1, Q6 — assignment, shallow copies, structuredClone, JSON, deepClone',
  sections: [
    {
      id: 'levels',
      title: 'Three levels of copying',
      why: 'sharedReferences() lists the objects a copy still shares with its original.',
      run: levelsSection,
    },
    {
      id: 'shallow',
      title: 'Every built-in shallow copy shares nested objects',
      why: 'Spread, slice, Array.from, concat and Object.assign copy one level; a spread also drops the prototype.',
      run: shallowSection,
    },
    {
      id: 'losses',
      title: 'What each deep copy loses',
      why: 'One value, three deep copies; describeLosses() reports every path whose kind changed.',
      run: lossesSection,
    },
    {
      id: 'refuses',
      title: 'What each deep copy refuses',
      why: "JSON drops a method silently; deepClone shares functions instead of copying them, as Python's deepcopy does.",
      run: refusesSection,
    },
    {
      id: 'private-fields',
      title: 'Private #fields: no outside copy can read them',
      why: 'deepClone keeps the prototype, but #secret lives in the original only; a [deepCloneHook] fixes it.',
      run: privateFieldsSection,
    },
    {
      id: 'cost',
      title: 'What they cost (nested order, ~90 objects)',
      why: 'A quick look, timed now; `pnpm bench copying` measures each shape properly.',
      run: costSection,
    },
  ],
});
