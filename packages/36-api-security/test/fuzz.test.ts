/**
 * Property-based fuzzing of every JSON endpoint over real HTTP: generated bodies (arbitrary JSON, odd
 * strings, prototype keys, 10k characters, deep nesting, plain garbage) must never get a 5xx, and every
 * 4xx must be the kit's problem body. The seed is fixed so CI is repeatable; FUZZ_SEED picks another.
 */
import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppFixture, rawSender, startApp, testResolver } from './_app-fixture.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 36_036);
const RUNS = 1_000;
const ENDPOINTS = [
  ['PATCH', '/users/1'],
  ['PATCH', '/users/1/preferences'],
  ['POST', '/fetch'],
] as const;

/** One UTF-16 code unit, any of them: lone surrogates and U+0000 included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    'x'.repeat(10_000),
    "' OR '1'='1",
    '__proto__',
    'http://127.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:127.0.0.1]/',
    'file:///etc/passwd',
    'http://public.test/',
    'ada@example.test',
  ),
);
const key = fc.oneof(
  { weight: 3, arbitrary: oddString },
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'displayName', 'email', 'url', 'role', 'isAdmin'),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    oddString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));
const nested = fc
  .tuple(fc.integer({ min: 1, max: 4_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
  .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`);

/** Raw request bodies: most valid JSON of some shape, some not JSON at all. */
const body = fc.oneof(
  fc.json(),
  value.map((v) => JSON.stringify(v)),
  fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
  fc
    .record({ displayName: oddString, email: oddString, role: oddString }, { requiredKeys: [] })
    .map((v) => JSON.stringify(v)),
  fc.record({ url: oddString }).map((v) => JSON.stringify(v)),
  fc.dictionary(key, value, { maxKeys: 4 }).map((v) => JSON.stringify(v)),
  nested,
  fc.string({ unit: codeUnit }),
);

let app: AppFixture;
let sender: ReturnType<typeof rawSender>;
beforeAll(async () => {
  // Nothing may be dialled while fuzzing: every well-formed URL ends in a refusal (422), none in a network call.
  app = await startApp(import.meta.url, { fetch: { resolve: testResolver, mayConnect: () => false } });
  sender = rawSender(app.server.url);
});
afterAll(async () => {
  sender.close();
  await app.close();
});

describe(`fuzzing the JSON endpoints (fast-check, seed ${SEED})`, () => {
  const statuses = new Map<number, number>();

  it.each(ENDPOINTS)(
    `%s %s: ${RUNS} generated bodies, never a 5xx, every 4xx a problem body`,
    async (method, path) => {
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          const res = await sender.request(method, path, text);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, res.text).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.contentType).toBe(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
            expect(problemViolations(JSON.parse(res.text), res.status)).toEqual([]);
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    // Counted, not timed: an idle machine needs a few seconds, a shared one under load several times that.
    120_000,
  );

  it(`${RUNS * ENDPOINTS.length} requests in all left Object.prototype untouched and logged no server fault`, () => {
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS * ENDPOINTS.length);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(app.internalErrors).toEqual([]);
    // The mix matters: a fuzzer that only ever hit one error path would prove little.
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 2);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 413, 422]));
  });
});
