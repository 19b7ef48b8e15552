import {
  type AppServices,
  composeServices,
  HttpError,
  ordersRouter,
  pgRepositories,
  pgTransaction,
  usersRouter,
} from '@lab/project-structure';
import express, { type Express } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { loggingErrorHandler } from './error-middleware.ts';
import { requestContextMiddleware } from './http-context.ts';
import { logCalls } from './logged-calls.ts';
import { type CreateLoggerOptions, createLogger, moduleLogger } from './logger.ts';
import { RequestContext } from './request-context.ts';

export interface LoggedAppOptions {
  logger: Logger;
  context: RequestContext;
  /** The largest JSON body accepted; larger is a 413. Default 16kb. */
  jsonLimit?: string;
  generateRequestId?: () => string;
}

/**
 * Topic 21's users-and-orders API (its routers, services and error mapping) with what production adds:
 * the request context first, so every line after it carries the id; service calls logged at the
 * boundary; and the logging error middleware last.
 */
export function createLoggedApp(services: AppServices, options: LoggedAppOptions): Express {
  const { logger, context } = options;
  const app = express();
  app.set('x-powered-by', false);
  app.use(
    requestContextMiddleware({
      context,
      logger: moduleLogger(logger, 'http'),
      ...(options.generateRequestId ? { generate: options.generateRequestId } : {}),
    }),
  );
  app.use(express.json({ limit: options.jsonLimit ?? '16kb' }));
  const logged: AppServices = {
    users: logCalls(services.users, moduleLogger(logger, 'users'), 'users'),
    orders: logCalls(services.orders, moduleLogger(logger, 'orders'), 'orders'),
  };
  app.use(usersRouter(logged));
  app.use(ordersRouter(logged));
  app.use((req, _res, next) =>
    next(new HttpError(404, 'route_not_found', `no route ${req.method} ${req.path.slice(0, 200)}`)),
  );
  app.use(loggingErrorHandler({ logger: moduleLogger(logger, 'http'), context }));
  return app;
}

export interface LoggedServiceOptions extends Omit<CreateLoggerOptions, 'context'> {
  jsonLimit?: string;
  generateRequestId?: () => string;
}

/**
 * The whole service on PostgreSQL (run topic 21's `migrate(pool)` first): one context, one root logger
 * bound to it, 21's services on the pool, and the logged app over them.
 */
export function createLoggedService(pool: pg.Pool, options: LoggedServiceOptions = {}) {
  const { jsonLimit, generateRequestId, ...loggerOptions } = options;
  const context = new RequestContext();
  const logger = createLogger({ ...loggerOptions, context });
  const { users, orders } = composeServices({ ...pgRepositories(pool), inTransaction: pgTransaction(pool) });
  const app = createLoggedApp(
    { users, orders },
    {
      logger,
      context,
      ...(jsonLimit ? { jsonLimit } : {}),
      ...(generateRequestId ? { generateRequestId } : {}),
    },
  );
  return { app, logger, context, services: { users, orders } };
}
