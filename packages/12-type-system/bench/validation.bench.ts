import { timeBench } from '@lab/common/bench';
import { invalidSignup, validSignup } from '../src/_payloads.ts';
import { isSignupInput, type SignupInput, SignupSchema } from '../src/schemas.ts';

/** Checks per task call: one check is tens of nanoseconds, too short to time on its own. */
const CALLS = 100;
/** Results go here so the optimiser cannot drop the calls. */
let sink = 0;

const valid: unknown = validSignup();
const invalid: unknown = invalidSignup();

const times = (check: (value: unknown) => number, value: unknown) => (): number => {
  for (let i = 0; i < CALLS; i++) sink += check(value);
  return sink;
};

// "No check" is what `JSON.parse(body) as Signup` compiles to: the cast costs nothing, so the task reads one
// field, the least any handler does with its input.
const noCheck = (value: unknown): number => (value as SignupInput).age;
const guard = (value: unknown): number => (isSignupInput(value) ? 1 : 0);
const zod = (value: unknown): number => (SignupSchema.safeParse(value).success ? 1 : 0);

export default [
  timeBench({
    title: 'Checking a sign-up body (5 fields, 3 tags): no check vs a hand-written guard vs zod',
    baseline: 'zod safeParse (valid)',
    opsPerCall: CALLS,
    tasks: {
      'no check (as Signup)': times(noCheck, valid),
      'hand-written guard (valid)': times(guard, valid),
      'zod safeParse (valid)': times(zod, valid),
      'hand-written guard (invalid)': times(guard, invalid),
      'zod safeParse (invalid)': times(zod, invalid),
    },
    claims: [
      {
        // Measured 14× to 70× apart on one 2-core machine depending on load (zod's allocations suffer more);
        // the bound keeps half the smallest of those as margin.
        says: 'A hand-written guard checks a valid body over 5× faster than zod: it copies nothing and applies no defaults',
        subject: 'hand-written guard (valid)',
        below: 0.2,
      },
      {
        says: 'Skipping the check is cheaper still (under half the guard’s cost), and checks nothing',
        subject: 'no check (as Signup)',
        against: 'hand-written guard (valid)',
        below: 0.5,
      },
      {
        says: 'zod rejects an invalid body more slowly than it accepts a valid one (over 1.2×): it builds an issue per problem',
        subject: 'zod safeParse (invalid)',
        above: 1.2,
      },
      {
        says: 'The guard stops at the first problem, so a bad body costs it no more than a good one (under 1.5×)',
        subject: 'hand-written guard (invalid)',
        against: 'hand-written guard (valid)',
        below: 1.5,
      },
    ],
  }),
];
