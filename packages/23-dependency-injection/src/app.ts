import { randomUUID } from 'node:crypto';
import { type ErrorHandlerOptions, errorHandler, HttpError } from '@lab/project-structure';
import express, { type Express, type RequestHandler } from 'express';
import type { RequestInfo, RequestScope } from './request-scope.ts';
import type { SignupService } from './signup-service.ts';

export interface SignupAppDeps {
  signups: SignupService;
  requestScope: RequestScope<RequestInfo>;
}

export interface SignupAppOptions extends ErrorHandlerOptions {
  /** The largest JSON body accepted; larger is a 413. Default 16kb. */
  jsonLimit?: string;
  /** Makes a request id when the client sent none (or an unusable one). Default: a random UUID. */
  newRequestId?: () => string;
}

/** A client's request id is kept when it is short and plain; anything else is replaced, never echoed. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A path id as topic 21 reads one: digits, no sign, no leading zero, no exponent (`1e3`), no hex. */
const PATH_ID = /^[1-9][0-9]{0,14}$/;

/** Opens the request scope: everything downstream, sync or async, sees this request's id. */
export function requestScopeMiddleware(
  scope: RequestScope<RequestInfo>,
  newRequestId: () => string = randomUUID,
): RequestHandler {
  return (req, res, next) => {
    const sent = req.get('x-request-id');
    const requestId = sent && CLIENT_REQUEST_ID.test(sent) ? sent : newRequestId();
    res.set('x-request-id', requestId);
    scope.run({ requestId }, next);
  };
}

/**
 * POST /signups and GET /users/:userId. The app receives the wired services; it builds none of them, so the
 * same function serves the composition root (real PostgreSQL, Redis, outbox) and tests (fakes).
 */
export function createSignupApp(deps: SignupAppDeps, options: SignupAppOptions = {}): Express {
  const app = express();
  app.set('x-powered-by', false);
  // First, so even a body the parser refuses gets a request id. The scope survives body-parser's stream
  // callbacks (it binds them to the request's async context); the app test pins that down.
  app.use(requestScopeMiddleware(deps.requestScope, options.newRequestId));
  app.use(express.json({ limit: options.jsonLimit ?? '16kb' }));
  app.post('/signups', async (req, res) => {
    const user = await deps.signups.signUp(req.body);
    res.status(201).location(`/users/${user.id}`).json(user);
  });
  app.get('/users/:userId', async (req, res) => {
    const { userId } = req.params;
    if (!PATH_ID.test(userId)) throw new HttpError(400, 'invalid_id', 'userId must be a positive integer');
    // Beyond PostgreSQL's integer range the service answers 404 without a query (topic 21's rule).
    res.json(await deps.signups.getUser(Number(userId)));
  });
  app.use((req, _res, next) =>
    next(new HttpError(404, 'route_not_found', `no route ${req.method} ${req.path.slice(0, 200)}`)),
  );
  app.use(errorHandler(options));
  return app;
}
