import { readFile } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '@lab/common/workers';

/** The five kinds of work the print-order examples schedule. */
export type Callback = 'sync' | 'nextTick' | 'promise' | 'setTimeout 0' | 'setImmediate';

/** The phases of one turn of Node's event loop (libuv), in order, and what runs in each. */
export const LOOP_PHASES = [
  { phase: 'timers', runs: 'setTimeout / setInterval callbacks whose time has come' },
  { phase: 'pending callbacks', runs: 'a few system callbacks deferred from the last turn (TCP errors)' },
  { phase: 'poll', runs: 'I/O callbacks (sockets, files, DNS); waits here when nothing else is due' },
  { phase: 'check', runs: 'setImmediate callbacks' },
  { phase: 'close callbacks', runs: "'close' events (socket.destroy())" },
] as const;

/**
 * Schedules one callback of each kind, then records 'sync'. The calls are written in the opposite order of
 * what prints, to show that the order comes from the queues, not from the order of the calls.
 */
export function scheduleEach(record: (what: Callback) => void): void {
  setTimeout(() => record('setTimeout 0'), 0);
  setImmediate(() => record('setImmediate'));
  void Promise.resolve().then(() => record('promise'));
  process.nextTick(() => record('nextTick'));
  record('sync');
}

/** Runs `scheduleEach` from inside a callback of one phase and resolves with the order it printed. */
export function orderInside(where: 'io-callback' | 'timer-callback'): Promise<Callback[]> {
  return new Promise((resolve, reject) => {
    const seen: Callback[] = [];
    const record = (what: Callback) => {
      seen.push(what);
      if (seen.length === 5) resolve(seen);
    };
    if (where === 'timer-callback') setTimeout(() => scheduleEach(record), 0);
    else readFile(fileURLToPath(import.meta.url), (error) => (error ? reject(error) : scheduleEach(record)));
  });
}

/**
 * The same five calls as `scheduleEach`, as a plain JavaScript entry file: a loader (tsx) would change how
 * and when the entry module runs, which is the very thing measured. The 5 ms of synchronous work after
 * scheduling make sure the 0 ms timer (really 1 ms) is due when the loop starts, so the result is not a race.
 */
const ENTRY_SCRIPT = `setTimeout(() => console.log('setTimeout 0'), 0);
setImmediate(() => console.log('setImmediate'));
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
console.log('sync');
const start = performance.now();
while (performance.now() - start < 5);
`;

/**
 * Runs the five calls as the entry module of a fresh `node`, as CommonJS (`.cjs`) or as an ES module
 * (`.mjs`), and returns the lines it printed.
 */
export async function orderAsEntry(format: 'commonjs' | 'module'): Promise<Callback[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loop-order-'));
  const file = join(dir, format === 'commonjs' ? 'entry.cjs' : 'entry.mjs');
  try {
    await writeFile(file, ENTRY_SCRIPT);
    const { code, stdout, stderr } = await runNode([file], { timeoutMs: 10_000 });
    if (code !== 0) throw new Error(`the entry script exited with ${code}: ${stderr}`);
    return stdout.trim().split('\n') as Callback[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
