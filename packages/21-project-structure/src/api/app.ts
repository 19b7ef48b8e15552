import express, { type Express } from 'express';
import type { OrderService } from '../services/order-service.ts';
import type { UserService } from '../services/user-service.ts';
import { type ErrorHandlerOptions, errorHandler } from './error-handler.ts';
import { ordersRouter } from './orders-router.ts';
import { HttpError } from './problems.ts';
import { usersRouter } from './users-router.ts';

export interface AppServices {
  users: UserService;
  orders: OrderService;
}

export interface AppOptions extends ErrorHandlerOptions {
  /** The largest JSON body accepted (body-parser syntax); larger is a 413. Default 16kb. */
  jsonLimit?: string;
}

/** The HTTP app: JSON in, the routers, a problem body for every error (unknown routes included). */
export function createApp(services: AppServices, options: AppOptions = {}): Express {
  const app = express();
  app.set('x-powered-by', false);
  app.use(express.json({ limit: options.jsonLimit ?? '16kb' }));
  app.use(usersRouter(services));
  app.use(ordersRouter(services));
  app.use((req, _res, next) =>
    next(new HttpError(404, 'route_not_found', `no route ${req.method} ${req.path.slice(0, 200)}`)),
  );
  app.use(errorHandler(options));
  return app;
}
