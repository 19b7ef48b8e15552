/**
 * The served document passes Redocly's `recommended` ruleset (what `redocly lint` applies by default) with
 * no errors and no warnings — an outside check of the contract, next to the repo's own tests.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenApiDocument } from '../src/index.ts';
import { startApi, type TestApi } from './_api.ts';

async function lint(document: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  });
  return problems.map((p) => `${p.severity} ${p.ruleId}`);
}

let api: TestApi;
let doc: OpenApiDocument;
beforeAll(async () => {
  api = await startApi(import.meta.url, 1);
  doc = (await api.request('GET', '/api/v1/openapi.json')).json as OpenApiDocument;
});
afterAll(() => api.close());

it('has no problems under redocly recommended', async () => {
  expect(await lint(doc)).toEqual([]);
});

it('would be refused without servers and a security declaration (the linter is really looking)', async () => {
  const { servers: _servers, security: _security, ...bare } = doc;
  const problems = await lint(bare);
  expect(problems).toContain('error no-empty-servers');
  expect(problems.filter((p) => p === 'error security-defined')).toHaveLength(
    Object.values(doc.paths).flatMap((ops) => Object.keys(ops)).length,
  );
});
