import { describe, expect, it } from 'vitest';
import {
  createSecurityApp,
  createUsersTable,
  seedUsers,
} from '../../../packages/36-api-security/src/index.ts';
import {
  conformance,
  get,
  LONE_SURROGATE,
  LONG,
  NUL,
  post,
  postJson,
  SURROGATE_IN_URL,
  servedOnSchema,
} from './_problem-cases.ts';

describe('36 api-security: the hardened users app on PostgreSQL', () => {
  const errors: unknown[] = [];
  const served = servedOnSchema(import.meta.url, async (pool) => {
    await createUsersTable(pool);
    await seedUsers(pool);
    return createSecurityApp({
      pool,
      // Nothing resolves and nothing may be dialled: no request here leaves the machine.
      fetch: {
        resolve: async () => {
          throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
        },
        mayConnect: () => false,
      },
      onError: (error) => errors.push(error),
    });
  });

  const patch = (path: string, value: unknown) => postJson(path, value, 'PATCH');
  conformance('36', served.url, [
    { path: 'unknown route', status: 404, send: get('/nowhere') },
    { path: 'bad path param', status: 400, send: get('/users/abc') },
    { path: 'NUL in the path', status: 400, send: get('/users/%00') },
    { path: 'lone surrogate in the path', status: 400, send: get(`/users/${SURROGATE_IN_URL}`) },
    { path: '10k-char path param', status: 400, send: get(`/users/${'9'.repeat(10_000)}`) },
    { path: 'missing resource', status: 404, send: get('/users/999999') },
    { path: 'sort by a secret column', status: 400, send: get('/users?sort=password_hash') },
    { path: 'NUL in the sort', status: 400, send: get('/users?sort=%00') },
    {
      path: 'malformed JSON',
      status: 400,
      send: post('/users/1', '{"displayName":', 'application/json', 'PATCH'),
    },
    { path: 'wrong content-type', status: 415, send: post('/users/1', '{}', 'text/plain', 'PATCH') },
    {
      path: 'charset=utf-7',
      status: 415,
      send: post('/users/1', '{"displayName":"x"}', 'application/json; charset=utf-7', 'PATCH'),
    },
    { path: 'oversized body', status: 413, send: patch('/users/1', { displayName: 'x'.repeat(20_000) }) },
    { path: 'mass assignment (role)', status: 400, send: patch('/users/1', { role: 'admin' }) },
    { path: 'NUL in a string field', status: 400, send: patch('/users/1', { displayName: `a${NUL}b` }) },
    {
      path: 'lone surrogate in a string field',
      status: 400,
      send: patch('/users/1', { displayName: `a${LONE_SURROGATE}` }),
    },
    { path: '10k-char string field', status: 400, send: patch('/users/1', { displayName: LONG }) },
    {
      path: 'prototype pollution',
      status: 400,
      send: post('/users/1', '{"__proto__":{"x":1}}', 'application/json', 'PATCH'),
    },
    { path: 'SSRF to loopback', status: 422, send: postJson('/fetch', { url: 'http://127.0.0.1/' }) },
    { path: 'fetch without a url', status: 400, send: postJson('/fetch', {}) },
  ]);

  it('36: none of those was a server fault, and Object.prototype is clean', () => {
    expect(errors).toEqual([]);
    expect(Object.hasOwn(Object.prototype, 'x')).toBe(false);
  });
});
