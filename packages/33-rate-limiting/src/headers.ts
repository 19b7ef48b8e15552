/**
 * Response headers from a decision, in both vocabularies clients meet:
 *
 * - the IETF draft (draft-ietf-httpapi-ratelimit-headers-10): `RateLimit-Policy: "name";q=<quota>;w=<window s>`
 *   and `RateLimit: "name";r=<remaining>;t=<seconds until more quota>`; `t` is a delay, never a date, so
 *   client clock skew cannot distort it;
 * - the older de-facto trio (GitHub, many others): `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 *   `X-RateLimit-Reset`, the last as Unix epoch SECONDS (GitHub's convention), i.e. an instant.
 *
 * All come from one Decision, rounded once, so they cannot disagree: `q` = X-RateLimit-Limit, `r` =
 * X-RateLimit-Remaining, `t` = ceil(resetMs / 1000), X-RateLimit-Reset = ceil((at + resetMs) / 1000), and on a
 * 429 `Retry-After` = `t` (the draft asks that Retry-After never point earlier than `t`).
 */
import type { Decision, RateLimiter } from './policy.ts';

/** The header fields for one decision of one limiter. */
export function rateLimitHeaders(
  decision: Decision,
  limiter: Pick<RateLimiter, 'name' | 'policy'>,
): Record<string, string> {
  const t = Math.ceil(decision.resetMs / 1000);
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"${limiter.name}";q=${decision.limit};w=${Math.ceil(limiter.policy.windowMs / 1000)}`,
    RateLimit: `"${limiter.name}";r=${decision.remaining};t=${t}`,
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(Math.ceil((decision.at + decision.resetMs) / 1000)),
  };
  if (!decision.allowed)
    headers['Retry-After'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  return headers;
}

/** One item of a `RateLimit` or `RateLimit-Policy` field: the policy name and its integer parameters. */
export interface RateLimitItem {
  name: string;
  params: Record<string, number>;
}

/**
 * Parses a `RateLimit` or `RateLimit-Policy` field value (a structured-field list of items such as
 * `"free";r=3;t=12, "search";r=0;t=40`): what a well-behaved client reads to slow itself down.
 * Handles the subset these fields use: quoted-string items with integer parameters.
 */
export function parseRateLimitField(value: string): RateLimitItem[] {
  const items: RateLimitItem[] = [];
  for (const part of value.split(',')) {
    const [head, ...params] = part.trim().split(';');
    const name = /^"([^"\\]*)"$/.exec(head?.trim() ?? '')?.[1];
    if (name === undefined) throw new SyntaxError(`not a RateLimit item: ${JSON.stringify(part)}`);
    const parsed: Record<string, number> = {};
    for (const param of params) {
      const [k, v] = param.trim().split('=');
      if (k && v !== undefined && /^-?\d+$/.test(v)) parsed[k] = Number(v);
    }
    items.push({ name, params: parsed });
  }
  return items;
}
