import { PgUserRepository, type UserRepository, UserService } from '@lab/project-structure';
import {
  type AwilixContainer,
  AwilixResolutionError,
  asClass,
  asFunction,
  asValue,
  createContainer,
  InjectionMode,
} from 'awilix';
import type pg from 'pg';
import type { Mailer } from './mailer.ts';
import { OutboxMailer } from './outbox-mailer.ts';
import { type LogSink, RequestLogger } from './request-logger.ts';
import type { RequestInfo } from './request-scope.ts';
import { SignupService } from './signup-service.ts';
import { TinyContainer } from './tiny-container.ts';
import { TransactionScope } from './transaction-scope.ts';
import type { UserCache } from './user-cache.ts';

/**
 * The same graph three ways — by hand, on the typed `TinyContainer`, on awilix — for the bench and the demo:
 * singletons (unit of work, repository, services, mailer) and one per-request object (`RequestLogger`,
 * built from the request's `RequestInfo`). Nothing here connects: resolving costs only the wiring.
 */
export interface Leaves {
  pool: pg.Pool;
  cache: UserCache;
  sink: LogSink;
}

/** Everything the awilix container can resolve (awilix never checks it against the registrations). */
export interface Cradle extends Leaves {
  unitOfWork: TransactionScope;
  userRepository: UserRepository;
  users: UserService;
  mailer: Mailer;
  signups: SignupService;
  request: RequestInfo;
  logger: RequestLogger;
}

export interface ManualGraph {
  signups: SignupService;
  /** The per-request part: a constructor call. */
  forRequest(request: RequestInfo): { logger: RequestLogger };
}

export function manualWiring(leaves: Leaves): ManualGraph {
  const unitOfWork = new TransactionScope(leaves.pool);
  const users = new UserService({ users: new PgUserRepository(unitOfWork.db) });
  const mailer = new OutboxMailer(unitOfWork.db);
  const signups = new SignupService({ users, cache: leaves.cache, mailer, unitOfWork });
  return { signups, forRequest: (request) => ({ logger: new RequestLogger(request, leaves.sink) }) };
}

export function tinyWiring(leaves: Leaves) {
  return new TinyContainer()
    .register('unitOfWork', 'singleton', () => new TransactionScope(leaves.pool))
    .register('userRepository', 'singleton', (c) => new PgUserRepository(c.resolve('unitOfWork').db))
    .register('users', 'singleton', (c) => new UserService({ users: c.resolve('userRepository') }))
    .register('mailer', 'singleton', (c) => new OutboxMailer(c.resolve('unitOfWork').db))
    .register(
      'signups',
      'singleton',
      (c) =>
        new SignupService({
          users: c.resolve('users'),
          cache: leaves.cache,
          mailer: c.resolve('mailer'),
          unitOfWork: c.resolve('unitOfWork'),
        }),
    )
    .register('request', 'scoped', (): RequestInfo => {
      throw new Error('request is provided per scope: createScope({ request })');
    })
    .register('logger', 'scoped', (c) => new RequestLogger(c.resolve('request'), leaves.sink));
}

export type TinyGraph = ReturnType<typeof tinyWiring>;

/**
 * awilix in PROXY mode: each factory receives the cradle, a Proxy that resolves a name when it is read.
 * The destructured names are strings to awilix; their types are whatever the factory declares.
 */
export function awilixWiring(leaves: Leaves): AwilixContainer<Cradle> {
  const container = createContainer<Cradle>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    pool: asValue(leaves.pool),
    cache: asValue(leaves.cache),
    sink: asValue(leaves.sink),
    unitOfWork: asFunction(({ pool }: Cradle) => new TransactionScope(pool)).singleton(),
    userRepository: asFunction(({ unitOfWork }: Cradle) => new PgUserRepository(unitOfWork.db)).singleton(),
    users: asFunction(({ userRepository }: Cradle) => new UserService({ users: userRepository })).singleton(),
    mailer: asFunction(({ unitOfWork }: Cradle) => new OutboxMailer(unitOfWork.db)).singleton(),
    // Not asClass(SignupService): the cradle would be its deps object, and reading the optional
    // deps.onCacheError through the proxy throws AwilixResolutionError instead of giving undefined.
    signups: asFunction(
      ({ users, cache, mailer, unitOfWork }: Cradle) =>
        new SignupService({ users, cache, mailer, unitOfWork }),
    ).singleton(),
    logger: asFunction(({ request, sink }: Cradle) => new RequestLogger(request, sink)).scoped(),
  });
  return container;
}

/** One request's scope on awilix: a child container with the request registered in it. */
export function awilixRequestScope(container: AwilixContainer<Cradle>, request: RequestInfo) {
  return container.createScope().register({ request: asValue(request) });
}

/**
 * What a typo costs on awilix: `userRepositry` is a destructured parameter name, a string to the container,
 * so this compiles; the error arrives when the graph is resolved — at start-up at best, on the first request
 * that needs it at worst. (In `manualWiring` the same typo is a compile error.)
 */
export function awilixTypo(leaves: Leaves): AwilixResolutionError {
  const container = awilixWiring(leaves);
  container.register({
    users: asFunction(
      ({ userRepositry }: { userRepositry: UserRepository }) => new UserService({ users: userRepositry }),
    ).singleton(),
  });
  try {
    container.resolve('signups');
  } catch (error) {
    if (error instanceof AwilixResolutionError) return error;
    throw error;
  }
  throw new Error('the typo resolved: awilix found a registration named userRepositry');
}

/**
 * What PROXY mode does to an optional dependency: with the cradle as a deps object, reading a key nobody
 * registered (`deps.onCacheError`) throws instead of giving undefined, so `deps.onCacheError?.()` fails.
 */
export function awilixOptionalRead(leaves: Leaves): unknown {
  const container = awilixWiring(leaves);
  container.register({ signupsFromCradle: asClass(SignupService).singleton() });
  const cradle = container.cradle as Cradle & { onCacheError?: unknown };
  try {
    return cradle.onCacheError;
  } catch (error) {
    return error;
  }
}
