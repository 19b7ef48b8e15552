/**
 * One password hash at the chosen cost (N=2^15, r=8, p=3) against a lower one (N=2^14, r=8, p=1, the
 * scrypt paper's 2009 figure for interactive logins), through the same async node:crypto call, in turns.
 */
import { interleaved, measureBench } from '@lab/common/bench';
import { DEFAULT_COST, hashPassword, type ScryptCost } from '../src/password.ts';

const LOWER: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };
const CHOSEN = 'chosen: N=2^15, r=8, p=3';
const LOW = 'lower: N=2^14, r=8, p=1';

export default [
  measureBench({
    title: 'Hashing one password with async scrypt: the chosen cost vs a lower one',
    baseline: LOW,
    unit: 'ms/hash',
    better: 'lower',
    measure: ({ smoke }) =>
      interleaved(
        {
          [CHOSEN]: () => hashPassword('correct horse battery staple', { cost: DEFAULT_COST }),
          [LOW]: () => hashPassword('correct horse battery staple', { cost: LOWER }),
        },
        { rounds: smoke ? 1 : 9, warmupRounds: smoke ? 0 : 1 },
      ),
    claims: [
      {
        says: 'the chosen cost (2× N, 3× p) makes a hash at least 2.5× as costly as N=2^14, r=8, p=1',
        subject: CHOSEN,
        above: 2.5,
      },
    ],
  }),
];
