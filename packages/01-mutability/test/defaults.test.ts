import { beforeEach, describe, expect, it, vi } from 'vitest';

// The broken functions corrupt module-level state on purpose; each test gets a freshly evaluated module.
type Defaults = typeof import('../src/defaults.ts');
let mod: Defaults;
beforeEach(async () => {
  vi.resetModules();
  mod = await import('../src/defaults.ts');
});

describe("Python's mutable-default bug does not exist in JavaScript", () => {
  it('each call that omits the argument gets a new array', () => {
    const first = mod.appendItem(1);
    const second = mod.appendItem(2);
    expect(first).toEqual([1]);
    expect(second).toEqual([2]);
    expect(second).not.toBe(first);
  });

  it('the default expression runs once per call that omits the argument, never at definition', () => {
    const makeDefault = vi.fn((): number[] => []);
    const append = mod.appenderWithDefault(makeDefault);
    expect(makeDefault).toHaveBeenCalledTimes(0);
    append(1);
    append(2);
    append(3, [0]);
    expect(makeDefault).toHaveBeenCalledTimes(2);
  });
});

describe('the trap that does bite: a default that points at one shared object', () => {
  it('every call mutates the same module-level object, and ids leak between calls', () => {
    const first = mod.tagRequestShared('req-1');
    const second = mod.tagRequestShared('req-2');
    expect(second).toBe(first);
    expect(first['x-request-id']).toBe('req-2');
    expect(mod.SHARED_DEFAULT_HEADERS['x-request-id']).toBe('req-2');
  });

  it('a fresh module starts clean: the leak lives exactly as long as the module', () => {
    expect(mod.SHARED_DEFAULT_HEADERS).toEqual({ accept: 'application/json' });
  });

  it('the fix returns a new object per call and never touches a shared one', () => {
    const first = mod.tagRequest('req-1');
    const second = mod.tagRequest('req-2');
    expect(first['x-request-id']).toBe('req-1');
    expect(second['x-request-id']).toBe('req-2');
    const mine = { accept: 'text/plain' };
    expect(mod.tagRequest('req-3', mine)).toEqual({ accept: 'text/plain', 'x-request-id': 'req-3' });
    expect(mine).toEqual({ accept: 'text/plain' });
  });

  it('a deep-frozen shared default turns the silent leak into a TypeError', () => {
    expect(() => mod.tagRequestFrozenDefault('req-1')).toThrow(TypeError);
    expect(mod.FROZEN_DEFAULT_HEADERS).toEqual({ accept: 'application/json' });
    expect(mod.tagRequestFrozenDefault('req-2', {})).toEqual({ 'x-request-id': 'req-2' });
  });
});

describe('class fields', () => {
  it('a field initialised from a shared array gives every instance the same array', () => {
    const a = new mod.SharedItemsCart().add('book');
    const b = new mod.SharedItemsCart();
    expect(b.items).toEqual(['book']);
    expect(b.items).toBe(a.items);
  });

  it('a field initialised with [] gets a new array per instance', () => {
    const a = new mod.Cart().add('book');
    const b = new mod.Cart();
    expect(b.items).toEqual([]);
    expect(a.items).toEqual(['book']);
  });
});

describe('a spread of defaults is shallow', () => {
  it('changing a nested option through the copy changes the defaults for every later caller', () => {
    mod.retryOptionsShallow(true);
    expect(mod.DEFAULT_RETRY.backoff.baseMs).toBe(1_000);
    expect(mod.retryOptionsShallow(false).backoff.baseMs).toBe(1_000);
  });

  it('copying the nested level too keeps the defaults intact', () => {
    expect(mod.retryOptions(true).backoff.baseMs).toBe(1_000);
    expect(mod.retryOptions(false).backoff.baseMs).toBe(100);
    expect(mod.DEFAULT_RETRY.backoff.baseMs).toBe(100);
  });
});
