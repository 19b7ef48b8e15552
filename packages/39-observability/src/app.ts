/**
 * A small users-and-orders API with everything this topic adds wired in the order it matters: request ids
 * and logs first (every later line has the id), metrics next (they time everything after them), health and
 * /metrics, then the routes, then a 404 and an error handler that answer with the kit's problem body.
 */
import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import pino, { type Logger } from 'pino';
import { postgresCheck, redisCheck } from './health-checks.ts';
import { healthRouter } from './health-router.ts';
import {
  type CacheMetrics,
  cacheMetrics,
  httpMetrics,
  metricsHandler,
  poolMetrics,
  processMetrics,
  Registry,
} from './metrics.ts';
import { Readiness } from './readiness.ts';
import { requestIdOf, requestLog } from './request-log.ts';
import { mountRouter } from './route-label.ts';

export interface ObservedAppOptions {
  pool: pg.Pool;
  redis: Redis;
  /** Where request logs go; silent by default. */
  logger?: Logger;
  /** Swap the route label (the demo shows what the raw path does to the series count). */
  label?: (req: Request) => string;
  readinessCacheMs?: number;
  checkTimeoutMs?: number;
  /** Leave out the default process metrics (the scrape bench measures the app's own series). */
  processMetrics?: boolean;
}

export interface ObservedApp {
  app: Express;
  registry: Registry;
  readiness: Readiness;
  cache: CacheMetrics;
}

/** Creates the tables the routes read, with a few rows. Idempotent. */
export async function migrate(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY, name text NOT NULL);
    CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users (id), total_cents int NOT NULL);
    INSERT INTO users VALUES (1, 'Ada'), (2, 'Grace') ON CONFLICT DO NOTHING;
    INSERT INTO orders VALUES (10, 1, 2500), (11, 1, 900), (20, 2, 4200) ON CONFLICT DO NOTHING;
  `);
}

/** Ids are small positive integers; anything else is the client's mistake, said as a 400, not a 500. */
function idParam(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^[1-9][0-9]{0,8}$/.test(raw)) return undefined;
  return Number(raw);
}

const badId = (res: Response, name: string) =>
  sendProblem(res, problemBody(400, 'invalid_id', `${name} must be a positive integer of at most 9 digits`));

function ordersRouter(pool: pg.Pool) {
  const router = express.Router({ mergeParams: true });
  router.get('/', async (req: Request<{ userId: string }>, res) => {
    const userId = idParam(req.params.userId);
    if (userId === undefined) return badId(res, 'userId');
    const { rows } = await pool.query(
      'SELECT id, total_cents AS "totalCents" FROM orders WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    res.json(rows);
  });
  router.get('/:orderId', async (req: Request<{ userId: string; orderId: string }>, res) => {
    const userId = idParam(req.params.userId);
    const orderId = idParam(req.params.orderId);
    if (userId === undefined) return badId(res, 'userId');
    if (orderId === undefined) return badId(res, 'orderId');
    const { rows } = await pool.query(
      'SELECT id, total_cents AS "totalCents" FROM orders WHERE user_id = $1 AND id = $2',
      [userId, orderId],
    );
    if (rows.length === 0)
      return sendProblem(res, problemBody(404, 'order_not_found', `user ${userId} has no order ${orderId}`));
    res.json(rows[0]);
  });
  return router;
}

export function createObservedApp(options: ObservedAppOptions): ObservedApp {
  const { pool, redis } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const registry = new Registry();
  if (options.processMetrics !== false) processMetrics(registry);
  poolMetrics(registry, pool);
  const cache = cacheMetrics(registry);
  const readiness = new Readiness({
    checks: [postgresCheck(pool), redisCheck(redis)],
    cacheMs: options.readinessCacheMs ?? 1000,
    defaultTimeoutMs: options.checkTimeoutMs ?? 1000,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.use(httpMetrics({ registry, label: options.label }).middleware);
  app.use(healthRouter(readiness));
  app.get('/metrics', metricsHandler(registry));

  app.get('/users/:id', async (req, res) => {
    const id = idParam(req.params.id);
    if (id === undefined) return badId(res, 'id');
    const key = `obs:user:${id}`;
    const cached = redis.status === 'ready' ? await redis.get(key).catch(() => null) : null;
    if (cached !== null) {
      cache.hit('users');
      res.json(JSON.parse(cached));
      return;
    }
    cache.miss('users');
    const { rows } = await pool.query('SELECT id, name FROM users WHERE id = $1', [id]);
    if (rows.length === 0) return sendProblem(res, problemBody(404, 'user_not_found', `no user ${id}`));
    // A cache write that fails must not fail the request: the database answered.
    if (redis.status === 'ready')
      await redis.set(key, JSON.stringify(rows[0]), 'EX', 30).catch(() => undefined);
    res.json(rows[0]);
  });
  mountRouter(app, '/users/:userId/orders', ordersRouter(pool));

  app.use((req: Request, res: Response) => {
    sendProblem(res, problemBody(404, 'not_found', `no route for ${req.method} ${req.path.slice(0, 200)}`));
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The stack goes to the log with the request id; the client gets the id to quote, nothing internal.
    logger.error({ requestId: requestIdOf(req), err: error }, 'unhandled error');
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendProblem(res, problemBody(status, 'bad_request', 'the request could not be read'));
      return;
    }
    sendProblem(
      res,
      problemBody(500, 'internal_error', 'something went wrong on our side', {
        requestId: requestIdOf(req) ?? 'unknown',
      }),
    );
  });
  return { app, registry, readiness, cache };
}
