/**
 * `GET /api/v1/users/:id` with nothing around it, for the bench: the same SQL, the same bytes on the wire,
 * but no schema validation, no error format, no 404/405 machinery. What the full stack costs is measured
 * against these two.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import express, { type Express } from 'express';
import type pg from 'pg';
import { SELECT_USER_BY_ID, type UserRow } from './users-repository.ts';

// Picking the public fields by hand keeps the payload identical to the full stack's. It is also exactly
// the code that silently leaks a new column the day someone writes `SELECT *` and `res.json(row)`.
const publicFields = ({ id, name, email, role, created_at, updated_at }: UserRow) => ({
  id,
  name,
  email,
  role,
  created_at,
  updated_at,
});

/** Express routing and `res.json`, nothing else. */
export function bareExpressApp(pool: pg.Pool): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/api/v1/users/:id', async (req, res) => {
    const { rows } = await pool.query<UserRow>(SELECT_USER_BY_ID, [Number(req.params.id)]);
    const row = rows[0];
    if (!row) res.status(404).end();
    else res.json(publicFields(row));
  });
  return app;
}

const USER_URL = /^\/api\/v1\/users\/(\d+)$/;

/** `node:http` with a regex for routing and `JSON.stringify`: the floor any framework builds on. */
export function bareNodeServer(pool: pg.Pool): Server {
  const handler: RequestListener = (req, res) => {
    const match = req.method === 'GET' ? USER_URL.exec(req.url ?? '') : null;
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    pool.query<UserRow>(SELECT_USER_BY_ID, [Number(match[1])]).then(
      ({ rows }) => {
        const row = rows[0];
        if (!row) {
          res.writeHead(404).end();
          return;
        }
        const body = JSON.stringify(publicFields(row));
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      () => res.writeHead(500).end(),
    );
  };
  return createServer(handler);
}
