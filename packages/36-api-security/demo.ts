import { check, code, kv, listen, note, postgres, resetSchema, runDemo, say, table } from '@lab/common';
import fc from 'fast-check';
import type pg from 'pg';
import {
  checkCorsPolicy,
  classifyAddress,
  createInjectionTables,
  createSecurityApp,
  createUsersTable,
  escapedOrderBy,
  findAccountsSafe,
  findAccountsUnsafe,
  getUserRow,
  INJECTIONS,
  naiveDeepMerge,
  type Resolver,
  SafeFetchError,
  safeDeepMerge,
  safeFetch,
  seedUsers,
  userSort,
} from './src/index.ts';

const SCHEMA = 'sec36_demo';
const SHOWN_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-resource-policy',
  'x-powered-by',
];
const ORIGIN = 'https://app.example.test';

let ready: Promise<pg.Pool> | undefined;
/** The demo's own schema: the throwaway injection tables and the users table, recreated on every run. */
function database(): Promise<pg.Pool> {
  ready ??= (async () => {
    const pool = await postgres({ schema: SCHEMA, max: 4 });
    await resetSchema(pool, SCHEMA);
    await createInjectionTables(pool);
    await createUsersTable(pool);
    await seedUsers(pool);
    return pool;
  })();
  return ready;
}

/** Nothing resolves except demo.test, which is this machine's loopback server. */
const demoResolver: Resolver = async (hostname) => {
  if (hostname === 'demo.test') return [{ address: '127.0.0.1', family: 4 }];
  if (hostname === 'internal.demo.test') return [{ address: '10.0.0.5', family: 4 }];
  throw new Error(`ENOTFOUND ${hostname}`);
};
const onlyDemoServer = (address: string) => address === '127.0.0.1';

/** The app on a loopback port for the length of `fn`. */
async function withApp(fn: (url: string, pool: pg.Pool) => Promise<void>): Promise<void> {
  const pool = await database();
  const server = await listen(
    createSecurityApp({
      pool,
      security: { cors: { origins: [ORIGIN], credentials: true } },
      fetch: { resolve: demoResolver, mayConnect: onlyDemoServer },
      onError: (error) => say(`unexpected server fault: ${String(error)}`),
    }),
  );
  try {
    await fn(server.url, pool);
  } finally {
    await server.close();
  }
}

const send = (url: string, method: string, body: string, contentType = 'application/json') =>
  fetch(url, { method, body, headers: { 'content-type': contentType } });

async function injectionSection(): Promise<void> {
  const pool = await database();
  say(`⚠  DELIBERATELY VULNERABLE CODE, run against throwaway tables in the schema "${SCHEMA}" only.`);
  code(`SELECT username, email FROM lab_accounts WHERE username = '\${input}'   -- string-built (unsafe)
SELECT username, email FROM lab_accounts WHERE username = $1            -- parameterized`);
  const rows = [];
  for (const input of ['ada', INJECTIONS.orTrue, INJECTIONS.unionSecrets]) {
    const unsafe = await findAccountsUnsafe(pool, input);
    const safe = await findAccountsSafe(pool, input);
    rows.push({
      input,
      'string-built returns': unsafe.map((r) => `${r.username}=${r.email}`).join(', '),
      parameterized: safe.length === 0 ? '(no rows)' : safe.map((r) => r.username).join(', '),
    });
  }
  table(rows);
  const leaked = (await findAccountsUnsafe(pool, INJECTIONS.unionSecrets)).some(
    (r) => r.username === 'stripe_key',
  );
  check(
    leaked,
    'the UNION read lab_secrets through the username box; the parameterized query returned nothing',
  );
}

async function sortSection(): Promise<void> {
  const pool = await database();
  table(
    ['-name', 'joined', 'password_hash', 'name; DROP TABLE users', '__proto__'].map((raw) => {
      const parsed = userSort.parse(raw);
      return {
        '?sort=': raw,
        result: parsed.ok ? `ORDER BY ${parsed.sort.orderBy}` : `400: ${parsed.detail}`,
      };
    }),
  );
  note(
    'Placeholders carry values only: `ORDER BY $1` would sort by a constant. Identifiers come from a fixed map.',
  );
  const { rows } = await pool.query<{ id: number }>(
    `SELECT id FROM users ORDER BY ${escapedOrderBy('password_hash')}`,
  );
  say(
    `escapeIdentifier('password_hash') instead: no injection, yet the rows come back ordered by the hash: ids ${rows.map((r) => r.id).join(', ')}`,
  );
  note(
    'Each such response tells an attacker how a secret column compares: escaping is the fallback, not the fix.',
  );
}

