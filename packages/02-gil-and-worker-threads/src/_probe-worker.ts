// Stryker disable all: runs only in the IsolateProbe worker thread, where Stryker records no coverage and so runs no test against its mutants; its behaviour is asserted through test/shared-memory.test.ts (what arrives as what, copied vs shared bumps, the worker's error message)
/** The far side of `IsolateProbe`: reports what arrived, and mutates it to show whether memory is shared. */
import { parentPort } from 'node:worker_threads';
import type { ProbeReply, ProbeRequest } from './structured-clone.ts';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  // The clone is rebuilt from built-in types only, so every object here has a named constructor: a class
  // instance arrives as Object, and so does a null-prototype object.
  return (Object.getPrototypeOf(value) as { constructor: { name: string } }).constructor.name;
}

function bump(value: unknown): number {
  if (value instanceof Int32Array) return Atomics.add(value, 0, 1) + 1;
  if (typeof value === 'object' && value !== null && 'count' in value && typeof value.count === 'number') {
    value.count++;
    return value.count;
  }
  throw new TypeError('bump expects { count: number } or an Int32Array');
}

parentPort?.on('message', (request: ProbeRequest) => {
  let reply: ProbeReply;
  try {
    reply =
      request.op === 'describe'
        ? { id: request.id, ok: true, value: describe(request.value) }
        : { id: request.id, ok: true, value: bump(request.value) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
