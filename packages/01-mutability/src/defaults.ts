import { deepFreeze } from './freeze.ts';

/**
 * Python's famous bug, written in JavaScript: it does not happen here. A default parameter expression is
 * evaluated on every call that omits the argument, so each call gets its own new array.
 */
export function appendItem<T>(item: T, items: T[] = []): T[] {
  items.push(item);
  return items;
}

/**
 * `appendItem` with the default built by `makeDefault`, so a test can count how often a default is
 * evaluated (once per call that omits `items`, never at definition time).
 */
export function appenderWithDefault<T>(makeDefault: () => T[]): (item: T, items?: T[]) => T[] {
  return (item, items = makeDefault()) => {
    items.push(item);
    return items;
  };
}

export type Headers = Record<string, string>;

/** One headers object, created once when the module loads. Exported so tests can show it gets corrupted. */
export const SHARED_DEFAULT_HEADERS: Headers = { accept: 'application/json' };

/**
 * THE TRAP THAT DOES BITE (kept broken on purpose): the default is not an expression creating an object
 * but a reference to one module-level object, so every call that omits `headers` mutates the same object.
 * One request's id leaks into the next and into every earlier result.
 */
export function tagRequestShared(requestId: string, headers: Headers = SHARED_DEFAULT_HEADERS): Headers {
  headers['x-request-id'] = requestId;
  return headers;
}

/** A factory for the defaults: each call builds a fresh object. */
export const defaultHeaders = (): Headers => ({ accept: 'application/json' });

/** Fixed: never mutate the argument; return a new object built from it. */
export function tagRequest(requestId: string, headers: Readonly<Headers> = defaultHeaders()): Headers {
  return { ...headers, 'x-request-id': requestId };
}

/** The defensive version of a shared default: deep-frozen, so the buggy mutation throws instead of leaking. */
export const FROZEN_DEFAULT_HEADERS: Readonly<Headers> = deepFreeze({ accept: 'application/json' });

/** The trap again, against a frozen default: the first call omitting `headers` throws a TypeError. */
export function tagRequestFrozenDefault(
  requestId: string,
  headers: Headers = FROZEN_DEFAULT_HEADERS as Headers,
): Headers {
  headers['x-request-id'] = requestId;
  return headers;
}

const NO_ITEMS: string[] = [];

/**
 * The class-field version of the trap (kept broken on purpose): the field initialiser runs per instance,
 * but it only copies a reference to one shared array, so every cart holds the same items.
 */
export class SharedItemsCart {
  items: string[] = NO_ITEMS;

  add(item: string): this {
    this.items.push(item);
    return this;
  }
}

/** Fixed: `[]` in a field initialiser is evaluated per instance, so each cart has its own array. */
export class Cart {
  items: string[] = [];

  add(item: string): this {
    this.items.push(item);
    return this;
  }
}

export interface RetryOptions {
  retries: number;
  backoff: { baseMs: number; factor: number };
}

/** Module-level defaults with a nested object. */
export const DEFAULT_RETRY: RetryOptions = { retries: 3, backoff: { baseMs: 100, factor: 2 } };

/**
 * Merges overrides over the defaults with a spread (kept broken on purpose): the spread is shallow, so the
 * result's `backoff` is the defaults' own object, and tuning it here retunes every later caller.
 */
export function retryOptionsShallow(slowBackoff: boolean): RetryOptions {
  const options = { ...DEFAULT_RETRY };
  if (slowBackoff) options.backoff.baseMs *= 10;
  return options;
}

/** Fixed: copy the nested level too before changing it. */
export function retryOptions(slowBackoff: boolean): RetryOptions {
  const options = { ...DEFAULT_RETRY, backoff: { ...DEFAULT_RETRY.backoff } };
  if (slowBackoff) options.backoff.baseMs *= 10;
  return options;
}
