import type { RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import { type Listening, listen } from '@lab/common/http';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fixedWindowMemory,
  type RateLimiter,
  rateLimit,
} from '../../../packages/33-rate-limiting/src/index.ts';

import { expectProblem, LONG } from './_problem-cases.ts';

describe('33 rate-limiting: an Express app behind rateLimit()', () => {
  // Tooling does not depend on Express: load the copy 33 itself uses.
  const express = createRequire(new URL('../../../packages/33-rate-limiting/package.json', import.meta.url))(
    'express',
  ) as () => RequestListener & {
    use(handler: ReturnType<typeof rateLimit>): void;
    get(path: string, handler: (req: unknown, res: { json(body: unknown): void }) => void): void;
  };
  const servers: Listening[] = [];
  const serve = async (limiter: RateLimiter, onStoreError: 'open' | 'closed' = 'open') => {
    const app = express();
    app.use(
      rateLimit({ limiter, onStoreError, log: () => {}, key: (req) => req.get('x-api-key') ?? 'anonymous' }),
    );
    app.get('/ok', (_req, res) => res.json({ ok: true }));
    const server = await listen(app);
    servers.push(server);
    return server.url;
  };
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it.each([
    ['a plain key', 'k1'],
    ['a 10k-char key', LONG],
  ])('33: past the limit with %s → 429 with Retry-After and RateLimit headers', async (_, key) => {
    const url = await serve(fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { name: 'api' }));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${url}/ok`, { headers: { 'x-api-key': key } });
      statuses.push(last.status);
      if (last.status === 200) await last.text();
    }
    expect(statuses).toEqual([200, 200, 429]);
    if (!last) throw new Error('no response');
    const body = await expectProblem(last, 429);
    const retryAfter = Number(last.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(last.headers.get('ratelimit')).toMatch(/^"api";r=0;t=\d+$/);
    expect(body).toMatchObject({
      code: 'quota_exceeded',
      violatedPolicies: ['api'],
      retryAfterSeconds: retryAfter,
    });
  });

  it('33: a failing store, fail closed → 503 with Retry-After', async () => {
    const working = fixedWindowMemory({ limit: 2, windowMs: 60_000 }, { name: 'api' });
    let consumed = 0;
    const failing: RateLimiter = {
      algorithm: working.algorithm,
      store: 'redis',
      policy: working.policy,
      name: working.name,
      consume: () => {
        consumed++;
        return Promise.reject(new Error('connection refused'));
      },
    };
    const url = await serve(failing, 'closed');
    const res = await fetch(`${url}/ok`);
    const body = await expectProblem(res, 503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(body).toMatchObject({
      code: 'rate_limit_unavailable',
      violatedPolicies: ['api'],
      retryAfterSeconds: 1,
    });
    expect(consumed).toBe(1);
  });
});
