import { deferred } from '@lab/common/sync';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  capturedRejection,
  emitterWhenAListenerThrows,
  errorEventWithoutListener,
  uncapturedRejectionInChild,
} from '../src/emitter-contrast.ts';
import { createEventBus, type EventBus } from '../src/event-bus.ts';

type Events = {
  'user.created': { id: string; email: string };
  'order.placed': { orderId: number; totalCents: number };
};

/** A promise the test resolves by hand, to hold an async listener open. */
function latch() {
  const d = deferred();
  return { opened: d.promise, open: () => d.resolve() };
}

describe('typed event bus', () => {
  it('delivers the payload to every listener of that event, in subscription order', () => {
    const bus = createEventBus<Events>();
    const seen: string[] = [];
    bus.on('user.created', (u) => seen.push(`welcome ${u.email}`));
    bus.on('user.created', (u) => seen.push(`audit ${u.id}`));
    bus.on('order.placed', () => seen.push('wrong event'));
    expect(bus.emit('user.created', { id: 'u1', email: 'ada@example.com' })).toEqual({
      delivered: 2,
      pending: 0,
      failed: [],
    });
    expect(seen).toEqual(['welcome ada@example.com', 'audit u1']);
  });

  it('event names and payloads are checked at compile time', () => {
    const bus: EventBus<Events> = createEventBus<Events>();
    expectTypeOf(bus.on).parameter(0).toEqualTypeOf<'user.created' | 'order.placed'>();
    // @ts-expect-error: a misspelt event name does not compile
    bus.on('user.craeted', () => {});
    // @ts-expect-error: nor does a payload of the wrong shape
    bus.emit('order.placed', { orderId: '7' });
    expect(bus.listenerCount('user.created')).toBe(0);
  });

  it('a throwing listener is isolated: the others still run, and emit reports it instead of throwing', () => {
    const errors: string[] = [];
    const bus = createEventBus<Events>({
      onError: (e, event) => errors.push(`${String(event)}: ${(e as Error).message}`),
    });
    const ran: string[] = [];
    bus.on('order.placed', () => ran.push('first'));
    bus.on('order.placed', () => {
      throw new Error('mailer down');
    });
    bus.on('order.placed', () => ran.push('third'));
    const report = bus.emit('order.placed', { orderId: 1, totalCents: 100 });
    expect(ran).toEqual(['first', 'third']);
    expect(report.delivered).toBe(2);
    expect(report.failed.map((f) => [f.index, (f.error as Error).message])).toEqual([[1, 'mailer down']]);
    expect(errors).toEqual(['order.placed: mailer down']);
  });

  it('emitAsync waits for async listeners and reports their rejections, in listener order', async () => {
    const bus = createEventBus<Events>();
    const slow = latch();
    const order: string[] = [];
    bus.on('order.placed', async () => {
      await slow.opened;
      order.push('slow done');
      throw new Error('late failure');
    });
    bus.on('order.placed', async () => {
      order.push('fast done');
      throw new Error('early failure');
    });
    bus.on('order.placed', () => void order.push('sync done'));
    const done = bus.emitAsync('order.placed', { orderId: 2, totalCents: 0 });
    await Promise.resolve();
    expect(order).toEqual(['fast done', 'sync done']);
    slow.open();
    const report = await done;
    expect(order).toEqual(['fast done', 'sync done', 'slow done']);
    expect(report.delivered).toBe(1);
    expect(report.pending).toBe(0);
    expect(report.failed.map((f) => [f.index, (f.error as Error).message])).toEqual([
      [0, 'late failure'],
      [1, 'early failure'],
    ]);
  });

  it('plain emit does not wait: async listeners are counted pending, and a later rejection goes to onError, not unhandled', async () => {
    const gate = latch();
    let reported: unknown;
    const failed = new Promise<void>((resolve) => {
      const bus = createEventBus<Events>({
        onError: (e) => {
          reported = e;
          resolve();
        },
      });
      bus.on('user.created', async () => {
        await gate.opened;
        throw new Error('async listener failed');
      });
      expect(bus.emit('user.created', { id: 'u2', email: 'b@example.com' })).toEqual({
        delivered: 0,
        pending: 1,
        failed: [],
      });
    });
    gate.open();
    await failed;
    expect((reported as Error).message).toBe('async listener failed');
  });

  it('on returns its own unsubscribe; once runs a listener a single time', () => {
    const bus = createEventBus<Events>();
    let all = 0;
    let first = 0;
    const off = bus.on('order.placed', () => void all++);
    bus.once('order.placed', () => void first++);
    expect(bus.listenerCount('order.placed')).toBe(2);
    bus.emit('order.placed', { orderId: 1, totalCents: 1 });
    bus.emit('order.placed', { orderId: 2, totalCents: 1 });
    off();
    off();
    bus.emit('order.placed', { orderId: 3, totalCents: 1 });
    expect([all, first, bus.listenerCount('order.placed')]).toEqual([2, 1, 0]);
  });

  it('unsubscribing during an emit neither skips nor repeats anyone in that emit', () => {
    const bus = createEventBus<Events>();
    const ran: string[] = [];
    const offB = bus.on('order.placed', () => ran.push('b'));
    bus.on('order.placed', () => {
      ran.push('a');
      offB();
    });
    bus.on('order.placed', () => ran.push('c'));
    bus.emit('order.placed', { orderId: 1, totalCents: 1 });
    bus.emit('order.placed', { orderId: 2, totalCents: 1 });
    expect(ran).toEqual(['b', 'a', 'c', 'a', 'c']);
  });

  it('an async listener that resolves counts as delivered once emitAsync has waited for it', async () => {
    const bus = createEventBus<Events>();
    const gate = latch();
    bus.on('user.created', async () => {
      await gate.opened;
    });
    bus.on('user.created', async () => {});
    const done = bus.emitAsync('user.created', { id: 'u3', email: 'c@example.com' });
    gate.open();
    expect(await done).toEqual({ delivered: 2, pending: 0, failed: [] });
  });

  it('only a thenable is waited for: null, a plain object or a function is a sync result, delivered at once', () => {
    const bus = createEventBus<Events>();
    bus.on('order.placed', () => null);
    // biome-ignore lint/suspicious/noThenProperty: a `then` that is not a function is what this test returns.
    bus.on('order.placed', () => ({ then: 'not a function' }));
    bus.on('order.placed', () => ({}));
    bus.on('order.placed', () => () => {});
    expect(bus.emit('order.placed', { orderId: 4, totalCents: 1 })).toEqual({
      delivered: 4,
      pending: 0,
      failed: [],
    });
  });

  it('a thenable that is not a Promise is awaited like one', async () => {
    const bus = createEventBus<Events>();
    bus.on('order.placed', () => ({
      // biome-ignore lint/suspicious/noThenProperty: a hand-made thenable is what this test returns.
      then: (_resolve: () => void, reject: (e: Error) => void) => reject(new Error('thenable refused')),
    }));
    const report = await bus.emitAsync('order.placed', { orderId: 5, totalCents: 1 });
    expect(report.delivered).toBe(0);
    expect(report.failed.map((f) => (f.error as Error).message)).toEqual(['thenable refused']);
  });

  it('an unsubscribe called twice removes its own listener once and never another one', () => {
    const bus = createEventBus<Events>();
    const ran: string[] = [];
    bus.on('order.placed', () => ran.push('a'));
    const offB = bus.on('order.placed', () => ran.push('b'));
    bus.on('order.placed', () => ran.push('c'));
    offB();
    offB();
    expect(bus.listenerCount('order.placed')).toBe(2);
    bus.emit('order.placed', { orderId: 6, totalCents: 1 });
    expect(ran).toEqual(['a', 'c']);
  });

  it("emit's report is a snapshot: a failure that comes after it returned goes to onError, not into the report", async () => {
    const gate = latch();
    const bothReported = deferred();
    const errors: string[] = [];
    const bus = createEventBus<Events>({
      onError: (e) => {
        errors.push((e as Error).message);
        if (errors.length === 2) bothReported.resolve();
      },
    });
    bus.on('order.placed', () => {
      throw new Error('sync failure');
    });
    bus.on('order.placed', async () => {
      await gate.opened;
      throw new Error('async failure');
    });
    const report = bus.emit('order.placed', { orderId: 7, totalCents: 1 });
    gate.open();
    await bothReported.promise;
    expect(errors).toEqual(['sync failure', 'async failure']);
    expect(report).toEqual({
      delivered: 0,
      pending: 1,
      failed: [{ index: 0, error: new Error('sync failure') }],
    });
  });

  it('a sync throw with no onError is still isolated and reported', () => {
    const bus = createEventBus<Events>();
    bus.on('order.placed', () => {
      throw new Error('no handler');
    });
    bus.on('order.placed', () => {});
    const report = bus.emit('order.placed', { orderId: 8, totalCents: 1 });
    expect([report.delivered, report.failed.map((f) => f.index)]).toEqual([1, [0]]);
  });

  it('emitting an event nobody listens to delivers to no one and fails nothing', async () => {
    const bus = createEventBus<Events>();
    expect(bus.emit('user.created', { id: 'x', email: 'x' })).toEqual({
      delivered: 0,
      pending: 0,
      failed: [],
    });
    expect(await bus.emitAsync('user.created', { id: 'x', email: 'x' })).toEqual({
      delivered: 0,
      pending: 0,
      failed: [],
    });
  });
});

describe('EventEmitter, for contrast (the behaviour the bus avoids)', () => {
  it('a throwing listener throws out of emit() and the listeners after it never run', () => {
    expect(emitterWhenAListenerThrows()).toEqual({ ran: ['first'], emitThrew: 'mailer down' });
  });

  it("emit('error') with no 'error' listener throws the Error itself", () => {
    const error = new Error('db gone');
    expect(errorEventWithoutListener(error).threw).toBe(error);
  });

  it('…and wraps a non-Error in ERR_UNHANDLED_ERROR', () => {
    const { code, threw } = errorEventWithoutListener('db gone');
    expect(code).toBe('ERR_UNHANDLED_ERROR');
    expect((threw as Error).message).toContain("'db gone'");
  });

  it("captureRejections: true routes an async listener's rejection to 'error'", async () => {
    expect(await capturedRejection()).toBe('async listener failed');
  });

  it('without it, the rejection is unhandled and ends the process (exit 1) after emit returned true', async () => {
    const run = await uncapturedRejectionInChild();
    expect(run.exitCode).toBe(1);
    expect(run.printedAfterEmit).toBe(true);
    expect(run.stderr).toContain('async listener failed');
  });
});
