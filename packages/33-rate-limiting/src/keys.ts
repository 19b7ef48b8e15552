/**
 * Who a request counts against. The key decides what a limit means: per IP protects the service from
 * anonymous floods, per user enforces a plan, per route keeps one expensive endpoint from eating the rest.
 */
import { isIPv6 } from 'node:net';
import type { Request, Response } from 'express';

/** Turns a request into the key it is counted under. */
export type KeyFn = (req: Request, res: Response) => string;

/** The authenticated caller, as an auth middleware leaves it in `res.locals.user`. */
export interface RequestUser {
  id: string;
  tier: string;
}

/** `res.locals.user`, checked: `res.locals` is untyped, so trust its shape only after looking. */
export function userOf(res: Response): RequestUser | undefined {
  const user: unknown = res.locals.user;
  if (typeof user !== 'object' || user === null) return undefined;
  const { id, tier } = user as Record<string, unknown>;
  return typeof id === 'string' && typeof tier === 'string' ? { id, tier } : undefined;
}

function expandIPv6(address: string): string[] | undefined {
  const [head = '', tail] = address.split('::');
  const parts = (text: string) =>
    text === '' ? [] : text.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])); // a dotted tail is 2 groups
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

/**
 * The address to count: IPv4 as is; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what a dual-stack socket
 * reports) as its IPv4; any other IPv6 address as its /64 — one subscriber usually holds a whole /64 and can
 * rotate through 2^64 addresses, so per-address limits would not limit it at all.
 */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) names the interface, not the host
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(bare)) return bare;
  const groups = expandIPv6(bare.toLowerCase());
  if (!groups) return bare;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Per client address. `req.ip` honours Express's `trust proxy` setting: behind a load balancer set it to
 * the number of proxy hops, or every client shares the proxy's address (and one bucket); set it to `true`
 * and any client can pick its own X-Forwarded-For, and with it a fresh bucket per request.
 */
export const byIp: KeyFn = (req) => `ip:${normalizeAddress(req.ip ?? req.socket.remoteAddress)}`;

/** Per authenticated user; anonymous requests fall back to their address. */
export const byUser: KeyFn = (req, res) => {
  const user = userOf(res);
  return user ? `user:${user.id}` : byIp(req, res);
};

/** Scopes another key function to one route, so that route's budget is separate from the others. */
export function byRoute(route: string, inner: KeyFn = byUser): KeyFn {
  return (req, res) => `route:${route}:${inner(req, res)}`;
}
