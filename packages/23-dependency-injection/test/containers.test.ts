import { UserService } from '@lab/project-structure';
import { AwilixResolutionError } from 'awilix';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  awilixOptionalRead,
  awilixRequestScope,
  awilixTypo,
  awilixWiring,
  type Leaves,
  MemoryUserCache,
  manualWiring,
  RequestLogger,
  SignupService,
  TinyContainer,
  tinyWiring,
} from '../src/index.ts';

// A pool that never connects: resolving a graph must not touch the database.
const pool = new pg.Pool({ max: 1 });
afterAll(() => pool.end());

function leaves(): Leaves & { lines: string[] } {
  const lines: string[] = [];
  return { pool, cache: new MemoryUserCache(), sink: (line) => lines.push(line), lines };
}

describe('TinyContainer', () => {
  const counting = () => {
    const built = { single: 0, scoped: 0, transient: 0 };
    const container = new TinyContainer()
      .register('single', 'singleton', () => ({ n: ++built.single }))
      .register('scoped', 'scoped', (c) => ({ n: ++built.scoped, single: c.resolve('single') }))
      .register('transient', 'transient', () => ({ n: ++built.transient }));
    return { container, built };
  };

  it('builds nothing until asked', () => {
    const { built } = counting();
    expect(built).toEqual({ single: 0, scoped: 0, transient: 0 });
  });

  it('a singleton is built once and shared by the root and every scope', () => {
    const { container, built } = counting();
    const fromRoot = container.resolve('single');
    expect(container.createScope().resolve('single')).toBe(fromRoot);
    expect(container.createScope().resolve('single')).toBe(fromRoot);
    expect(built.single).toBe(1);
  });

  it('a scoped value is one per scope', () => {
    const { container, built } = counting();
    const a = container.createScope();
    const b = container.createScope();
    expect(a.resolve('scoped')).toBe(a.resolve('scoped'));
    expect(a.resolve('scoped')).not.toBe(b.resolve('scoped'));
    expect(a.resolve('scoped').single).toBe(b.resolve('scoped').single);
    expect(built.scoped).toBe(2);
  });

  it('a transient is new on every resolve', () => {
    const { container, built } = counting();
    const scope = container.createScope();
    expect(scope.resolve('transient').n).toBe(1);
    expect(scope.resolve('transient').n).toBe(2);
    expect(container.resolve('transient').n).toBe(3);
    expect(built.transient).toBe(3);
  });

  it('refuses a scoped value from the root', () => {
    const { container } = counting();
    expect(() => container.resolve('scoped')).toThrow(
      'scoped is scoped: resolve it from createScope(), not from the root',
    );
  });

  it('a singleton that asks for a scoped value fails instead of capturing one request', () => {
    const container = new TinyContainer()
      .register('request', 'scoped', () => ({ id: 'x' }))
      .register('captive', 'singleton', (c) => c.resolve('request'));
    expect(() => container.createScope().resolve('captive')).toThrow('request is scoped');
  });

  it('values seeded into a scope win over the registration', () => {
    const container = new TinyContainer().register('request', 'scoped', (): { id: string } => {
      throw new Error('provide it');
    });
    expect(container.createScope({ request: { id: 'r1' } }).resolve('request')).toEqual({ id: 'r1' });
    expect(() => container.createScope().resolve('request')).toThrow('provide it');
  });

  it('an unknown key is a compile error (and, forced past the compiler, a runtime one)', () => {
    const { container } = counting();
    // @ts-expect-error — 'singel' is not a key the container registered
    expect(() => container.resolve('singel')).toThrow('nothing registered as singel');
  });
});

describe('the same graph three ways', () => {
  it('manual, TinyContainer and awilix each build a SignupService over 21s UserService', () => {
    const l = leaves();
    const manual = manualWiring(l).signups;
    const tiny = tinyWiring(l).resolve('signups');
    const awilix = awilixWiring(l).resolve('signups');
    for (const signups of [manual, tiny, awilix]) expect(signups).toBeInstanceOf(SignupService);
    expect(tinyWiring(l).resolve('users')).toBeInstanceOf(UserService);
  });

  it('each gives every request its own logger and shares the singletons', () => {
    const l = leaves();
    const manual = manualWiring(l);
    const tiny = tinyWiring(l);
    const awilix = awilixWiring(l);
    const loggers = [
      manual.forRequest({ requestId: 'm1' }).logger,
      tiny.createScope({ request: { requestId: 't1' } }).resolve('logger'),
      awilixRequestScope(awilix, { requestId: 'a1' }).resolve('logger'),
    ];
    for (const logger of loggers) {
      expect(logger).toBeInstanceOf(RequestLogger);
      logger.info('signed up');
    }
    expect(l.lines).toEqual(['[m1] signed up', '[t1] signed up', '[a1] signed up']);
    const [s1, s2] = [
      awilixRequestScope(awilix, { requestId: 'x' }),
      awilixRequestScope(awilix, { requestId: 'y' }),
    ];
    expect(s1.resolve('logger')).toBe(s1.resolve('logger'));
    expect(s1.resolve('logger')).not.toBe(s2.resolve('logger'));
    expect(s1.resolve('signups')).toBe(s2.resolve('signups'));
  });

  it('awilix: a typo in a dependency name compiles and fails at resolve time, naming the path', () => {
    const error = awilixTypo(leaves());
    expect(error).toBeInstanceOf(AwilixResolutionError);
    expect(error.message).toContain("Could not resolve 'userRepositry'");
    expect(error.message).toContain('signups -> users -> userRepositry');
  });

  it('awilix: the per-request value is missing outside a scope', () => {
    expect(() => awilixWiring(leaves()).resolve('logger')).toThrow("Could not resolve 'request'");
  });

  it('awilix: an optional dependency read through the cradle throws instead of giving undefined', () => {
    const outcome = awilixOptionalRead(leaves());
    expect(outcome).toBeInstanceOf(AwilixResolutionError);
    expect((outcome as Error).message).toContain("Could not resolve 'onCacheError'");
  });
});
