import { forceGc } from '@lab/common';
import { describe, expect, it } from 'vitest';
import { gcRoundsUntilCollected, isCollected, makeCycle, WeakValueCache } from '../src/index.ts';

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

/** Forces GCs, each in a new task, until `done()` or 20 of them; a FinalizationRegistry prunes in between. */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !done(); i++) {
    await nextTask();
    forceGc();
    await nextTask();
  }
}

describe('reachability, not reference counts', () => {
  it('makeCycle builds a → b → a', () => {
    const a = makeCycle() as { name: string; other: { name: string; other: unknown } };
    expect(a.name).toBe('a');
    expect(a.other.name).toBe('b');
    expect(a.other.other).toBe(a);
  });

  it('collects a cycle nothing else points to', async () => {
    expect(await isCollected(makeCycle)).toBe(true);
  });

  it('one forced full GC is enough for an unreachable cycle', async () => {
    expect(await gcRoundsUntilCollected(makeCycle, 1)).toBe(1);
  });

  it('keeps an object that is still reachable', async () => {
    const keep: object[] = [];
    const collected = await isCollected(() => {
      const o = { held: true };
      keep.push(o);
      return o;
    }, 5);
    expect(collected).toBe(false);
    expect(keep).toHaveLength(1);
  });
});

describe('WeakValueCache', () => {
  it('serves a value while someone holds it, and lets it go after', async () => {
    const cache = new WeakValueCache<string, { body: string }>();
    let held: { body: string } | undefined = { body: 'report' };
    cache.set('r1', held);
    cache.set('r2', { body: 'nobody holds me' });
    await nextTask();
    forceGc();
    expect(cache.get('r1')).toBe(held);
    expect(cache.get('r2')).toBeUndefined();
    held = undefined;
    await collectUntil(() => cache.size === 0);
    expect(cache.get('r1')).toBeUndefined();
    expect(cache.liveSize).toBe(0);
    expect(cache.size).toBe(0);
  });

  it('size counts entries not yet pruned; liveSize only those whose value is alive', async () => {
    const cache = new WeakValueCache<string, object>();
    const held = [{}, {}];
    cache.set('a', held[0]!);
    cache.set('b', held[1]!);
    cache.set('c', {});
    // A WeakRef keeps its target until the current job ends: collect in a later one.
    await nextTask();
    forceGc();
    // The registry prunes in a later task, never during this one.
    expect(cache.get('c')).toBeUndefined();
    expect(cache.liveSize).toBe(2);
    expect(cache.size).toBe(3);
    await collectUntil(() => cache.size < 3);
    expect(cache.size).toBe(2);
    expect(cache.liveSize).toBe(2);
    expect(cache.get('a')).toBe(held[0]);
  });

  it('a key set again before its dead value is pruned keeps the new value', async () => {
    const cache = new WeakValueCache<string, object>();
    cache.set('report', { version: 1 });
    cache.set('other', {});
    await nextTask();
    forceGc();
    const fresh = { version: 2 };
    cache.set('report', fresh);
    // 'other' and the first 'report' died in the same GC, so they are pruned together.
    await collectUntil(() => cache.size < 2);
    expect(cache.size).toBe(1);
    expect(cache.get('report')).toBe(fresh);
  });

  it('a key whose two values both died is pruned once, without error', async () => {
    const cache = new WeakValueCache<string, object>();
    cache.set('report', { version: 1 });
    cache.set('report', { version: 2 });
    await collectUntil(() => cache.size === 0);
    expect(cache.size).toBe(0);
  });
});

describe('WeakMap', () => {
  it('holds metadata only as long as the key object lives', async () => {
    const meta = new WeakMap<object, string>();
    const collected = await isCollected(() => {
      const request = {};
      meta.set(request, 'x'.repeat(1000));
      return request;
    });
    expect(collected).toBe(true);
  });
});