async function massAssignmentSection(): Promise<void> {
  await withApp(async (url, pool) => {
    const res = await send(
      `${url}/users/2`,
      'PATCH',
      JSON.stringify({ displayName: 'Grace', role: 'admin', isAdmin: true }),
    );
    const body = (await res.json()) as { detail: string; errors: Array<{ path: string; code: string }> };
    say(
      `PATCH /users/2 {"displayName":"Grace","role":"admin","isAdmin":true} → ${res.status}: ${body.detail}`,
    );
    table(body.errors.map((e) => ({ field: e.path, code: e.code })));
    const row = await getUserRow(pool, 2);
    check(
      row?.role === 'member' && row.is_admin === false,
      `the row is untouched: role=${row?.role}, is_admin=${row?.is_admin}`,
    );
    const user = (await (await fetch(`${url}/users/1`)).json()) as Record<string, unknown>;
    const adaRow = await getUserRow(pool, 1);
    kv({
      'columns in the row': Object.keys(adaRow ?? {}).join(', '),
      'keys in GET /users/1': Object.keys(user).join(', '),
    });
    check(
      !('passwordHash' in user) && !JSON.stringify(user).includes(adaRow?.password_hash ?? '?'),
      'password_hash exists in the row and never leaves',
    );
  });
}

async function headersSection(): Promise<void> {
  await withApp(async (url) => {
    const res = await fetch(`${url}/users/1`, { headers: { origin: ORIGIN } });
    table(SHOWN_HEADERS.map((name) => ({ header: name, value: res.headers.get(name) ?? '(absent)' })));
    const rows = [];
    for (const origin of [ORIGIN, 'https://evil.example', 'null']) {
      const answer = await fetch(`${url}/users/1`, { headers: { origin } });
      rows.push({
        Origin: origin,
        'Access-Control-Allow-Origin':
          answer.headers.get('access-control-allow-origin') ?? '(none: the browser hides the response)',
      });
    }
    table(rows);
  });
  try {
    checkCorsPolicy({ origins: ['*'], credentials: true });
  } catch (error) {
    say(
      `securityMiddleware({ cors: { origins: ['*'], credentials: true } }) → throws at start-up: ${(error as Error).message}`,
    );
  }
}

