import type { AnyClass } from './frozen.ts';
import { expectMethod, memberName } from './keep-identity.ts';
import { metadataOf } from './symbol-metadata.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route as method decorators record it: the HTTP method, the path and the handler's name. */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  handler: string;
}

/** A route a `@controller` registered: its full path and the class that handles it. */
export interface RegisteredRoute extends RouteSpec {
  controller: string;
}

/** Where `@controller` classes register their routes: the shape of a FastAPI/Flask app object, in miniature. */
export class RouteTable {
  readonly routes: RegisteredRoute[] = [];
  add(controller: AnyClass, prefix: string): void {
    for (const spec of routesOf(controller)) {
      const path = `${prefix}${spec.path}`.replace(/\/+$/, '') || '/';
      const clash = this.routes.find((r) => r.method === spec.method && r.path === path);
      if (clash)
        throw new Error(
          `${spec.method} ${path} is handled twice: ${clash.controller}.${clash.handler} and ${controller.name}.${spec.handler}`,
        );
      this.routes.push({ ...spec, path, controller: controller.name });
    }
  }
}

const ROUTES = Symbol('routes');

/**
 * Method decorator factory: records the route in `context.metadata`. It does not wrap the method (it returns
 * nothing), which is the cheapest kind of decorator: zero cost per call.
 */
export function route(method: HttpMethod, path: string) {
  if (!path.startsWith('/')) throw new Error(`route path must start with "/", got "${path}"`);
  return (_handler: unknown, context: ClassMethodDecoratorContext): void => {
    expectMethod('route', context);
    // A subclass's metadata object inherits from its parent's. Pushing onto the inherited array would add
    // the child's routes to the parent too, so each class copies the list before adding to it.
    const metadata = context.metadata;
    // Typed as possibly missing because the compiler cannot know `Symbol.metadata` exists at run time.
    if (!metadata) throw new Error('decorator metadata is unavailable: Symbol.metadata is not defined');
    const own = Object.hasOwn(metadata, ROUTES)
      ? (metadata[ROUTES] as RouteSpec[])
      : [...((metadata[ROUTES] as RouteSpec[] | undefined) ?? [])];
    own.push({ method, path, handler: memberName(context) });
    metadata[ROUTES] = own;
  };
}

/** `@get('/users/:id')`. */
export const get = (path: string) => route('GET', path);
/** `@post('/users')`. */
export const post = (path: string) => route('POST', path);

/** The routes method decorators recorded on `cls` and its parents. */
export function routesOf(cls: AnyClass): readonly RouteSpec[] {
  return (metadataOf(cls)?.[ROUTES] as RouteSpec[] | undefined) ?? [];
}

/**
 * Class decorator factory: registers the class's routes under `prefix` once the class is fully defined.
 * Class decorators run after every member decorator, so the metadata is complete by then, and
 * `addInitializer` on a class runs after its static fields are set.
 */
export function controller(prefix: string, table: RouteTable) {
  return <C extends AnyClass>(_value: C, context: ClassDecoratorContext<C>): void => {
    if (context.kind !== 'class')
      throw new TypeError(`@controller decorates classes, not ${String(context.kind)}s`);
    context.addInitializer(function (this: C) {
      table.add(this, prefix);
    });
  };
}
