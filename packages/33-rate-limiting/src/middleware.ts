/**
 * Express middleware: pick the limiter (one, or one per tier), pick the key (IP, user, route), decide, set
 * the headers, and answer 429 — or, when the store is down, whatever the stated fail policy says.
 */
import { createHash } from 'node:crypto';
import { problemBody, sendProblem } from '@lab/common/problem';
import type { Request, RequestHandler, Response } from 'express';
import { type FailPolicyOptions, type GuardedRateLimiter, withFailPolicy } from './fail-policy.ts';
import { rateLimitHeaders } from './headers.ts';
import { byIp, type KeyFn } from './keys.ts';
import type { Decision, RateLimiter } from './policy.ts';

export interface RateLimitOptions extends Partial<FailPolicyOptions> {
  /** The limiter for every request, or a function choosing one per request (e.g. by the user's tier). */
  limiter: RateLimiter | ((req: Request, res: Response) => RateLimiter);
  /** Who the request counts against; `byIp` by default. */
  key?: KeyFn;
}

// The ratelimit-headers draft's problem types: the kit's body (detail, code, camelCase members) with the
// draft's `type`, so a client that knows the draft and one that knows only RFC 9457 both understand it.
const PROBLEM = 'https://iana.org/assignments/http-problem-types';

/** The longest key the limiters take (see checkKey); Redis keys have to end somewhere. */
const MAX_KEY_LENGTH = 512;

/**
 * What a key function made of the request, as a key the limiters accept. A key function may read a header
 * the client chooses (an API key, say): an empty or over-long value is counted under its SHA-256, in a
 * bucket of its own, instead of being refused — which would turn a crafted header into a 500 or an outage.
 */
export function limiterKey(raw: string): string {
  if (raw.length > 0 && raw.length <= MAX_KEY_LENGTH) return raw;
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

function setHeaders(res: Response, decision: Decision, limiter: RateLimiter): void {
  const headers = rateLimitHeaders(decision, limiter);
  // Several limiters can apply to one request (a global one and a route's): the draft's fields are lists,
  // so each adds its item; the legacy trio can say only one thing, so it reports the tightest limiter.
  res.append('RateLimit-Policy', headers['RateLimit-Policy']);
  res.append('RateLimit', headers.RateLimit);
  const shown = res.getHeader('X-RateLimit-Remaining');
  if (shown === undefined || Number(shown) > decision.remaining) {
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] as const)
      res.setHeader(name, headers[name] as string);
  }
  if (headers['Retry-After'] !== undefined) res.setHeader('Retry-After', headers['Retry-After']);
}

/**
 * Rate limiting middleware. The store error policy defaults to fail open (admit, log once) with a 250 ms
 * timeout; see fail-policy.ts for `closed` and `{ fallback }`.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const key = options.key ?? byIp;
  const { limiter: _limiter, key: _key, ...rest } = options;
  const failPolicy: FailPolicyOptions = { ...rest, onStoreError: options.onStoreError ?? 'open' };
  // One guard per limiter, so each keeps its own "store is down" state and counters.
  const guarded = new WeakMap<RateLimiter, GuardedRateLimiter>();
  const guard = (limiter: RateLimiter): GuardedRateLimiter => {
    let g = guarded.get(limiter);
    if (!g) {
      g = withFailPolicy(limiter, failPolicy);
      guarded.set(limiter, g);
    }
    return g;
  };
  const choose =
    typeof options.limiter === 'function' ? options.limiter : () => options.limiter as RateLimiter;

  return async (req, res, next) => {
    const limiter = choose(req, res);
    const decision = await guard(limiter).consume(limiterKey(key(req, res)));
    if (decision.degraded === 'closed') {
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      const body = problemBody(
        503,
        'rate_limit_unavailable',
        'rate limiting is unavailable, so this request is refused rather than admitted unchecked',
        { violatedPolicies: [limiter.name], retryAfterSeconds },
      );
      sendProblem(
        res,
        { ...body, type: `${PROBLEM}#temporary-reduced-capacity` },
        {
          'Retry-After': String(retryAfterSeconds),
        },
      );
      return;
    }
    // Failing open, the store said nothing: any number in the headers would be invented.
    if (decision.degraded !== 'open') setHeaders(res, decision, limiter);
    if (decision.allowed) {
      next();
      return;
    }
    const body = problemBody(429, 'quota_exceeded', `the quota of policy ${limiter.name} is used up`, {
      violatedPolicies: [limiter.name],
      retryAfterSeconds: Number(res.getHeader('Retry-After')),
    });
    sendProblem(res, { ...body, type: `${PROBLEM}#quota-exceeded` });
  };
}
