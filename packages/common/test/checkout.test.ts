import { describe, expect, it } from 'vitest';
import { checkout } from '../src/services/index.ts';
import { testPostgresThroughLink } from '../src/testing.ts';

const LOST = 'Connection terminated unexpectedly';

describe('a client checked out of the pool when its connection drops', () => {
  it('is sent an error event by pg, which the pool no longer listens for (why checkout() exists)', async () => {
    await using db = await testPostgresThroughLink(import.meta.url);
    const client = await db.pool.connect();
    // Without a listener this event would be an uncaught exception: the test listens in its place.
    const events: string[] = [];
    client.on('error', (error) => events.push(error.message));
    db.link.drop();
    await expect(client.query('SELECT 1')).rejects.toThrow(LOST);
    expect(events).toEqual([LOST]);
    client.release(new Error('lost'));
  });

  it('through checkout(): the query rejects, the process carries on, and the next checkout works', async () => {
    await using db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    const out = await checkout(db.pool);
    db.link.drop();
    // Vitest fails the run on an uncaught exception, so surviving this line is the assertion's other half.
    const error = await out.client.query('SELECT 1').then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).toBe(LOST);
    out.release(error);
    expect(db.pool.totalCount).toBe(0);
    db.link.restore();
    const next = await checkout(db.pool);
    expect((await next.client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    next.release();
  });

  it('goes back to the pool healthy without the listener it had while out', async () => {
    await using db = await testPostgresThroughLink(import.meta.url, { max: 1 });
    const first = await db.pool.connect();
    const idle = first.listenerCount('error');
    first.release();
    for (let i = 0; i < 3; i++) {
      const out = await checkout(db.pool);
      expect(out.client).toBe(first);
      expect(out.client.listenerCount('error')).toBe(idle + 1);
      out.release();
    }
    const again = await db.pool.connect();
    expect(again).toBe(first);
    expect(again.listenerCount('error')).toBe(idle);
    again.release();
  });
});
