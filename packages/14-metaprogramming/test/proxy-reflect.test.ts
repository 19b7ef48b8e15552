import { describe, expect, it } from 'vitest';
import { receiverDemo, strictView, type TraceEntry, traced, UnknownKeyError } from '../src/proxy.ts';

describe('traced (Proxy + Reflect)', () => {
  it('records every operation in order and still behaves like the target', () => {
    const log: TraceEntry[] = [];
    const target: Record<string, number> = { a: 1 };
    const proxy = traced(target, log);
    expect(proxy.a).toBe(1);
    proxy.b = 2;
    expect('b' in proxy).toBe(true);
    expect(delete proxy.a).toBe(true);
    expect(Object.keys(proxy)).toEqual(['b']);
    expect(log).toEqual([
      { op: 'get', key: 'a' },
      { op: 'set', key: 'b' },
      { op: 'has', key: 'b' },
      { op: 'delete', key: 'a' },
      { op: 'keys' },
    ]);
    expect(target).toEqual({ b: 2 });
  });

  it('traces the reads a getter makes, because Reflect.get passes the proxy as receiver', () => {
    const log: TraceEntry[] = [];
    const account = traced(
      {
        cents: 250,
        get euros() {
          return this.cents / 100;
        },
      },
      log,
    );
    expect(account.euros).toBe(2.5);
    expect(log.map((e) => e.key)).toEqual(['euros', 'cents']);
  });

  it('names a symbol key in brackets', () => {
    const log: TraceEntry[] = [];
    const key = Symbol('id');
    const proxy = traced({ [key]: 1 } as Record<symbol, number>, log);
    expect(proxy[key]).toBe(1);
    expect(log).toEqual([{ op: 'get', key: '[id]' }]);
  });

  it('names a symbol without a description as empty brackets', () => {
    const log: TraceEntry[] = [];
    const key = Symbol();
    const proxy = traced({ [key]: 1 } as Record<symbol, number>, log);
    expect(proxy[key]).toBe(1);
    expect(log).toEqual([{ op: 'get', key: '[]' }]);
  });
});

describe('receiver forwarding', () => {
  it("target[key] hides the getter's own reads from the trap; Reflect.get with the receiver does not", () => {
    expect(receiverDemo()).toEqual({ withoutReceiver: ['full'], withReceiver: ['full', 'first', 'last'] });
  });
});

describe('strictView', () => {
  const config = strictView({ databaseUrl: 'postgres://x', port: 5432 });

  it('reads existing keys, inherited ones included', () => {
    expect(config.port).toBe(5432);
    expect(typeof config.toString).toBe('function');
    expect(JSON.stringify(config)).toBe('{"databaseUrl":"postgres://x","port":5432}');
  });

  it('throws on a misspelt key with a suggestion, and without one when nothing is close', () => {
    const loose = config as unknown as Record<string, unknown>;
    expect(() => loose.databseUrl).toThrow(
      new UnknownKeyError('config.databseUrl does not exist; did you mean config.databaseUrl?'),
    );
    expect(() => loose.timeoutSeconds).toThrow(/^config\.timeoutSeconds does not exist$/);
  });

  it('throws an UnknownKeyError, named so in logs and stack traces', () => {
    const loose = config as unknown as Record<string, unknown>;
    expect(() => loose.databseUrl).toThrow(expect.objectContaining({ name: 'UnknownKeyError' }));
    expect(() => loose.databseUrl).toThrow(UnknownKeyError);
  });

  it('lets symbol and promise probes through (await and util.inspect must not throw)', async () => {
    await expect(Promise.resolve(config)).resolves.toBe(config);
    expect((config as unknown as Record<symbol, unknown>)[Symbol.toPrimitive]).toBeUndefined();
  });

  it('refuses writes and deletes', () => {
    const loose = config as unknown as Record<string, unknown>;
    expect(() => {
      loose.port = 1;
    }).toThrow('config is read-only: cannot set port');
    expect(() => {
      delete loose.port;
    }).toThrow('config is read-only: cannot delete port');
    expect(config.port).toBe(5432);
  });

  it('uses the given name in messages', () => {
    const env = strictView({ HOME: '/root' }, 'env') as unknown as Record<string, unknown>;
    expect(() => env.HOEM).toThrow('env.HOEM does not exist; did you mean env.HOME?');
  });
});
