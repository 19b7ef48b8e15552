/** The far side of `IsolateProbe`: reports what arrived, and mutates it to show whether memory is shared. */
import { parentPort } from 'node:worker_threads';
import type { ProbeReply, ProbeRequest } from './structured-clone.ts';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const proto: unknown = Object.getPrototypeOf(value);
  const ctor = proto === null ? undefined : (proto as { constructor?: { name?: string } }).constructor?.name;
  return ctor ?? 'null-prototype object';
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
