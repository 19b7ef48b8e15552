import { interleaved, measureBench } from '@lab/common/bench';
import { Conversions, celsiusToFahrenheit, LinearScale } from '../src/conversions.ts';
import { Temperature } from '../src/temperature.ts';

// Short loops, called many times: with one 1,000,000-iteration call per sample, V8 runs the loop as
// on-stack-replacement code, and on a random contender per run that code stayed ~5× slower than the rest.
// Ten thousand calls per task, repeated to ~20 ms a sample, after ten warm-up rounds (with three, one
// contender still sometimes ran at 3× the others), lets every task settle into ordinary optimised code.
const CALLS = 10_000;
const SEED =
  'The Python series compares the three kinds by what they can access, not by speed; it states no figure.';

// Results go somewhere observable so the JIT cannot drop the calls as dead code.
let sink = 0;
const scale = LinearScale.celsiusToFahrenheit();

/** Each task converts the same 10,000 inputs and adds them up; only the way the function is reached differs. */
const callTasks: Record<string, () => void> = {
  'module function': () => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += celsiusToFahrenheit(i & 127);
    sink += sum;
  },
  'static method': () => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += Conversions.celsiusToFahrenheit(i & 127);
    sink += sum;
  },
  'instance method': () => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += scale.convert(i & 127);
    sink += sum;
  },
};

/** Building an object: `new` directly vs through a static factory (which also validates, for Temperature). */
const buildTasks: Record<string, () => void> = {
  'new LinearScale(…)': () => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += new LinearScale(9 / 5, i & 127).offset;
    sink += sum;
  },
  'LinearScale.celsiusToFahrenheit() (factory)': () => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += LinearScale.celsiusToFahrenheit().offset + (i & 127);
    sink += sum;
  },
  'Temperature.fromCelsius(…) (factory + validation)': () => {
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += Temperature.fromCelsius(i & 127).kelvin;
    sink += sum;
  },
};

/** Nanoseconds per call from interleaved rounds (a burst of load on the shared machine hits every contender). */
async function nsPerCall(
  tasks: Record<string, () => void>,
  smoke: boolean,
): Promise<Record<string, number[]>> {
  const ms = await interleaved(tasks, {
    rounds: smoke ? 2 : 25,
    warmupRounds: 10,
    opsPerCall: CALLS,
    targetMs: smoke ? 1 : 20,
  });
  if (sink === Number.NEGATIVE_INFINITY) throw new Error('unreachable: keeps `sink` alive');
  return Object.fromEntries(Object.entries(ms).map(([name, samples]) => [name, samples.map((v) => v * 1e6)]));
}

export default [
  measureBench({
    title:
      'Calling the same conversion as a module function, a static method and an instance method (time per call)',
    baseline: 'module function',
    unit: 'ns/call',
    better: 'lower',
    measure: ({ smoke }) => nsPerCall(callTasks, smoke),
    claims: [
      {
        says: 'A static method costs the same as a module function once inlined (within 1.5× either way): choose by design, not speed',
        subject: 'static method',
        above: 0.67,
        below: 1.5,
        seed: SEED,
      },
      {
        says: 'An instance method reading two fields costs the same as a module function (within 1.5× either way)',
        subject: 'instance method',
        above: 0.67,
        below: 1.5,
        seed: SEED,
      },
    ],
  }),
  measureBench({
    title: 'Building an object: new vs a static factory (time per object)',
    baseline: 'new LinearScale(…)',
    unit: 'ns/object',
    better: 'lower',
    measure: ({ smoke }) => nsPerCall(buildTasks, smoke),
    claims: [
      {
        // Both are a few nanoseconds, and at that size the ratio is noisy (1.8× to 2.2× across runs here): the claim is
        // only that a factory adds no cost a caller could notice, not that it is free.
        says: 'A static factory that only calls new stays within 3× of a bare new: a few nanoseconds either way',
        subject: 'LinearScale.celsiusToFahrenheit() (factory)',
        below: 3,
      },
    ],
  }),
];
