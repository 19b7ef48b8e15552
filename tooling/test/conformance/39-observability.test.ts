import { FlakyLink } from '@lab/common/flaky-link';
import { listen } from '@lab/common/http';
import { testRedis } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { createObservedApp, migrate } from '../../../packages/39-observability/src/index.ts';
import { conformance, expectProblem, get, SURROGATE_IN_URL, servedOnSchema } from './_problem-cases.ts';

type Redis = Awaited<ReturnType<typeof testRedis>>;

describe('39 observability: the observed users app on PostgreSQL and Redis', () => {
  let redis: Redis | undefined;
  const served = servedOnSchema(
    import.meta.url,
    async (pool) => {
      await migrate(pool);
      redis = await testRedis();
      return createObservedApp({ pool, redis }).app;
    },
    async () => {
      await redis?.del('obs:user:1');
      redis?.disconnect();
    },
  );

  conformance('39', served.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'bad path param', status: 400, send: get('/users/abc') },
    { path: 'NUL in the path', status: 400, send: get('/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/users/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/users/${'9'.repeat(10_000)}`) },
    { path: 'bad nested param', status: 400, send: get('/users/1/orders/x') },
    { path: 'missing user', status: 404, send: get('/users/999999') },
    { path: 'missing order', status: 404, send: get('/users/1/orders/20') },
  ]);

  it('39: readiness with Redis unreachable is a 503 problem naming it', async () => {
    const admin = await testRedis();
    const link = await new FlakyLink(admin.options.host ?? '127.0.0.1', admin.options.port ?? 6379).start();
    link.drop();
    // Tooling does not depend on ioredis: a copy of the admin client's options, aimed at the cut link.
    const dead = admin.duplicate({
      host: '127.0.0.1',
      port: link.port,
      lazyConnect: true,
      retryStrategy: () => 50,
    });
    dead.on('error', () => {});
    dead.connect().catch(() => {});
    const app = await listen(
      createObservedApp({ pool: served.pool(), redis: dead, readinessCacheMs: 0 }).app,
    );
    try {
      const body = await expectProblem(await fetch(`${app.url}/health/ready`), 503);
      expect(body.code).toBe('dependency_unavailable');
      expect(body.detail).toMatch(/redis failed/);
    } finally {
      await app.close();
      dead.disconnect();
      await link.close();
      admin.disconnect();
    }
  });
});
