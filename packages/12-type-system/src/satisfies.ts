/**
 * `satisfies`: check a value against a type without letting the type replace the value's own, narrower
 * one. An annotation (`const x: T = …`) checks too, but afterwards the variable is just `T`.
 */

export interface RouteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: `/${string}`;
  auth: boolean;
}

/**
 * Checked against `Record<string, RouteSpec>` (a typo in a method or a path without `/` fails), yet the
 * keys stay the literal `'listUsers' | 'createUser' | 'deleteUser'` and `method` stays `'GET'` etc.
 */
export const ROUTES = {
  listUsers: { method: 'GET', path: '/users', auth: false },
  createUser: { method: 'POST', path: '/users', auth: true },
  deleteUser: { method: 'DELETE', path: '/users/:id', auth: true },
} satisfies Record<string, RouteSpec>;

/** The same table annotated: checked the same way, but its keys are now any `string`. */
export const ROUTES_ANNOTATED: Record<string, RouteSpec> = ROUTES;

/** Only a literal key compiles here: `routeLine('listUser')` is a compile error thanks to `satisfies`. */
export function routeLine(name: keyof typeof ROUTES): string {
  const route = ROUTES[name];
  return `${route.method} ${route.path}${route.auth ? ' (auth)' : ''}`;
}

/** With the annotated table any string compiles, and a typo is `undefined` at run time. */
export function routeLineLoose(name: string): string {
  const route = ROUTES_ANNOTATED[name];
  return route ? `${route.method} ${route.path}` : `no route '${name}'`;
}
