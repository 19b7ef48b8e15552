import { closestMatch } from '@lab/common/text';

/**
 * JavaScript has no keyword arguments. The idiom is one options object, destructured with defaults in the
 * parameter list: the call site reads like Python's `connect('db', port=6432)`.
 */
export interface ConnectOptions {
  port?: number;
  ssl?: boolean;
  timeoutMs?: number;
}

/** What `connect` settled on. */
export interface ConnectionConfig {
  host: string;
  port: number;
  ssl: boolean;
  timeoutMs: number;
}

/**
 * `connect('db')`, `connect('db', { port: 6432 })`. The `= {}` lets callers omit the object entirely;
 * without it `connect('db')` throws "Cannot destructure property 'port' of 'undefined'". A default applies
 * only when the value is `undefined` (omitted or passed as undefined), never for `null`.
 */
export function connect(
  host: string,
  { port = 5432, ssl = false, timeoutMs = 5_000 }: ConnectOptions = {},
): ConnectionConfig {
  return { host, port, ssl, timeoutMs };
}

/** The same function with positional parameters, for comparison (and for the bench). */
export function connectPositional(
  host: string,
  port = 5432,
  ssl = false,
  timeoutMs = 5_000,
): ConnectionConfig {
  return { host, port, ssl, timeoutMs };
}

export type Role = 'admin' | 'member';

/** Required named parameters are simply non-optional properties: Python's keyword-only `*, name, email`. */
export interface NewUser {
  name: string;
  email: string;
  role?: Role;
}

const NEW_USER_KEYS = ['name', 'email', 'role'] as const;

/**
 * Throws a TypeError naming the first key `options` has that `allowed` does not, with a suggestion.
 * TypeScript only rejects unknown keys in an object literal written at the call site; an object built
 * elsewhere, or any call from plain JavaScript, gets no check at all. Python raises
 * `TypeError: got an unexpected keyword argument` for every call; this restores that where it matters.
 */
export function assertKnownKeys(fn: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const hint = closestMatch(key, allowed);
      throw new TypeError(
        `${fn}() got an unexpected option '${key}'${hint ? `; did you mean '${hint}'?` : ''}`,
      );
    }
  }
}

/** Creates a user from named parameters, checking them at run time as well (JSON bodies are not typed). */
export function createUser(input: NewUser): Required<NewUser> & { id: string } {
  if (typeof input !== 'object' || input === null)
    throw new TypeError('createUser() expects an options object');
  assertKnownKeys('createUser', input, NEW_USER_KEYS);
  for (const key of ['name', 'email'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '')
      throw new TypeError(`createUser() missing required option '${key}'`);
  }
  const { name, email, role = 'member' } = input;
  return { id: `u_${email.toLowerCase()}`, name, email, role };
}

/** A request description: the known options plus whatever else the caller passed. */
export interface RequestOptions {
  url: string;
  method?: 'GET' | 'POST';
  [header: string]: string | undefined;
}

/**
 * `...headers` in a destructuring pattern collects every property not named before it: the `**kwargs` of
 * an options object. The rest object is a new plain object; the caller's is not modified.
 */
export function describeRequest({ url, method = 'GET', ...headers }: RequestOptions): {
  line: string;
  headers: Record<string, string | undefined>;
} {
  return { line: `${method} ${url}`, headers };
}
