import { once } from 'node:events';
import { postgres, redis } from '@lab/common/services';
import {
  type AppOptions,
  migrate,
  OrderService,
  PgOrderRepository,
  PgUserRepository,
  type Queryable,
  UserService,
} from '@lab/project-structure';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { createSignupApp } from './app.ts';
import { Lifecycle } from './lifecycle.ts';
import type { Mailer } from './mailer.ts';
import { migrateOutbox, OutboxMailer } from './outbox-mailer.ts';
import { type RequestInfo, RequestScope } from './request-scope.ts';
import { SignupService } from './signup-service.ts';
import { TransactionScope } from './transaction-scope.ts';
import { RedisUserCache, type UserCache } from './user-cache.ts';

export interface ContainerConfig {
  /** The PostgreSQL schema this service owns (first on the search_path). */
  schema: string;
  redisKeyPrefix: string;
  cacheTtlSeconds: number;
  poolMax?: number;
  app?: AppOptions;
}

/** The application's object graph: every singleton, built once, in dependency order. */
export interface Graph {
  requestScope: RequestScope<RequestInfo>;
  unitOfWork: TransactionScope;
  users: UserService;
  orders: OrderService;
  mailer: Mailer;
  cache: UserCache;
  signups: SignupService;
  app: Express;
}

/** What the graph is built on: infrastructure opened elsewhere (or fakes of its leaves). */
export interface Infrastructure {
  pool: pg.Pool;
  cache: UserCache;
  /**
   * Builds the mailer from what only the wiring knows (the transaction-scoped connection, the request id
   * reader). A factory, not an instance, for that reason. Default: `outboxMailer`.
   */
  mailer?: MailerFactory;
}

export type MailerFactory = (context: { db: Queryable; requestId: () => string | undefined }) => Mailer;

/** The real mailer: rows in `mail_outbox`, in the caller's transaction, stamped with the request id. */
export const outboxMailer: MailerFactory = ({ db, requestId }) => new OutboxMailer(db, { requestId });

/**
 * The wiring, and only the wiring: plain constructor calls in dependency order, each one type-checked.
 * Nothing here opens a connection, so a test can wire the real graph over fake leaves.
 */
export function wire(infra: Infrastructure, config: Pick<ContainerConfig, 'app'> = {}): Graph {
  const requestScope = new RequestScope<RequestInfo>();
  const unitOfWork = new TransactionScope(infra.pool);
  // Repositories on the scoped Queryable: singletons that still join the current request's transaction.
  const userRepository = new PgUserRepository(unitOfWork.db);
  const orderRepository = new PgOrderRepository(unitOfWork.db);
  const users = new UserService({ users: userRepository });
  const orders = new OrderService({
    users: userRepository,
    orders: orderRepository,
    // Topic 21's callback form, run inside the scoped transaction: the same repositories join it.
    inTransaction: (work) => unitOfWork.run(() => work({ users: userRepository, orders: orderRepository })),
  });
  const mailer = (infra.mailer ?? outboxMailer)({
    db: unitOfWork.db,
    requestId: () => requestScope.find()?.requestId,
  });
  const signups = new SignupService({ users, cache: infra.cache, mailer, unitOfWork });
  const app = createSignupApp({ signups, requestScope }, config.app);
  return { requestScope, unitOfWork, users, orders, mailer, cache: infra.cache, signups, app };
}

/** How the composition root opens the real infrastructure; a test can hand in one that fails. */
export interface Openers {
  postgres: (config: ContainerConfig) => Promise<pg.Pool>;
  redis: (config: ContainerConfig) => Promise<Redis>;
}

export const realOpeners: Openers = {
  postgres: (config) => postgres({ schema: config.schema, max: config.poolMax ?? 10 }),
  redis: async () => {
    const result = await redis();
    // Fail at start-up, not on the first request: a service that cannot reach Redis should not go live.
    if (!result.ok) throw new Error(`Redis is required: ${result.reason}`);
    return result.client;
  },
};

/**
 * QUIT, then wait for the socket to close: `quit()` resolves on the server's OK, and a client still
 * connecting ends a moment later, so "disposed" would otherwise come before the connection is gone.
 */
async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  const ended = once(client, 'end');
  await client.quit();
  await ended;
}

export interface Container extends Graph, AsyncDisposable {
  pool: pg.Pool;
  redis: Redis;
  lifecycle: Lifecycle;
  dispose(): Promise<void>;
}

/**
 * The composition root: the one place that knows the concrete classes. Opens PostgreSQL (and migrates),
 * then Redis, then wires the graph; `dispose()` (or `await using`) closes them in reverse. When an opener
 * fails, what was already opened is closed before the error goes up.
 */
export async function createContainer(
  config: ContainerConfig,
  openers: Openers = realOpeners,
): Promise<Container> {
  const lifecycle = new Lifecycle();
  try {
    const pool = lifecycle.use('postgres', await openers.postgres(config), (p) => p.end());
    await migrate(pool);
    await migrateOutbox(pool);
    const client = lifecycle.use('redis', await openers.redis(config), closeRedis);
    const cache = new RedisUserCache(client, {
      prefix: config.redisKeyPrefix,
      ttlSeconds: config.cacheTtlSeconds,
    });
    const graph = wire({ pool, cache }, config);
    return {
      ...graph,
      pool,
      redis: client,
      lifecycle,
      dispose: () => lifecycle.dispose(),
      [Symbol.asyncDispose]: () => lifecycle.dispose(),
    };
  } catch (error) {
    await lifecycle.dispose().catch(() => {});
    throw error;
  }
}
