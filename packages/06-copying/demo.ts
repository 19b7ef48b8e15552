import {
  bars,
  check,
  code,
  formatDuration,
  formatNumber,
  heading,
  kv,
  medianTimePerCall,
  note,
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

await runDemo(
  'Shallow vs deep copy',
  'Part 1, Q6 — assignment, shallow copies, structuredClone, JSON, deepClone',
  () => {
    heading('1. Three levels of copying');
    note('sharedReferences() lists the objects a copy still shares with its original.');
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

    heading('2. Every built-in shallow copy shares nested objects');
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

    heading('3. What each deep copy loses');
    note('One value, three deep copies; describeLosses() reports every path whose kind changed.');
    const sample = {
      at: new Date(0),
      tags: new Set(['a']),
      index: new Map([['k', 1]]),
      missing: undefined,
      ratio: Number.NaN,
      list: [undefined, 2],
      account: new Account('ada', 10),
    };
    const jsonLosses = describeLosses(sample, jsonRoundTrip(sample));
    const structuredLosses = describeLosses(sample, structuredCopy(sample));
    const handLosses = describeLosses(sample, deepClone(sample));
    const paths = [...new Set([...jsonLosses, ...structuredLosses, ...handLosses].map((l) => l.path))];
    const cell = (losses: typeof jsonLosses, path: string) => {
      const loss = losses.find((l) => l.path === path);
      return loss ? `${loss.before} → ${loss.after}` : 'kept';
    };
    table(
      paths.map((path) => ({
        path,
        JSON: cell(jsonLosses, path),
        structuredClone: cell(structuredLosses, path),
        deepClone: cell(handLosses, path),
      })),
    );

    heading('4. What each deep copy refuses');
    note(
      "JSON drops a method silently; deepClone shares functions instead of copying them, as Python's deepcopy does.",
    );
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

    heading('5. Private #fields: no outside copy can read them');
    note(
      'deepClone keeps the prototype, but #secret lives in the original only; a [deepCloneHook] fixes it.',
    );
    kv({
      'deepClone(new Vault(..)).reveal()': errorOf(() => deepClone(new Vault('s3cret')).reveal()),
      'deepClone(new CopyableVault(..)).reveal()': deepClone(new CopyableVault('s3cret')).reveal(),
    });
    code(
      '[deepCloneHook](clone) { return new CopyableVault(this.#secret); }   // Python: __deepcopy__(self, memo)',
    );

    heading('6. What they cost (nested order, ~90 objects)');
    note('A quick look; `pnpm bench copying` measures each shape properly.');
    const order = nestedOrder();
    const timings = [
      { label: 'spread (shallow)', value: medianMicros(() => ({ ...order }), 2_000) },
      { label: 'structuredClone', value: medianMicros(() => structuredCopy(order), 200) },
      { label: 'JSON round trip', value: medianMicros(() => jsonRoundTrip(order), 200) },
      { label: 'deepClone', value: medianMicros(() => deepClone(order), 200) },
    ];
    bars(timings, (us) => formatDuration(us / 1000));
    const [shallowCost, ...deepCosts] = timings.map((t) => t.value);
    const cheapestDeep = Math.min(...deepCosts);
    check(
      (shallowCost ?? Number.POSITIVE_INFINITY) < cheapestDeep,
      `the shallow copy was ${formatNumber(cheapestDeep / (shallowCost ?? 1))}× cheaper than the cheapest deep copy in this run`,
    );
    say('Copy deeply only what you will mutate; share (or freeze) the rest.');
  },
);
