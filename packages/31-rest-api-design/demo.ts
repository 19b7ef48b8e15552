import {
  check,
  code,
  kv,
  listen,
  postgres,
  queryStats,
  resetSchema,
  runDemo,
  say,
  style,
  table,
} from '@lab/common';
import { onClose } from '@lab/common/services';
import type pg from 'pg';
import { createApp, migrate, seed, userRoutes } from './src/index.ts';

const SCHEMA = 'rest_api_design_demo';
/** The seed makes users 1…12 with emails user1@example.com…; user 3 has orders, user 12 none. */
const SEEDED_USERS = 12;

interface Api {
  pool: pg.Pool;
  url: string;
}

let started: Promise<Api> | undefined;
/** The API on a fresh schema with seeded users, started on first use and closed with the services. */
function api(): Promise<Api> {
  started ??= (async () => {
    const pool = await postgres({ schema: SCHEMA });
    await resetSchema(pool, SCHEMA);
    await migrate(pool);
    await seed(pool, { users: SEEDED_USERS });
    const server = await listen(
      createApp({ pool, onError: (error) => say(style.red(`500: ${String(error)}`)) }),
    );
    onClose(() => server.close());
    return { pool, url: server.url };
  })();
  return started;
}

interface Call {
  status: number;
  headers: Headers;
  body: unknown;
}

interface CallOptions {
  json?: unknown;
  body?: string;
  type?: string;
  quiet?: boolean;
}

