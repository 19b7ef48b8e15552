/**
 * The `route` label of a request: the route *template* (`/users/:id`), never the raw path — every distinct
 * label value is a new time series, so `/users/1`, `/users/2`, … would grow the registry without bound.
 *
 * Express 5 gives the matched route's own path (`req.route.path`) but only the *concrete* prefix of a router
 * mounted on a pattern (`req.baseUrl` is `/users/7/orders`, not `/users/:userId/orders`), and it restores
 * `req.baseUrl` when an error leaves the router. So mount templates are recorded as the request enters each
 * router (`mountRouter`), in a place Express does not rewind.
 */
import type { NextFunction, Request, Response, Router } from 'express';

/** What `mountRouter` mounts on: an app or a router (both have this `use` overload). */
interface Mountable {
  use(
    path: string,
    ...handlers: Array<Router | ((req: Request, res: Response, next: NextFunction) => void)>
  ): unknown;
}

/** The one label value for every request no route matched: a scanner's 10,000 paths add one series. */
export const UNMATCHED = '<unmatched>';

const mounts = new WeakMap<Request, string[]>();

/** `app.use(template, router)`, remembering `template` for the route label. */
export function mountRouter(app: Mountable, template: string, router: Router): void {
  app.use(
    template,
    (req: Request, _res: Response, next: NextFunction) => {
      const list = mounts.get(req) ?? [];
      list.push(template);
      mounts.set(req, list);
      next();
    },
    router,
    // Reached only when the router matched nothing: this mount is not part of the route after all.
    (req: Request, _res: Response, next: NextFunction) => {
      mounts.get(req)?.pop();
      next();
    },
  );
}

const pathText = (path: unknown): string =>
  Array.isArray(path) ? path.map(pathText).join('|') : typeof path === 'string' ? path : String(path);

/** The route template that handled `req`, or UNMATCHED. Read it when the response finishes. */
export function routeLabel(req: Request): string {
  const prefix = (mounts.get(req) ?? []).join('');
  const route: unknown = req.route?.path;
  if (route === undefined) return prefix ? `${prefix}/*` : UNMATCHED;
  const own = pathText(route);
  if (!prefix) return own;
  return own === '/' ? prefix : `${prefix}${own}`;
}

/** What most middleware does (and what the seed's Python does with `request.url.path`): the raw path. */
export function rawPathLabel(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '';
}
