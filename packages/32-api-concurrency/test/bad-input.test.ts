import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, httpGet } from '../src/index.ts';

describe('bad input and missing routes', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createApp().app);
  });
  afterAll(() => server.close());

  it.each([
    ['/primes/inline', 'limit'],
    ['/primes/inline?limit=abc', 'limit'],
    ['/primes/inline?limit=-5', 'limit'],
    ['/primes/inline?limit=1.5', 'limit'],
    ['/primes/inline?limit=99999999', 'limit'],
    ['/primes/inline?limit=1&limit=2', 'limit'],
    ['/db/sleep?ms=600000', 'ms'],
  ])('%s → 400 naming "%s"', async (path, parameter) => {
    const answer = await httpGet(`${server.url}${path}`);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ status: 400, code: 'bad_request' });
    expect((answer.json as { detail: string }).detail).toContain(`"${parameter}"`);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const answer = await httpGet(`${server.url}/nope`);
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ status: 404, code: 'not_found', detail: 'no route for GET /nope' });
  });

  it('answers 503, not 500, for a dependency this process was built without', async () => {
    const answer = await httpGet(`${server.url}/primes/pooled?limit=10`);
    expect(answer.status).toBe(503);
    expect(answer.json).toMatchObject({ code: 'cpu_pool_unavailable' });
    expect(answer.headers['retry-after']).toBe('60');
  });
});
