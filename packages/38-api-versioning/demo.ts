import { code, kv, runDemo, say, table } from '@lab/common';
import { manualClock } from '@lab/common/clock';
import { listen } from '@lab/common/http';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import {
  createVersioningApp,
  diffOpenApi,
  needsNewVersion,
  openApiDocument,
  parseHttpDate,
  VENDOR_TYPE,
} from './src/index.ts';

const v1Deprecation = {
  deprecatedAt: new Date('2026-01-01T00:00:00Z'),
  sunset: new Date('2027-01-01T00:00:00Z'),
  policyUrl: 'https://docs.example.test/api/deprecations/v1',
};

/** Runs `fn` against the app on a loopback port, with one user created through v2. */
async function withApp(
  fn: (get: (path: string, init?: RequestInit) => Promise<Response>) => Promise<void>,
): Promise<void> {
  const app = createVersioningApp({ clock: manualClock(Date.parse('2026-03-01T12:00:00Z')), v1Deprecation });
  const server = await listen(app);
  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  try {
    await get('/api/v2/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: { first: 'Ada', last: 'Lovelace' }, email: 'ada@example.com' }),
    });
    await fn(get);
  } finally {
    await server.close();
  }
}

async function twoVersionsSection(): Promise<void> {
  await withApp(async (get) => {
    for (const path of ['/api/v1/users/1', '/api/v2/users/1']) {
      kv({ [`GET ${path}`]: JSON.stringify(await (await get(path)).json()) });
    }
  });
  say('One UsersService; v2 is presented from the record, v1 is an adapter over the v2 body (v2ToV1).');
}

async function headersSection(): Promise<void> {
  await withApp(async (get) => {
    const res = await get('/api/v1/users/1');
    const sunset = res.headers.get('sunset') ?? '';
    kv({
      Deprecation: res.headers.get('deprecation'),
      Sunset: sunset,
      Link: res.headers.get('link'),
      'days until sunset (from 2026-03-01)': Math.round(
        ((parseHttpDate(sunset)?.getTime() ?? 0) - Date.parse('2026-03-01')) / 86_400_000,
      ),
    });
  });
}

async function alternativesSection(): Promise<void> {
  await withApp(async (get) => {
    const tries: [string, string, Record<string, string>][] = [
      ['query', '/api/users/1?version=2', {}],
      ['media type', '/api/users/1', { accept: `${VENDOR_TYPE}; version=2` }],
      ['nothing', '/api/users/1', {}],
      ['media type, unknown', '/api/users/1', { accept: `${VENDOR_TYPE}; version=7` }],
      ['path, unknown', '/api/v3/users/1', {}],
    ];
    const rows = [];
    for (const [how, path, headers] of tries) {
      const res = await get(path, { headers });
      const body = (await res.json()) as { name?: unknown; code?: string };
      rows.push({
        how,
        request: `${path} ${headers.accept ?? ''}`.trim(),
        status: res.status,
        got: body.code ?? JSON.stringify(body.name),
      });
    }
    table(rows);
  });
  say(
    'Media type and query keep one URL per resource, but caches need Vary: Accept, and logs do not show the version.',
  );
}

function checkerSection(): void {
  const changes = diffOpenApi(openApiDocument(1), openApiDocument(2));
  table(changes.map((c) => ({ where: c.location, change: c.kind, class: c.classification, why: c.why })));
  kv({ 'needs a new major version': needsNewVersion(changes) });
}

async function lintSection(): Promise<void> {
  const config = await createConfig({ extends: ['recommended'] });
  for (const version of [1, 2] as const) {
    const doc = openApiDocument(
      version,
      version === 1 ? { ...v1Deprecation, successor: '/api/v2' } : undefined,
    );
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: `v${version}.json`,
      config,
    });
    kv({
      [`redocly recommended, v${version}`]:
        problems.length === 0 ? 'no errors, no warnings' : problems.map((p) => p.ruleId).join(', '),
    });
  }
  code(
    'servers: [{ url: "http://127.0.0.1:3000/api/v1" }], security: [], deprecated: true on every v1 operation',
  );
}

await runDemo({
  title: 'API versioning and compatibility',
  subtitle:
    'v1 and v2 over one service, deprecation headers, the alternatives, and a checker for breaking changes',
  sections: [
    {
      id: 'versions',
      title: 'Two versions, one service layer',
      why: 'v2 splits the name and adds links; v1 must keep answering exactly as before.',
      run: twoVersionsSection,
    },
    {
      id: 'deprecation',
      title: 'Deprecation, Sunset and Link on v1',
      why: 'Machine-readable notice: when it was deprecated, when it stops, where to go.',
      run: headersSection,
    },
    {
      id: 'alternatives',
      title: 'Query and media-type versioning, unknown versions',
      why: 'The same resource on one URL; the version comes from ?version= or Accept.',
      run: alternativesSection,
    },
    {
      id: 'checker',
      title: 'Which changes break clients: v1 → v2',
      why: 'A diff of the two contracts, each change classified by who reads the data.',
      run: checkerSection,
    },
    {
      id: 'lint',
      title: 'Both OpenAPI documents through redocly lint',
      why: 'The recommended rules want servers, security declared and an operationId, summary and 4xx per operation.',
      run: lintSection,
    },
  ],
});
