/**
 * The security layer every JSON API mounts before its routes, as one function:
 * helmet's headers (and no X-Powered-By), CORS with an allowlist, JSON only, UTF-8 only, a body size limit
 * (413) and a parser that refuses prototype-pollution keys (400).
 */
import cors from 'cors';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { HttpError } from './errors.ts';
import { forbiddenKeyReviver } from './json-guard.ts';

export interface CorsPolicy {
  /** Exact origins (`https://app.example.com`, scheme + host + port) allowed to call from a browser. */
  origins: readonly string[];
  /** Whether browsers send cookies / HTTP auth cross-origin. Never together with a wildcard. */
  credentials?: boolean;
}

export interface SecurityOptions {
  /** Omit for no cross-origin access at all (the browser's same-origin policy stands). */
  cors?: CorsPolicy;
  /** body-parser syntax (`'16kb'`) or bytes. Default 16 KiB. */
  bodyLimit?: string | number;
  /** Refuse `__proto__` / `constructor.prototype` keys while parsing. Default true. */
  rejectPrototypeKeys?: boolean;
}

/** Throws at start-up on a CORS policy a browser would reject or that would let any site in. */
export function checkCorsPolicy(policy: CorsPolicy): void {
  for (const origin of policy.origins) {
    if (origin === '*' || origin === 'null') {
      // `*` with credentials is refused by browsers; "reflect whatever Origin came" (the usual workaround)
      // hands every site on the internet the user's session. `null` is what sandboxed iframes send.
      throw new TypeError(`CORS origin ${origin} is not allowed here: list the exact origins`);
    }
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new TypeError(`CORS origin ${JSON.stringify(origin)} is not a URL`);
    }
    if (parsed.origin !== origin)
      throw new TypeError(`CORS origin ${JSON.stringify(origin)} must be written as ${parsed.origin}`);
  }
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** 415 unless a body-carrying request says JSON in UTF-8 (RFC 8259 §8.1: JSON on the wire is UTF-8). */
const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!BODY_METHODS.has(req.method) || !hasBody) return next();
  if (!req.is('application/json'))
    return next(new HttpError(415, 'unsupported_media_type', 'send the body as application/json'));
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8')
    return next(new HttpError(415, 'unsupported_media_type', 'send the JSON body as UTF-8'));
  next();
};

/**
 * The middleware stack, as a router to `app.use()` before the routes (and before any other body parser).
 * Errors it raises go to the app's error handler: mount `problemErrorHandler` last.
 */
export function securityMiddleware(options: SecurityOptions = {}): Router {
  const { bodyLimit = '16kb', rejectPrototypeKeys = true } = options;
  if (options.cors) checkCorsPolicy(options.cors);
  const router = express.Router();
  router.use(
    helmet({
      // A JSON API serves no HTML: nothing may load, nothing may frame it.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      // Let allowlisted origins read responses; CORS decides who those are.
      crossOriginResourcePolicy: { policy: options.cors ? 'cross-origin' : 'same-origin' },
    }),
  );
  if (options.cors) {
    router.use(
      cors({
        // An array: the cors package echoes the request's Origin only on an exact match, else sends none.
        origin: [...options.cors.origins],
        credentials: options.cors.credentials ?? false,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['Content-Type', 'Authorization'],
        maxAge: 600,
      }),
    );
  }
  router.use(jsonOnly);
  router.use(
    express.json({
      limit: bodyLimit,
      // Only objects and arrays at the top: a bare `"text"` or `42` body is a client bug.
      strict: true,
      ...(rejectPrototypeKeys ? { reviver: forbiddenKeyReviver } : {}),
    }),
  );
  return router;
}
