import { testPostgres } from '@lab/common/testing';
import { describe, expect, it } from 'vitest';
import { asyncHops, pgCallbackHops, sharedWorkerHops } from '../src/context-hops.ts';
import { RequestContext } from '../src/request-context.ts';

describe('where AsyncLocalStorage follows a request by itself', () => {
  it('every hop (await, timers, nextTick, microtask, then-chain, emitter emitted in the request) sees the id', async () => {
    const hops = await asyncHops(new RequestContext(), 'req-7');
    expect(hops.map((h) => h.hop)).toEqual([
      'after await',
      'setTimeout',
      'setImmediate',
      'nextTick',
      'queueMicrotask',
      'promise .then chain',
      'EventEmitter emitted in the request',
    ]);
    for (const hop of hops) expect(hop).toMatchObject({ expected: 'req-7', seen: 'req-7' });
  });
});

describe('where it does not', () => {
  it("a shared worker started by req-A calls req-B's listener with req-A's id; a bound listener sees its own", async () => {
    const hops = await sharedWorkerHops(new RequestContext());
    expect(hops).toEqual([
      { hop: 'worker listener (req-A)', expected: 'req-A', seen: 'req-A' },
      { hop: 'worker listener (req-B)', expected: 'req-B', seen: 'req-A' },
      { hop: 'worker listener, bound (req-C)', expected: 'req-C', seen: 'req-C' },
    ]);
  });

  it('a pg pool.query callback runs in the context of the request that opened the connection (real PostgreSQL)', async () => {
    const pool = await testPostgres(import.meta.url, { max: 1 });
    try {
      const hops = await pgCallbackHops(pool, new RequestContext());
      expect(hops).toEqual([
        { hop: 'pool.query callback', expected: 'req-B', seen: 'req-A' },
        { hop: 'pool.query callback, bound', expected: 'req-C', seen: 'req-C' },
        { hop: 'await pool.query', expected: 'req-D', seen: 'req-D' },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('refuses a pool that is already connected (the first request would not open the connection)', async () => {
    const pool = await testPostgres(import.meta.url, { max: 1 });
    try {
      await pool.query('SELECT 1');
      await expect(pgCallbackHops(pool, new RequestContext())).rejects.toThrow('has not connected yet');
    } finally {
      await pool.end();
    }
  });
});
