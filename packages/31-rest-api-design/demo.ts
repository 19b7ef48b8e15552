import {
  check,
  code,
  heading,
  kv,
  listen,
  note,
  postgres,
  queryStats,
  resetSchema,
  runDemo,
  say,
  style,
  table,
} from '@lab/common';
import { createApp, migrate, seed, userRoutes } from './src/index.ts';

const SCHEMA = 'rest_api_design_demo';

interface Call {
  status: number;
  headers: Headers;
  body: unknown;
}

await runDemo(
  'REST API design',
  'Part 4, Q1 — users and orders under /api/v1 on PostgreSQL; zod on the way in and out; OpenAPI 3.1 from the same schemas',
  async () => {
    const pool = await postgres({ schema: SCHEMA });
    await resetSchema(pool, SCHEMA);
    await migrate(pool);
    await seed(pool, { users: 12 });
    const server = await listen(
      createApp({ pool, onError: (error) => say(style.red(`500: ${String(error)}`)) }),
    );

    /** Sends a request and returns status, headers and parsed body; prints them unless `quiet`. */
    async function call(
      method: string,
      path: string,
      options: { json?: unknown; body?: string; type?: string; quiet?: boolean } = {},
    ): Promise<Call> {
      const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = options.type ?? 'application/json';
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      if (!options.quiet) {
        const shown =
          body && body.length > 80 ? `${body.slice(0, 60)}… (${body.length} bytes)` : (body ?? '');
        say(`${style.cyan('→')} ${method} ${path} ${style.dim(shown)}`);
        const location = response.headers.get('location');
        say(
          `${style.cyan('←')} ${style.bold(String(response.status))}${location ? `  Location: ${location}` : ''}${
            text ? ` ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : ' (no body)'
          }`,
        );
      }
      return { status: response.status, headers: response.headers, body: parsed };
    }

    try {
      heading('The URL design: nouns, methods, status codes');
      note('One route table drives the router, the validation and the OpenAPI document (src/routes.ts).');
      table(
        userRoutes(pool).map((route) => ({
          method: route.method.toUpperCase(),
          url: route.path,
          success: Object.keys(route.responses).join(', '),
          errors: route.errors.join(' '),
        })),
      );

      heading('Create: 201, a Location header, and a body without the password hash');
      const created = await call('POST', '/api/v1/users', {
        json: { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine' },
      });
      const location = created.headers.get('location')!;

      heading('List: bounded pages, a total on every page, a role filter');
      note(
        'page_size defaults to 20 and may not exceed 100; total comes from the same statement as the page.',
      );
      for (const path of ['/api/v1/users?page=2&page_size=3', '/api/v1/users?role=admin&page_size=2']) {
        const page = await call('GET', path, { quiet: true });
        const { items, ...meta } = page.body as { items: { id: number; role: string }[] };
        say(`GET ${path} → ${page.status}`);
        kv({ ids: items.map((u) => u.id).join(', '), roles: items.map((u) => u.role).join(', '), ...meta });
      }
      await call('GET', '/api/v1/users?page_size=500');

      heading('Get one: 200, or 404 in the error format');
      await call('GET', location);
      await call('GET', '/api/v1/users/9999');

      heading('PUT replaces, PATCH changes only what is sent');
      note('PUT must carry every writable field; PATCH any non-empty subset. Both 404 on a missing user.');
      await call('PATCH', location, { json: { role: 'admin' } });
      await call('PUT', location, { json: { name: 'Ada King' } });
      await call('PUT', location, { json: { name: 'Ada King', email: 'ada@example.com', role: 'user' } });

      heading('One error format for every failure');
      note('{ detail, code, errors? }: clients branch on `code`; `errors` says which field, and where.');
      const failures: Array<[string, string, string, { json?: unknown; body?: string; type?: string }]> = [
        ['malformed JSON', 'POST', '/api/v1/users', { body: '{"name": "Ada",' }],
        ['bad query parameter', 'GET', '/api/v1/users?page=zero', {}],
        ['bad id in the path', 'GET', '/api/v1/users/1e3', {}],
        ['duplicate email (any case)', 'POST', '/api/v1/users', { json: user('ADA@example.com') }],
        ['user with orders', 'DELETE', '/api/v1/users/3', {}],
        [
          'body over 16 KiB',
          'POST',
          '/api/v1/users',
          { json: { ...user('big@example.com'), name: 'x'.repeat(20_000) } },
        ],
        [
          'not JSON',
          'POST',
          '/api/v1/users',
          { body: 'name=Ada', type: 'application/x-www-form-urlencoded' },
        ],
        ['unknown field', 'POST', '/api/v1/users', { json: { ...user('eve@example.com'), is_admin: true } }],
        ['wrong method', 'DELETE', '/api/v1/users', {}],
        ['no such route', 'GET', '/api/v1/customers', {}],
      ];
      const rows = [];
      for (const [what, method, path, options] of failures) {
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
      say('The 422 for the unknown field, in full:');
      await call('POST', '/api/v1/users', { json: { ...user('eve@example.com'), is_admin: true } });

      heading('Delete: 204 with no body, then 404');
      await call('DELETE', '/api/v1/users/4');
      await call('DELETE', '/api/v1/users/4');

      heading("A user's orders: a sub-resource, paged like any list");
      note('An empty list (200) and a missing user (404) are different answers.');
      await call('GET', '/api/v1/users/3/orders');
      await call('GET', '/api/v1/users/12/orders');

      heading('What never leaves the server');
      const { rows: dbRows } = await pool.query('SELECT * FROM users WHERE id = 7');
      const api = await call('GET', '/api/v1/users/7', { quiet: true });
      kv({
        'columns in the database': Object.keys(dbRows[0] as object).join(', '),
        'fields in the response': Object.keys(api.body as object).join(', '),
      });
      const leaked = ['password_hash', 'flagged_for_review'].filter((c) => c in (api.body as object));
      check(
        leaked.length === 0,
        'the response schema is an allow-list: internal columns are dropped on the way out',
      );

      heading('Uniqueness is the database’s job: concurrent creates, one winner');
      note(
        'No "does this email exist?" SELECT first: two requests could both pass it. The unique index decides.',
      );
      const stats = queryStats(pool);
      stats.reset();
      const racers = await Promise.all(
        Array.from({ length: 5 }, () =>
          call('POST', '/api/v1/users', { json: user('race@example.com'), quiet: true }),
        ),
      );
      const statuses = racers.map((r) => r.status).sort();
      kv({
        'statuses of 5 concurrent POSTs': statuses.join(', '),
        'queries issued': `${stats.count} (${stats.texts.filter((t) => t.startsWith('INSERT')).length} INSERT, ${
          stats.texts.filter((t) => t.startsWith('SELECT')).length
        } SELECT)`,
      });
      check(
        statuses.filter((s) => s === 201).length === 1,
        'exactly one 201; the others get 409 email_taken',
      );

      heading('OpenAPI 3.1, generated from the same zod schemas');
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
    } finally {
      await server.close();
    }
  },
);

function user(email: string) {
  return { name: 'Someone', email, password: 'long-enough' };
}