function printExchange(
  method: string,
  path: string,
  body: string | undefined,
  response: Response,
  text: string,
) {
  const shown = body && body.length > 80 ? `${body.slice(0, 60)}… (${body.length} bytes)` : (body ?? '');
  say(`${style.cyan('→')} ${method} ${path} ${style.dim(shown)}`);
  const location = response.headers.get('location');
  const reply = text ? ` ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : ' (no body)';
  say(
    `${style.cyan('←')} ${style.bold(String(response.status))}${location ? `  Location: ${location}` : ''}${reply}`,
  );
}

/** Sends a request to the demo API and returns status, headers and parsed body; prints them unless `quiet`. */
async function call(method: string, path: string, options: CallOptions = {}): Promise<Call> {
  const { url } = await api();
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = options.type ?? 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!options.quiet) printExchange(method, path, body, response, text);
  return { status: response.status, headers: response.headers, body: parsed };
}

const user = (email: string) => ({ name: 'Someone', email, password: 'long-enough' });

async function routesSection(): Promise<void> {
  const { pool } = await api();
  table(
    userRoutes(pool).map((route) => ({
      method: route.method.toUpperCase(),
      url: route.path,
      success: Object.keys(route.responses).join(', '),
      errors: route.errors.join(' '),
    })),
  );
}

async function createSection(): Promise<void> {
  await call('POST', '/api/v1/users', {
    json: { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine' },
  });
}

async function listSection(): Promise<void> {
  for (const path of ['/api/v1/users?page=2&page_size=3', '/api/v1/users?role=admin&page_size=2']) {
    const page = await call('GET', path, { quiet: true });
    const { items, ...meta } = page.body as { items: { id: number; role: string }[] };
    say(`GET ${path} → ${page.status}`);
    kv({ ids: items.map((u) => u.id).join(', '), roles: items.map((u) => u.role).join(', '), ...meta });
  }
  await call('GET', '/api/v1/users?page_size=500');
}

async function getSection(): Promise<void> {
  await call('GET', '/api/v1/users/5');
  await call('GET', '/api/v1/users/9999');
}

async function putPatchSection(): Promise<void> {
  const created = await call('POST', '/api/v1/users', { json: user('grace@example.com'), quiet: true });
  const location = created.headers.get('location') ?? '/api/v1/users/1';
  say(`a new user at ${location}, then:`);
  await call('PATCH', location, { json: { role: 'admin' } });
  await call('PUT', location, { json: { name: 'Grace Hopper' } });
  await call('PUT', location, { json: { name: 'Grace Hopper', email: 'grace@example.com', role: 'user' } });
}

const FAILURES: Array<[string, string, string, CallOptions]> = [
  ['malformed JSON', 'POST', '/api/v1/users', { body: '{"name": "Ada",' }],
  ['bad query parameter', 'GET', '/api/v1/users?page=zero', {}],
  ['bad id in the path', 'GET', '/api/v1/users/1e3', {}],
  ['duplicate email (any case)', 'POST', '/api/v1/users', { json: user('USER1@example.com') }],
  ['user with orders', 'DELETE', '/api/v1/users/3', {}],
  [
    'body over 16 KiB',
    'POST',
    '/api/v1/users',
    { json: { ...user('big@example.com'), name: 'x'.repeat(20_000) } },
  ],
  ['not JSON', 'POST', '/api/v1/users', { body: 'name=Ada', type: 'application/x-www-form-urlencoded' }],
  ['unknown field', 'POST', '/api/v1/users', { json: { ...user('eve@example.com'), is_admin: true } }],
  ['wrong method', 'DELETE', '/api/v1/users', {}],
  ['no such route', 'GET', '/api/v1/customers', {}],
];

async function errorsSection(): Promise<void> {
  const rows = [];
  for (const [what, method, path, options] of FAILURES) {
    const res = await call(method, path, { ...options, quiet: true });
    const body = res.body as { code: string; detail: string; errors?: { path: string }[] };
    rows.push({
      case: what,
      request: `${method} ${path.length > 24 ? `${path.slice(0, 24)}…` : path}`,
      status: res.status,
      code: body.code,
      fields: body.errors?.map((e) => e.path).join(',') ?? '',
    });
  }
  table(rows);
  check(
    rows.every((r) => r.status >= 400 && r.status < 500 && typeof r.code === 'string'),
    'every failure is a 4xx with a code — no 500',
  );
  say('The 422 for the unknown field, in full:');
  await call('POST', '/api/v1/users', { json: { ...user('eve@example.com'), is_admin: true } });
}

async function deleteSection(): Promise<void> {
  await call('DELETE', '/api/v1/users/4');
  await call('DELETE', '/api/v1/users/4');
}

async function ordersSection(): Promise<void> {
  await call('GET', '/api/v1/users/3/orders');
  await call('GET', `/api/v1/users/${SEEDED_USERS}/orders`);
}

async function allowListSection(): Promise<void> {
  const { pool } = await api();
  const { rows } = await pool.query('SELECT * FROM users WHERE id = 7');
  const answer = await call('GET', '/api/v1/users/7', { quiet: true });
  kv({
    'columns in the database': Object.keys(rows[0] as object).join(', '),
    'fields in the response': Object.keys(answer.body as object).join(', '),
  });
  const leaked = ['password_hash', 'flagged_for_review'].filter((c) => c in (answer.body as object));
  check(
    leaked.length === 0,
    'the response schema is an allow-list: internal columns are dropped on the way out',
  );
}

async function raceSection(): Promise<void> {
  const { pool } = await api();
  const stats = queryStats(pool);
  stats.reset();
  const racers = await Promise.all(
    Array.from({ length: 5 }, () =>
      call('POST', '/api/v1/users', { json: user('race@example.com'), quiet: true }),
    ),
  );
  const statuses = racers.map((r) => r.status).sort();
  const count = (prefix: string) => stats.texts.filter((t) => t.startsWith(prefix)).length;
  kv({
    'statuses of 5 concurrent POSTs': statuses.join(', '),
    'queries issued': `${stats.count} (${count('INSERT')} INSERT, ${count('SELECT')} SELECT)`,
  });
  check(statuses.filter((s) => s === 201).length === 1, 'exactly one 201; the others get 409 email_taken');
}

async function openApiSection(): Promise<void> {
  const doc = (await call('GET', '/api/v1/openapi.json', { quiet: true })).body as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
    components: { schemas: Record<string, unknown> };
  };
  kv({ openapi: doc.openapi, components: Object.keys(doc.components.schemas).join(', ') });
  table(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
      })),
    ),
  );
  say('components.schemas.UserPatch:');
  code(JSON.stringify(doc.components.schemas.UserPatch, null, 2));
}

await runDemo({
  title: 'REST API design',
  subtitle:
    'Part 4, Q1 — users and orders under /api/v1 on PostgreSQL; zod on the way in and out; OpenAPI 3.1 from the same schemas',
  sections: [
    {
      id: 'routes',
      title: 'The URL design: nouns, methods, status codes',
      why: 'One route table drives the router, the validation and the OpenAPI document (src/routes.ts).',
      run: routesSection,
    },
    {
      id: 'create',
      title: 'Create: 201, a Location header, and a body without the password hash',
      why: 'The new resource’s URL comes back in Location; the response schema decides which fields leave.',
      run: createSection,
    },
    {
      id: 'list',
      title: 'List: bounded pages, a total on every page, a role filter',
      why: 'page_size defaults to 20 and may not exceed 100; total comes from the same statement as the page.',
      run: listSection,
    },
    {
      id: 'get',
      title: 'Get one: 200, or 404 in the error format',
      why: 'A missing resource is a 404 with the same problem+json body (detail, code) as every other error.',
      run: getSection,
    },
    {
      id: 'put-patch',
      title: 'PUT replaces, PATCH changes only what is sent',
      why: 'PUT must carry every writable field; PATCH any non-empty subset. Both 404 on a missing user.',
      run: putPatchSection,
    },
    {
      id: 'errors',
      title: 'One error format for every failure',
      why: 'RFC 9457 problem+json: clients branch on `code`; `errors` says which field, and where.',
      run: errorsSection,
    },
    {
      id: 'delete',
      title: 'Delete: 204 with no body, then 404',
      why: 'DELETE is idempotent in its effect, not in its answer: the second one finds nothing to delete.',
      run: deleteSection,
    },
    {
      id: 'orders',
      title: "A user's orders: a sub-resource, paged like any list",
      why: 'An empty list (200) and a missing user (404) are different answers.',
      run: ordersSection,
    },
    {
      id: 'allow-list',
      title: 'What never leaves the server',
      why: 'The row has a password hash and an internal flag; the response schema lists what may go out.',
      run: allowListSection,
    },
    {
      id: 'race',
      title: 'Uniqueness is the database’s job: concurrent creates, one winner',
      why: 'No "does this email exist?" SELECT first: two requests could both pass it. The unique index decides.',
      run: raceSection,
    },
    {
      id: 'openapi',
      title: 'OpenAPI 3.1, generated from the same zod schemas',
      why: 'The document is built from the route table, so it cannot drift from what the server validates.',
      run: openApiSection,
    },
  ],
});
