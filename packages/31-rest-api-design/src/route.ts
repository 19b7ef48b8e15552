/**
 * A route declared once, as data: method, path, the zod schemas of its inputs and answers, and a handler.
 * From that one declaration come the Express wiring with validation on the way in and on the way out
 * (`mountRoutes`), the 404/405 answers (`fallback`), and the OpenAPI document (openapi.ts). It is what
 * FastAPI derives from a decorated function's type hints, written out.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import { ApiError, fieldErrors } from './errors.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One documented answer. `schema` absent means no body (a 204). */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Response headers to document: name → description. */
  headers?: Record<string, string>;
}

type Responses = Record<number, ResponseSpec>;

/** What a handler may return: one of the declared statuses, with a body its schema accepts. */
export type Reply<R extends Responses> = {
  [S in keyof R & number]: {
    status: S;
    headers?: Record<string, string>;
  } & (R[S] extends { schema: infer Body extends z.ZodType }
    ? { body: z.input<Body> }
    : { body?: undefined });
}[keyof R & number];

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route's contract: everything but the handler. */
export interface RouteSpec<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends Responses,
> {
  method: Method;
  /** OpenAPI template syntax, `/api/v1/users/{id}`: one spelling for the docs and the router. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Media types the body may have; `application/json` when not given. */
  bodyTypes?: string[];
  responses: R;
  /** Error statuses the operation can answer with (all use the Error schema). */
  errors: number[];
}

/** The handler of a route: validated input in, one of the declared replies out. */
export type Handler<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends Responses,
> = (input: { params: Out<P>; query: Out<Q>; body: Out<B> }) => Promise<Reply<R>>;

/** A route with its types erased, so routes of different shapes fit in one array. */
export interface Route {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyTypes: string[];
  responses: Responses;
  errors: number[];
  /** Validates the raw request parts, runs the handler, validates the answer. */
  run(raw: { params: unknown; query: unknown; body: unknown }): Promise<Outcome>;
}

/** An answer ready to send: the body has already passed its response schema. */
export interface Outcome {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function validate<S extends z.ZodType | undefined>(
  schema: S,
  value: unknown,
  where: 'path' | 'query' | 'body',
): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Out<S>;
  const errors = fieldErrors(where, result.error.issues);
  // A bad URL or query string is a malformed request (400); a well-formed JSON body whose content breaks
  // the rules is "unprocessable" (422).
  if (where === 'body') throw new ApiError(422, 'validation_failed', 'the request body is invalid', errors);
  const code = where === 'path' ? 'invalid_path' : 'invalid_query';
  throw new ApiError(400, code, `the ${where === 'path' ? 'URL path' : 'query string'} is invalid`, errors);
}

/**
 * Declares a route's contract; `.handle()` then supplies the implementation, typed from the contract. Two
 * steps on purpose: with one object, TypeScript would infer the responses from the handler's return value
 * as well, widening `status: 200` to `number` and losing the status-to-schema check.
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends Responses = Responses,
>(spec: RouteSpec<P, Q, B, R>): { handle(handler: Handler<P, Q, B, R>): Route } {
  return {
    handle: (handler) => ({
      method: spec.method,
      path: spec.path,
      operationId: spec.operationId,
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      bodyTypes: spec.bodyTypes ?? ['application/json'],
      responses: spec.responses,
      errors: spec.errors,
      async run(raw) {
        // An absent schema is `undefined`, which is what P/Q/B are then: the casts only drop `| undefined`.
        const params = validate(spec.params as P, raw.params, 'path');
        const query = validate(spec.query as Q, raw.query, 'query');
        const body = validate(spec.body as B, raw.body, 'body');
        const reply: { status: number; headers?: Record<string, string>; body?: unknown } = await handler({
          params,
          query,
          body,
        });
        const declared = spec.responses[reply.status];
        // The types rule this out; a cast or an `any` could still get here, and the docs would then lie.
        if (!declared)
          throw new Error(`${spec.operationId} answered ${reply.status}, which it does not declare`);
        // An allow-list on the way out: z.object strips keys it does not list (password_hash...). A reply
        // that does not match its schema is a server bug, reported as a 500 by the error middleware.
        const outgoing = declared.schema ? declared.schema.parse(reply.body) : undefined;
        return { status: reply.status, headers: reply.headers ?? {}, body: outgoing };
      },
    }),
  };
}

/** `/api/v1/users/{id}` → `/api/v1/users/:id` (Express 5 / path-to-regexp syntax). */
export const expressPath = (template: string): string => template.replace(/\{(\w+)\}/g, ':$1');

