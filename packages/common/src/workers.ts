import { type ChildProcess, execFile, fork } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export { processAlive } from './process-alive.ts';

const tsxLoader = import.meta.resolve('tsx');
const tsxCjsHook = createRequire(import.meta.url).resolve('tsx/cjs');

/**
 * Node flags that load tsx, for anything that starts a new Node on a `.ts` entry: piscina pools,
 * `child_process.fork`/`spawn`, `cluster` workers, the demo and bench runners (under vitest nothing loads tsx
 * for them). The parent's own flags are not passed on: process-wide ones such as --expose-gc are refused by
 * worker threads. For a plain `new Worker(file.ts)` use `startTsWorker` instead (see there why).
 */
export function tsxExecArgv(extra: readonly string[] = []): string[] {
  return ['--import', tsxLoader, ...extra];
}

/** A worker file path from a `new URL('./x.ts', import.meta.url)`-style URL or an absolute path. */
export function workerPath(file: URL | string): string {
  if (file instanceof URL) return fileURLToPath(file);
  if (!isAbsolute(file)) throw new Error(`worker file must be an absolute path or a file URL: ${file}`);
  return file;
}

/**
 * Why not `new Worker('x.ts', { execArgv: tsxExecArgv() })`: on Node 20 a loader registered with
 * `--import` inside a worker is not in place yet when the worker's entry module loads (nodejs/node#47747),
 * so the entry fails with ERR_UNKNOWN_FILE_EXTENSION. (Piscina is unaffected: it loads the task file
 * later, once the worker is up.) A `--require` hook is synchronous, so a CommonJS bootstrap that
 * `require`s the TypeScript file works on every Node this repo supports. Compiled JavaScript needs none of this.
 */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = require(workerData.file);
if (workerData.callDefault) {
  Promise.resolve(workerData.input)
    .then((input) => loaded.default(input))
    .then(
      (value) => parentPort.postMessage({ ok: true, value }),
      (error) => parentPort.postMessage({ ok: false, error }),
    );
}
`;

type Envelope<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Starts a worker thread running the TypeScript module `file` (an absolute path); its top level runs at once. */
export function startTsWorker(file: string, workerData?: unknown): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    execArgv: ['--require', tsxCjsHook],
    workerData: { file, callDefault: false, input: workerData },
  });
}

/**
 * Starts a brand-new worker thread, calls the default export of `file` with `input` there (a structured
 * clone of it), and resolves with what it returned; the thread then exits. Pays the full start-up cost
 * of an isolate every time: the thing a pool exists to avoid.
 */
export function runInFreshWorker<I, O>(file: string, input: I): Promise<O> {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    execArgv: ['--require', tsxCjsHook],
    workerData: { file, callDefault: true, input },
  });
  return new Promise<O>((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: Envelope<O>) => {
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(message.error);
      // The handler's thread may still hold timers or handles; the caller only wanted the answer.
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker for ${file} exited with code ${code} before answering`));
    });
  });
}

/** How a child process ended. */
export interface ProcessRun {
  /** The exit code; null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when `timeoutMs` ran out and the child was killed. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface RunProcessOptions {
  cwd?: string;
  /** The child's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Killed with SIGTERM after this long (default 20 s): a lesson's child must never hang a test run. */
  timeoutMs?: number;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

/**
 * Runs a program to completion and resolves with how it ended. It never rejects for a non-zero exit, a
 * signal or a timeout: in the lessons that run a fresh process (a crash, a cycle between modules, a hook
 * refusing a commit) that ending is the result. It rejects only when the program cannot be started.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  { cwd, env, timeoutMs = 20_000, input }: RunProcessOptions = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { cwd, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const failure = error as
          | (NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals })
          | null;
        // A string code (ENOENT, EACCES) means the program never ran: that is a bug, not a lesson.
        if (failure && typeof failure.code === 'string') return reject(failure);
        resolve({
          code: child.exitCode,
          signal: child.signalCode,
          timedOut: failure?.killed === true && child.signalCode !== null,
          stdout,
          stderr,
        });
      },
    );
    child.stdin?.end(input);
  });
}

/** `runProcess` on this Node binary: `runNode(['-e', script])`, `runNode([...tsxExecArgv(), 'x.ts'])`. */
export function runNode(args: readonly string[], options?: RunProcessOptions): Promise<ProcessRun> {
  return runProcess(process.execPath, args, options);
}

/** A `.ts` child process spoken to over IPC, as a test, a demo or a supervisor drives it. */
export interface TsChild<In, Out> {
  child: ChildProcess;
  /** Every message so far, in order. */
  messages: Out[];
  /**
   * The first message `match` accepts, already received or still to come; rejects if the process exits
   * first. Tests wait on what the child says ("ready", "job started"), never on time.
   */
  next(match: (message: Out) => boolean): Promise<Out>;
  send(message: In): void;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Forks a `.ts` file with tsx loaded and an IPC channel; stdout and stderr go to this process's. */
export function forkTs<In = unknown, Out = unknown>(
  file: URL | string,
  { env = process.env, args = [] }: { env?: NodeJS.ProcessEnv; args?: readonly string[] } = {},
): TsChild<In, Out> {
  const child = fork(workerPath(file), [...args], {
    execArgv: tsxExecArgv(),
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: Out[] = [];
  // Every pending next() waits here; a message or the exit wakes them all to look again.
  const wakers = new Set<() => void>();
  const wake = () => {
    for (const w of [...wakers]) w();
    wakers.clear();
  };
  child.on('message', (message: Out) => {
    messages.push(message);
    wake();
  });
  let exited = false;
  const exit = once(child, 'exit').then(([code, signal]) => {
    exited = true;
    wake();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const next = async (match: (message: Out) => boolean): Promise<Out> => {
    while (true) {
      const found = messages.find(match);
      if (found !== undefined) return found;
      if (exited) throw new Error(`${file} exited before the awaited message`);
      await new Promise<void>((resolve) => {
        wakers.add(resolve);
      });
    }
  };
  return { child, messages, next, send: (message) => child.send(message as object), exit };
}
