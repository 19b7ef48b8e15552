import { EventEmitter } from 'node:events';
import { interleaved, measureBench } from '@lab/common/bench';
import { createEventBus } from '../src/event-bus.ts';

type Events = { 'order.placed': { orderId: number; totalCents: number } };

const LISTENERS = 5;
const EMITS = 1_000;

/** Keeps the listeners' work observable so V8 cannot drop it. */
let _sink = 0;
const listener = (order: { totalCents: number }) => {
  _sink += order.totalCents;
};

const emitter = new EventEmitter();
const bus = createEventBus<Events>();
const handlers: ((order: { totalCents: number }) => void)[] = [];
for (let i = 0; i < LISTENERS; i++) {
  emitter.on('order.placed', listener);
  bus.on('order.placed', listener);
  handlers.push(listener);
}

/** Emits EMITS events through `emit`, each with a fresh payload as a real caller would build. */
const emitting = (emit: (payload: Events['order.placed']) => unknown) => () => {
  for (let i = 0; i < EMITS; i++) emit({ orderId: i, totalCents: i & 7 });
};

const asyncBus = createEventBus<Events>();
const asyncEmitter = new EventEmitter({ captureRejections: true });
asyncEmitter.on('error', () => {});
for (let i = 0; i < LISTENERS; i++) {
  const slow = async (order: { totalCents: number }) => {
    _sink += order.totalCents;
  };
  asyncBus.on('order.placed', slow);
  asyncEmitter.on('order.placed', slow);
}

export default [
  measureBench({
    title: `Dispatching one event to ${LISTENERS} sync listeners: typed event bus vs EventEmitter, per emit`,
    baseline: 'EventEmitter.emit',
    unit: 'ms',
    better: 'lower',
    measure: ({ smoke }) =>
      interleaved(
        {
          'EventEmitter.emit': emitting((p) => emitter.emit('order.placed', p)),
          'typed bus emit (isolated, with report)': emitting((p) => bus.emit('order.placed', p)),
          'bare loop over listeners (floor)': emitting((p) => {
            for (const h of handlers) h(p);
          }),
        },
        { rounds: smoke ? 3 : 300, warmupRounds: smoke ? 1 : 30, opsPerCall: EMITS },
      ),
    claims: [
      {
        says: 'Isolating each listener and returning a report costs no more than EventEmitter.emit: under 1.5×',
        subject: 'typed bus emit (isolated, with report)',
        below: 1.5,
        seed: 'The series shows a dict-of-lists EventBus; it gives no figure',
      },
      {
        says: 'Neither is free next to calling the listeners in a bare loop: EventEmitter.emit costs over 1.5× that floor',
        subject: 'EventEmitter.emit',
        against: 'bare loop over listeners (floor)',
        above: 1.5,
      },
    ],
  }),
  measureBench({
    title: `Dispatching one event to ${LISTENERS} async listeners and waiting for them: emitAsync vs EventEmitter + Promise.all`,
    baseline: 'EventEmitter.emit, then await the listeners',
    unit: 'ms',
    better: 'lower',
    measure: ({ smoke }) =>
      interleaved(
        {
          // EventEmitter drops the promises its listeners return; waiting means calling them yourself.
          'EventEmitter.emit, then await the listeners': async () => {
            for (let i = 0; i < EMITS; i++) {
              const payload = { orderId: i, totalCents: i & 7 };
              await Promise.all(asyncEmitter.listeners('order.placed').map((l) => l(payload)));
            }
          },
          'typed bus emitAsync': async () => {
            for (let i = 0; i < EMITS; i++)
              await asyncBus.emitAsync('order.placed', { orderId: i, totalCents: i & 7 });
          },
        },
        { rounds: smoke ? 3 : 200, warmupRounds: smoke ? 1 : 20, opsPerCall: EMITS },
      ),
    claims: [
      {
        says: 'Isolation wraps each async listener in one more promise: emitAsync stays under 6× awaiting them by hand',
        subject: 'typed bus emitAsync',
        below: 6,
      },
    ],
  }),
];
