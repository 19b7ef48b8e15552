import { forceGc } from '@lab/common';
import { describe, expect, it } from 'vitest';
import { isCollected, makeCycle, WeakValueCache } from '../src/index.ts';

describe('reachability, not reference counts', () => {
  it('collects a cycle nothing else points to', async () => {
    expect(await isCollected(makeCycle)).toBe(true);
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
    await new Promise((r) => setImmediate(r));
    forceGc();
    expect(cache.get('r1')).toBe(held);
    expect(cache.get('r2')).toBeUndefined();
    held = undefined;
    for (let i = 0; i < 20 && cache.size > 0; i++) {
      await new Promise((r) => setImmediate(r));
      forceGc();
    }
    expect(cache.get('r1')).toBeUndefined();
    expect(cache.liveSize).toBe(0);
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