/** The `charset` parameter of a Content-Type, lower-cased and unquoted; `undefined` when there is none. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? '').toLowerCase() : undefined;
}

/**
 * A 415 before the body is read: no JSON parser runs on a body that did not say it is JSON, or said it is
 * JSON in another encoding. JSON between systems is UTF-8 (RFC 8259 §8.1); body-parser would decode
 * UTF-16 or UTF-7 for us, and UTF-7 is a classic way to smuggle characters past filters.
 */
function requireMediaType(method: Method, types: string[]): RequestHandler {
  // RFC 5789: a 415 to a PATCH says which patch formats the resource takes.
  const headers: Record<string, string> = method === 'patch' ? { 'Accept-Patch': types.join(', ') } : {};
  return (req, _res, next) => {
    const got = req.get('content-type');
    const charset = charsetOf(got);
    if (req.is(types) && (charset === undefined || charset === 'utf-8')) return next();
    const detail =
      charset !== undefined && req.is(types)
        ? `send the body as UTF-8, not charset=${charset}`
        : `send the body as ${types.join(' or ')}${got ? `, not ${got}` : ' with a Content-Type header'}`;
    next(new ApiError(415, 'unsupported_media_type', detail, undefined, headers));
  };
}

function send(res: Response, outcome: Outcome): void {
  res.status(outcome.status).set(outcome.headers);
  if (outcome.body === undefined) res.end();
  else res.json(outcome.body);
}

export interface MountOptions {
  /** Largest accepted request body, as body-parser reads it (`'16kb'`, or bytes). */
  bodyLimit: string | number;
}

/** Registers every route on `router`: media-type check, JSON parser, then validation and the handler. */
export function mountRoutes(router: Router, routes: readonly Route[], { bodyLimit }: MountOptions): void {
  for (const route of routes) {
    const stack: RequestHandler[] = [];
    if (route.body) {
      stack.push(requireMediaType(route.method, route.bodyTypes));
      // strict: false lets any JSON value through (`"text"`, `42`): it is valid JSON, so the schema answers
      // with a 422 "expected object" instead of the parser calling it malformed.
      stack.push(express.json({ limit: bodyLimit, type: route.bodyTypes, strict: false }));
    }
    stack.push(async (req: Request, res: Response) => {
      // Express 5 forwards a rejected promise to the error middleware, so no try/catch here.
      send(res, await route.run({ params: req.params, query: req.query, body: req.body }));
    });
    router[route.method](expressPath(route.path), ...stack);
  }
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/api/v1/users/{id}` → a regex matching any value of `{id}` (and an optional trailing slash, as Express). */
const templateRegex = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/\{\w+\}/)
      .map(escapeRegex)
      .join('[^/]+')}/?$`,
  );

/**
 * The answer when no route matched: 405 with an `Allow` header when the path exists under another method,
 * 404 otherwise. Both in the API's error format, unlike Express's HTML default.
 */
export function fallback(routes: readonly Route[]): RequestHandler {
  const patterns = routes.map((route) => ({ route, regex: templateRegex(route.path) }));
  return (req, _res, next) => {
    const allowed = patterns.filter((p) => p.regex.test(req.path)).map((p) => p.route.method.toUpperCase());
    if (allowed.length === 0) {
      next(new ApiError(404, 'route_not_found', `no route for ${req.method} ${req.path}`));
      return;
    }
    if (allowed.includes('GET')) allowed.push('HEAD');
    next(
      new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path}`, undefined, {
        Allow: allowed.join(', '),
      }),
    );
  };
}
