/**
 * `readonly`, `ReadonlyArray` and `as const` exist only for the compiler. Each `@ts-expect-error` below is
 * checked by `pnpm typecheck`: if the line ever stopped being a type error, the directive itself would fail.
 * The same lines then run, and the assertions show the value changed anyway.
 */
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, immutable, isHttpMethod, total } from '../src/readonly.ts';

describe('readonly is a compile-time promise', () => {
  it('a ReadonlyArray rejects push in the type checker, yet the array is still mutable at run time', () => {
    const values: ReadonlyArray<number> = [1, 2, 3];
    // @ts-expect-error push does not exist on ReadonlyArray
    values.push(4);
    expect(values).toEqual([1, 2, 3, 4]);
    expect(Object.isFrozen(values)).toBe(false);
  });

  it('readonly number[] rejects index writes and sort, which still run', () => {
    const values: readonly number[] = [3, 1, 2];
    // @ts-expect-error index signature only permits reading
    values[0] = 9;
    // @ts-expect-error sort mutates, so it is not on readonly arrays
    values.sort();
    expect(values).toEqual([1, 2, 9]);
  });

  it('a cast removes the readonly promise without a trace', () => {
    const values: readonly number[] = [1];
    (values as number[]).push(2);
    expect(values).toEqual([1, 2]);
  });

  it('a readonly property is assignable at run time', () => {
    const point: { readonly x: number } = { x: 1 };
    // @ts-expect-error x is readonly
    point.x = 2;
    expect(point.x).toBe(2);
  });

  it('Readonly<T> is shallow even for the compiler: nested properties stay writable', () => {
    const settings: Readonly<{ db: { host: string } }> = { db: { host: 'a' } };
    // @ts-expect-error the top level is readonly
    settings.db = { host: 'b' };
    settings.db.host = 'c'; // compiles: Readonly<T> does not recurse
    expect(settings.db.host).toBe('c');
  });

  it('as const gives literal, readonly types and an ordinary mutable object', () => {
    const server = { port: 8080, hosts: ['a.example'] } as const;
    // @ts-expect-error port is readonly (and typed as the literal 8080)
    server.port = 9090;
    // @ts-expect-error hosts is a readonly tuple
    server.hosts.push('b.example');
    expect(server).toEqual({ port: 9090, hosts: ['a.example', 'b.example'] });
    expect(Object.isFrozen(server)).toBe(false);
  });

  it('HTTP_METHODS is typed readonly but can be pushed to', () => {
    const methods = HTTP_METHODS as unknown as string[];
    const before = methods.length;
    methods.push('TRACE');
    try {
      expect(isHttpMethod('TRACE')).toBe(true);
    } finally {
      methods.pop();
    }
    expect(HTTP_METHODS).toHaveLength(before);
    expect(isHttpMethod('TRACE')).toBe(false);
  });

  it('a readonly parameter accepts mutable arrays and leaves them unchanged', () => {
    const values = [1, 2, 3];
    expect(total(values)).toBe(6);
    expect(values).toEqual([1, 2, 3]);
  });
});

describe('immutable(): the type and the run time agree', () => {
  it('rejects a nested write in the type checker and throws at run time', () => {
    const config = immutable({ db: { host: 'a', ports: [5432] } });
    expect(() => {
      // @ts-expect-error host is deeply readonly
      config.db.host = 'b';
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error ports is a deeply readonly array
      config.db.ports.push(1);
    }).toThrow(TypeError);
    expect(config.db).toEqual({ host: 'a', ports: [5432] });
  });

  it('infers literal types like as const', () => {
    const level = immutable({ level: 'debug' });
    const literal: 'debug' = level.level;
    expect(literal).toBe('debug');
  });
});
