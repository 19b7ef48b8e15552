/**
 * A small users API with the whole security layer in front of it. Tests, the demo, the bench and the
 * repo's problem-conformance test all build it with `createSecurityApp`; nothing here listens or reads the
 * environment.
 */
import express, { type Express, type Request } from 'express';
import type pg from 'pg';
import { safeDeepMerge } from './deep-merge.ts';
import { HttpError, problemErrorHandler } from './errors.ts';
import { jsonDocumentProblem } from './json-guard.ts';
import { type SafeFetchOptions, safeFetch } from './safe-fetch.ts';
import { fetchRequestSchema, idSchema, toPublicUser, userPatchSchema } from './schemas.ts';
import { type SecurityOptions, securityMiddleware } from './security-middleware.ts';
import { sortAllowlist } from './sort-allowlist.ts';
import { getUserRow, listUserRows, setPreferences, type UserRow, updateUser } from './users.ts';

export interface SecurityAppOptions {
  /** A pool whose search_path holds the `users` table (`createUsersTable`). */
  pool: pg.Pool;
  security?: SecurityOptions;
  /** For `POST /fetch`: the resolver, redirect and size limits (tests inject a resolver). */
  fetch?: SafeFetchOptions;
  /** Every error that became a 500. Default: one line on stderr. */
  onError?: (error: unknown) => void;
}

/** The API names a client may sort by, and the columns they mean. */
export const userSort = sortAllowlist(
  { name: 'display_name', email: 'email', joined: 'created_at' },
  { fallback: 'joined', tieBreaker: 'id' },
);

const PAGE_SIZE = 50;
const PREVIEW_BYTES = 512;

const logToStderr = (error: unknown): void => {
  process.stderr.write(`api-security: ${error instanceof Error ? error.stack : String(error)}\n`);
};

const found = (row: UserRow | undefined, id: number): UserRow => {
  if (!row) throw new HttpError(404, 'not_found', `no user ${id}`);
  return row;
};

const userId = (req: Request): number => {
  const parsed = idSchema.safeParse(req.params.id);
  if (!parsed.success)
    throw new HttpError(400, 'invalid_id', 'the user id must be a positive 32-bit integer');
  return parsed.data;
};

/**
 * `GET /users?sort=`, `GET /users/:id`, `PATCH /users/:id` (displayName, email; nothing else),
 * `PATCH /users/:id/preferences` (a JSON object merged into the stored one) and `POST /fetch` (`{ url }`,
 * fetched SSRF-safely; answers the status, type, size and the start of the body).
 */
export function createSecurityApp({
  pool,
  security = {},
  fetch = {},
  onError = logToStderr,
}: SecurityAppOptions): Express {
  const app = express();
  // helmet removes the header too; disabling it at the source means no code path ever sets it.
  app.disable('x-powered-by');
  // Express's ETag hashes every body; an API answering per-user data has no use for it here.
  app.set('etag', false);
  app.use(securityMiddleware(security));

  app.get('/users', async (req, res) => {
    const parsed = userSort.parse(req.query.sort);
    if (!parsed.ok) throw new HttpError(400, 'invalid_sort', parsed.detail, { allowed: parsed.allowed });
    const rows = await listUserRows(pool, parsed.sort.orderBy, PAGE_SIZE);
    res.json(rows.map(toPublicUser));
  });

  app.get('/users/:id', async (req, res) => {
    const id = userId(req);
    res.json(toPublicUser(found(await getUserRow(pool, id), id)));
  });

  app.patch('/users/:id', async (req, res) => {
    const id = userId(req);
    // parse throws a ZodError; the error handler names every unknown field (role, isAdmin) in a 400.
    const patch = userPatchSchema.parse(req.body);
    res.json(toPublicUser(found(await updateUser(pool, id, patch), id)));
  });

  app.patch('/users/:id/preferences', async (req, res) => {
    const id = userId(req);
    const problem = jsonDocumentProblem(req.body);
    if (problem) throw new HttpError(400, 'invalid_preferences', `preferences ${problem}`);
    const row = found(await getUserRow(pool, id), id);
    const merged = safeDeepMerge(row.preferences, req.body as Record<string, unknown>);
    res.json(toPublicUser(found(await setPreferences(pool, id, merged), id)));
  });

  app.post('/fetch', async (req, res) => {
    const { url } = fetchRequestSchema.parse(req.body);
    const result = await safeFetch(url, fetch);
    res.json({
      url: result.url,
      status: result.status,
      contentType: result.contentType ?? null,
      bytes: result.body.length,
      redirects: result.hops.length - 1,
      preview: result.body.subarray(0, PREVIEW_BYTES).toString('utf8'),
    });
  });

  app.use(() => {
    throw new HttpError(404, 'not_found', 'no such route');
  });
  app.use(problemErrorHandler(onError));
  return app;
}