async function parserSection(): Promise<void> {
  await withApp(async (url) => {
    const cases = [
      ['17 KB body', JSON.stringify({ displayName: 'x'.repeat(17_000) })],
      ['malformed JSON', '{"displayName":'],
      ['__proto__ key', '{"__proto__":{"polluted":true}}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}'],
    ] as const;
    const rows = [];
    for (const [name, body] of cases) {
      const res = await send(`${url}/users/1/preferences`, 'PATCH', body);
      const problem = (await res.json()) as { code: string };
      rows.push({ 'PATCH /users/1/preferences': name, status: res.status, code: problem.code });
    }
    table(rows);
  });
  const payload = JSON.parse('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>;
  say(
    `JSON.parse made "__proto__" an own key: Object.keys → ${JSON.stringify(Object.keys(payload))}; ({}).polluted → ${String(({} as Record<string, unknown>).polluted)}`,
  );
  safeDeepMerge({}, payload);
  const afterSafe = ({} as Record<string, unknown>).polluted;
  naiveDeepMerge({}, payload);
  const afterNaive = ({} as Record<string, unknown>).polluted;
  delete (Object.prototype as Record<string, unknown>).polluted;
  table([
    {
      merge: 'safeDeepMerge (own keys, skips __proto__/constructor/prototype)',
      '({}).polluted after': String(afterSafe),
    },
    { merge: 'naiveDeepMerge (for…in, target[key] = …)', '({}).polluted after': String(afterNaive) },
  ]);
  note('The demo deleted Object.prototype.polluted again; a server would have kept it for every request.');
}

async function ssrfSection(): Promise<void> {
  table(
    ['2130706433', '0x7f.1', '[::ffff:7f00:1]', '169.254.169.254', '[fd00::1]', '8.8.8.8'].map((host) => {
      const hostname = new URL(`http://${host}/`).hostname;
      return { 'URL host': host, 'WHATWG URL reads': hostname, kind: classifyAddress(hostname) };
    }),
  );
  const upstream = await listen((req, res) => {
    if (req.url?.startsWith('/go'))
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else res.end('hello');
  });
  const port = new URL(upstream.url).port;
  let lookups = 0;
  const counting: Resolver = (host) => {
    lookups++;
    return demoResolver(host);
  };
  const options = { resolve: counting, mayConnect: onlyDemoServer };
  const rows = [];
  try {
    for (const target of [
      `http://demo.test:${port}/`,
      'http://internal.demo.test/',
      `http://demo.test:${port}/go`,
      'file:///etc/passwd',
      'http://u:p@demo.test/',
    ]) {
      const outcome = await safeFetch(target, options).then(
        (r) => `${r.status} "${r.body.toString()}" via ${r.hops.map((h) => h.address).join(' → ')}`,
        (e: unknown) => (e instanceof SafeFetchError ? `refused: ${e.code} (${e.message})` : String(e)),
      );
      rows.push({ URL: target, outcome });
    }
  } finally {
    await upstream.close();
  }
  table(rows);
  say(
    `DNS lookups made: ${lookups}, one per hostname (an IP literal needs none); each connection went to the address just checked, so a second DNS answer never gets a say (DNS rebinding).`,
  );
}

async function fuzzSection(): Promise<void> {
  const seed = 36;
  const bodies = fc.sample(
    fc.oneof(
      fc.json(),
      fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
      fc.string(),
    ),
    { numRuns: 60, seed },
  );
  await withApp(async (url) => {
    const statuses = new Map<number, number>();
    for (const path of ['/users/3', '/users/3/preferences', '/fetch']) {
      const method = path === '/fetch' ? 'POST' : 'PATCH';
      for (const body of bodies) {
        const res = await send(url + path, method, body);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }
    const counts = [...statuses].sort(([a], [b]) => a - b);
    say(
      `${bodies.length} generated bodies (fast-check, seed ${seed}) × 3 JSON endpoints → ${counts.map(([s, n]) => `${s}: ${n}`).join(', ')}`,
    );
    check(
      counts.every(([status]) => status < 500),
      'no 5xx (test/fuzz.test.ts sends 3,000 with odder strings)',
    );
  });
}

await runDemo({
  title: 'API security',
  subtitle:
    'Part 4, Q6 — injection, mass assignment, exposure, headers, CORS, parser limits, prototype pollution, SSRF',
  sections: [
    {
      id: 'injection',
      title: 'SQL injection: the string-built query vs the parameterized one',
      why: 'Same input, two queries. Concatenation turns the input into SQL; a parameter keeps it data.',
      run: injectionSection,
    },
    {
      id: 'sort',
      title: 'Sort columns: an allowlist, because identifiers cannot be parameters',
      why: '?sort= picks a column; only names from a fixed map ever reach ORDER BY.',
      run: sortSection,
    },
    {
      id: 'mass-assignment',
      title: 'Mass assignment and data exposure: strict request, filtering response',
      why: 'The request schema refuses fields it does not know; the response schema lets through only what it lists.',
      run: massAssignmentSection,
    },
    {
      id: 'headers',
      title: "helmet's headers and CORS with an origin allowlist",
      why: 'Headers tell the browser what it may do with a response; CORS tells it which other sites may read it.',
      run: headersSection,
    },
    {
      id: 'parser',
      title: 'The body parser: 413, 400, and prototype pollution',
      why: 'Limits before parsing; forbidden keys during parsing; a safe merge after, in case a key gets through.',
      run: parserSection,
    },
    {
      id: 'ssrf',
      title: 'SSRF: resolve, check every address, pin it, re-check redirects',
      why: 'The server must not fetch what the client cannot reach: loopback, private networks, the metadata service.',
      run: ssrfSection,
    },
    {
      id: 'fuzz',
      title: 'Fuzzing the JSON endpoints: never a 5xx',
      why: 'Generated bodies find the inputs nobody thought to write a test for.',
      run: fuzzSection,
    },
  ],
});
