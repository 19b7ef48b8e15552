import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/index.ts';
import { DEPRECATED_AT, POLICY_URL, SUNSET, startApp } from './_app.ts';

/** Redocly's `recommended` ruleset, the one `redocly lint` applies by default: problems as `severity rule: message`. */
async function lint(document: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config,
  });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`);
}

describe('both OpenAPI documents pass redocly lint (recommended): no errors, no warnings', () => {
  it('v1 and v2 as the app serves them', async () => {
    const app = await startApp();
    try {
      for (const version of ['v1', 'v2']) {
        const res = await app.request('GET', `/api/${version}/openapi.json`);
        expect(res.status).toBe(200);
        expect(await lint(res.json), version).toEqual([]);
      }
    } finally {
      await app.close();
    }
  });

  it('the lint really runs: without servers and security it reports what 31 lacked', async () => {
    const { servers: _s, security: _x, ...bare } = openApiDocument(2);
    expect(await lint(bare)).toEqual([
      'error no-empty-servers: Servers must be present.',
      'error security-defined: Every operation should have security defined on it or on the root level.',
      'error security-defined: Every operation should have security defined on it or on the root level.',
    ]);
  });

  it('v1 is marked deprecated on every operation and documents the three headers', () => {
    const doc = openApiDocument(1, {
      deprecatedAt: DEPRECATED_AT,
      sunset: SUNSET,
      successor: '/api/v2',
      policyUrl: POLICY_URL,
    });
    const get = doc.paths['/users/{id}']?.get as {
      deprecated?: boolean;
      responses: Record<string, { headers?: object }>;
    };
    const post = doc.paths['/users']?.post as { deprecated?: boolean };
    expect([get.deprecated, post.deprecated]).toEqual([true, true]);
    expect(Object.keys(get.responses['200']?.headers ?? {})).toEqual(['Deprecation', 'Sunset', 'Link']);
    expect(openApiDocument(2).paths['/users/{id}']?.get).not.toHaveProperty('deprecated');
  });
});
