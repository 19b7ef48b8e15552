import { createServer } from 'node:http';
import { listen } from '@lab/common/http';
import { PROBLEM_CONTENT_TYPE, problemViolations } from '@lab/common/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../src/demo-app.ts';
import { createLifecycle } from '../src/lifecycle.ts';
import { PendingWork } from '../src/pending-work.ts';

let server: Awaited<ReturnType<typeof listen>>;
const released = new Set<string>();
beforeAll(async () => {
  const lifecycle = createLifecycle({ server: createServer() });
  const app = createDemoApp({
    lifecycle,
    work: new PendingWork(() => {}),
    latch: async (id) => {
      // `fail-<status>` ids make the route throw, so the error handler's mapping can be checked.
      const failing = /^fail-(\d+)$/.exec(id);
      if (failing) throw Object.assign(new Error('broken'), { status: Number(failing[1]) });
      if (id === 'fail-plain') throw new Error('no status at all');
      // Anything can be thrown: null has no status to read, and a string status is not a number.
      if (id === 'fail-null') throw null;
      if (id === 'fail-text') throw Object.assign(new Error('text status'), { status: '400' });
      released.add(id);
    },
  });
  server = await listen(app);
});
afterAll(() => server.close());

async function expectProblem(path: string, status: number, code: string, method = 'GET') {
  const res = await fetch(server.url + path, { method });
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`));
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(problemViolations(body, status)).toEqual([]);
  expect(body.code).toBe(code);
}

describe('the demo app', () => {
  it('answers /fast, a released /slow/:id, and 202 for /work/:id', async () => {
    const fast = await fetch(`${server.url}/fast`);
    expect(fast.status).toBe(200);
    expect(await fast.json()).toEqual({ ok: true, pid: process.pid });
    expect(await (await fetch(`${server.url}/slow/a-1`)).json()).toEqual({ ok: true, id: 'a-1' });
    const work = await fetch(`${server.url}/work/w-1`, { method: 'POST' });
    expect(work.status).toBe(202);
    expect(await work.json()).toEqual({ accepted: 'w-1' });
    expect([...released].sort()).toEqual(['a-1', 'work:w-1']);
  });

  it.each([
    ['NUL in the id', '/slow/a%00b', 404, 'not_found'],
    ['a 10k-character id', `/slow/${'9'.repeat(10_000)}`, 404, 'not_found'],
    ['glob characters in a work id', '/work/*', 404, 'not_found', 'POST'],
    ['a lone surrogate (%ED%A0%80)', '/slow/%ED%A0%80', 400, 'bad_request'],
    ['an unknown route', '/nowhere', 404, 'not_found'],
    ['a wrong method', '/fast', 404, 'not_found', 'DELETE'],
  ])('%s → %i %s', async (_, path, status, code, method = 'GET') => {
    await expectProblem(path, status, code, method);
  });

  it.each([
    ["an error with a 4xx status is the client's: 400", '/slow/fail-400', 400, 'bad_request'],
    ['the top of the 4xx range', '/slow/fail-499', 499, 'bad_request'],
    ['a 5xx status is still our failure: 500, not passed through', '/slow/fail-503', 500, 'internal_error'],
    ['500 itself', '/slow/fail-500', 500, 'internal_error'],
    ['a status below 400 is not a client error', '/slow/fail-399', 500, 'internal_error'],
    ['an error with no status', '/slow/fail-plain', 500, 'internal_error'],
    ['a thrown null', '/slow/fail-null', 500, 'internal_error'],
    ['a status that is the string "400"', '/slow/fail-text', 500, 'internal_error'],
  ])('a route that throws: %s', async (_, path, status, code) => {
    await expectProblem(path, status, code);
  });

  it('never puts the error message or a stack in the body', async () => {
    const res = await fetch(`${server.url}/slow/fail-plain`);
    const text = await res.text();
    expect(text).not.toContain('no status at all');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text)).toMatchObject({ detail: 'the server failed to answer' });
  });

  it('tells onStarted which request began: /slow/:id by id, /work/:id as work:<id>, /hang as hang', async () => {
    const started: string[] = [];
    const app = createDemoApp({
      lifecycle: createLifecycle({ server: createServer() }),
      work: new PendingWork(() => {}),
      latch: async () => {},
      onStarted: (id) => started.push(id),
    });
    const own = await listen(app);
    try {
      await fetch(`${own.url}/slow/s-1`);
      await fetch(`${own.url}/work/w-2`, { method: 'POST' });
      const hang = new AbortController();
      const hung = fetch(`${own.url}/hang`, { signal: hang.signal }).catch((error: unknown) => error);
      await expect.poll(() => started.includes('hang')).toBe(true);
      hang.abort();
      // /hang never answers: the only way the fetch ends is the abort.
      expect(await hung).toMatchObject({ name: 'AbortError' });
      await expect.poll(() => started).toEqual(['s-1', 'work:w-2', 'hang']);
    } finally {
      await own.close();
    }
  });
});
