import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeepFrozen, mutablePaths, sloppyWrite } from '../src/freeze.ts';

const config = () => ({ name: 'api', db: { host: 'localhost', ports: [5432] } });

describe('Object.freeze is shallow', () => {
  it('stops writes to its own properties but not to nested objects', () => {
    const frozen = Object.freeze(config());
    expect(() => {
      (frozen as { name: string }).name = 'other';
    }).toThrow(TypeError);
    frozen.db.host = 'evil.example';
    frozen.db.ports.push(1);
    expect(frozen.db).toEqual({ host: 'evil.example', ports: [5432, 1] });
  });

  it('lists what is still mutable under a shallow freeze', () => {
    expect(mutablePaths(Object.freeze(config()))).toEqual(['$.db', '$.db.ports']);
    expect(mutablePaths(config())).toEqual(['$', '$.db', '$.db.ports']);
  });

  it('fails silently in sloppy mode, where the same write in a module throws', () => {
    const frozen = Object.freeze({ n: 1 });
    expect(sloppyWrite(frozen, 'n', 2)).toBe(false);
    expect(frozen.n).toBe(1);
    expect(sloppyWrite({ n: 1 }, 'n', 2)).toBe(true);
  });
});

describe('deepFreeze', () => {
  it('freezes every level', () => {
    const frozen = deepFreeze(config());
    expect(isDeepFrozen(frozen)).toBe(true);
    expect(() => {
      (frozen.db as { host: string }).host = 'x';
    }).toThrow(TypeError);
    expect(() => (frozen.db.ports as number[]).push(1)).toThrow(TypeError);
  });

  it('terminates on a cycle and freezes both ends', () => {
    interface Node {
      name: string;
      next?: Node;
    }
    const a: Node = { name: 'a' };
    const b: Node = { name: 'b', next: a };
    a.next = b;
    deepFreeze(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(b)).toBe(true);
  });

  it('visits a shared sub-object once and freezes it for both holders', () => {
    const shared = { n: 1 };
    const root = { left: shared, right: shared };
    deepFreeze(root);
    expect(Object.isFrozen(shared)).toBe(true);
  });

  it('refuses typed arrays with a clear error and leaves the graph untouched', () => {
    const data = { meta: { id: 1 }, bytes: new Uint8Array([1, 2]) };
    expect(() => deepFreeze(data)).toThrow(/\$\.bytes is a Uint8Array; its bytes cannot be frozen/);
    expect(Object.isFrozen(data)).toBe(false);
    expect(Object.isFrozen(data.meta)).toBe(false);
  });

  it('leaves functions (and so class prototypes) alone', () => {
    class Greeter {
      hi() {
        return 'hi';
      }
    }
    const holder = deepFreeze({ make: Greeter });
    expect(Object.isFrozen(holder)).toBe(true);
    expect(Object.isFrozen(Greeter)).toBe(false);
    expect(Object.isFrozen(Greeter.prototype)).toBe(false);
  });

  it('cannot stop a frozen Map, Set or Date from changing through its methods', () => {
    const state = deepFreeze({ seen: new Map([['a', { n: 1 }]]), tags: new Set(['x']), at: new Date(0) });
    expect(Object.isFrozen(state.seen.get('a'))).toBe(true);
    (state.seen as Map<string, { n: number }>).set('b', { n: 2 });
    (state.tags as Set<string>).add('y');
    state.at.setTime(1_000);
    expect(state.seen.size).toBe(2);
    expect(state.tags.has('y')).toBe(true);
    expect(state.at.getTime()).toBe(1_000);
    expect(mutablePaths(state)).toEqual([
      '$.at (Date: methods still write)',
      '$.seen (Map: methods still write)',
      // The value added after the freeze was never frozen.
      '$.seen<value #1>',
      '$.tags (Set: methods still write)',
    ]);
  });

  it('returns primitives unchanged', () => {
    expect(deepFreeze(42)).toBe(42);
    expect(deepFreeze(null)).toBe(null);
    expect(isDeepFrozen('text')).toBe(true);
  });
});
