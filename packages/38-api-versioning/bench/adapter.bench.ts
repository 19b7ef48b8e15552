import { type Bench, timeBench } from '@lab/common/bench';
import { presentV2, v2ToV1 } from '../src/representations.ts';
import type { User } from '../src/users-service.ts';

const user: User = {
  id: 42,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  createdAt: new Date('2026-03-01T12:00:00Z'),
};

const built = presentV2(user);

/** Keeps results alive so V8 cannot drop the work. */
let _sink = 0;

export default [
  timeBench({
    title:
      'Building one response body: v2 directly, v1 through the v2→v1 adapter, and the JSON.stringify both pay',
    baseline: 'v2: presentV2 + JSON.stringify',
    tasks: {
      'v2: presentV2 + JSON.stringify': () => {
        _sink += JSON.stringify(presentV2(user)).length;
      },
      'v1: presentV2 + v2ToV1 + JSON.stringify': () => {
        _sink += JSON.stringify(v2ToV1(presentV2(user))).length;
      },
      'v2ToV1 on a built v2 body': () => {
        _sink += v2ToV1(built).id;
      },
      'JSON.stringify of a built v2 body': () => {
        _sink += JSON.stringify(built).length;
      },
    },
    claims: [
      {
        says: 'Serving v1 through the adapter costs at most 1.5× serving v2 (v1’s body is also smaller to serialise)',
        subject: 'v1: presentV2 + v2ToV1 + JSON.stringify',
        below: 1.5,
      },
      {
        says: 'The adapter costs under three quarters of serialising the same body to JSON',
        subject: 'v2ToV1 on a built v2 body',
        against: 'JSON.stringify of a built v2 body',
        below: 0.75,
      },
    ],
  }),
] satisfies Bench[];
