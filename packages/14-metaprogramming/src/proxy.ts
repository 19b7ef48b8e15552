import { closestMatch } from '@lab/common/text';

/**
 * `Proxy` intercepts the fundamental operations on an object (get, set, has, deleteProperty, ownKeys, …);
 * `Reflect` has one function per operation that does the default. A trap that does its own thing and then
 * calls `Reflect.x(...arguments)` is the JavaScript shape of Python's `__getattr__`/`__setattr__` overrides.
 */

/** One intercepted operation, as `traced` records it. */
export interface TraceEntry {
  op: 'get' | 'set' | 'has' | 'delete' | 'keys';
  key?: string;
}

const keyText = (key: string | symbol): string =>
  typeof key === 'symbol' ? `[${key.description ?? ''}]` : key;

/**
 * A transparent proxy that logs every operation into `log` and forwards it with `Reflect`, passing the
 * receiver along so getters and setters on the target still see the proxy as `this` (and so are traced too).
 */
export function traced<T extends object>(target: T, log: TraceEntry[]): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      log.push({ op: 'get', key: keyText(key) });
      return Reflect.get(t, key, receiver);
    },
    set(t, key, value, receiver) {
      log.push({ op: 'set', key: keyText(key) });
      return Reflect.set(t, key, value, receiver);
    },
    has(t, key) {
      log.push({ op: 'has', key: keyText(key) });
      return Reflect.has(t, key);
    },
    deleteProperty(t, key) {
      log.push({ op: 'delete', key: keyText(key) });
      return Reflect.deleteProperty(t, key);
    },
    ownKeys(t) {
      log.push({ op: 'keys' });
      return Reflect.ownKeys(t);
    },
  });
}

export class UnknownKeyError extends Error {
  override name = 'UnknownKeyError';
}

/**
 * A read-only view of a settings object that throws on a key it does not have, with a "did you mean" hint,
 * instead of returning `undefined`: `config.databseUrl` fails where it is written, not later where the
 * `undefined` is used. Symbols (`util.inspect`, `Symbol.toPrimitive`, `then` checks) pass through.
 */
export function strictView<T extends object>(target: T, name = 'config'): Readonly<T> {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON' || Reflect.has(t, key))
        return Reflect.get(t, key, receiver);
      const near = closestMatch(key, Object.keys(t), 3);
      throw new UnknownKeyError(
        `${name}.${key} does not exist${near ? `; did you mean ${name}.${near}?` : ''}`,
      );
    },
    set(_t, key) {
      throw new TypeError(`${name} is read-only: cannot set ${keyText(key)}`);
    },
    deleteProperty(_t, key) {
      throw new TypeError(`${name} is read-only: cannot delete ${keyText(key)}`);
    },
  });
}

/**
 * Why traps forward the receiver. The target has a getter that reads `this.first`; through a proxy whose
 * trap calls `target[key]`, the getter runs with `this` = the target, so the inner read of `first` never
 * reaches the trap. With `Reflect.get(t, key, receiver)` it does. Returns the keys each trap saw.
 */
export function receiverDemo(): { withoutReceiver: string[]; withReceiver: string[] } {
  const person = {
    first: 'Ada',
    last: 'Lovelace',
    get full(): string {
      return `${this.first} ${this.last}`;
    },
  };
  const seen = (
    forward: (t: typeof person, key: string | symbol, receiver: unknown) => unknown,
  ): string[] => {
    const keys: string[] = [];
    const proxy = new Proxy(person, {
      get(t, key, receiver) {
        keys.push(keyText(key));
        return forward(t, key, receiver);
      },
    });
    void proxy.full;
    return keys;
  };
  return {
    withoutReceiver: seen((t, key) => t[key as keyof typeof person]),
    withReceiver: seen((t, key, receiver) => Reflect.get(t, key, receiver)),
  };
}
