import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { forkTs, runInFreshWorker, runNode, runProcess, startTsWorker, tsxExecArgv } from '../src/workers.ts';

const doubleWorker = fileURLToPath(new URL('./fixtures/double-worker.ts', import.meta.url));

describe('TypeScript in worker threads', () => {
  it('runInFreshWorker runs a .ts default export in a new thread and returns its answer', async () => {
    expect(await runInFreshWorker<{ n: number }, number>(doubleWorker, { n: 21 })).toBe(42);
  });

  it('startTsWorker starts a thread whose .ts module runs at once', async () => {
    const worker = startTsWorker(doubleWorker);
    const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
    expect(code).toBe(0);
    expect(worker.threadId).not.toBe(threadId);
  });
});

describe('runNode / runProcess', () => {
  it('resolves with the exit code and both streams, never rejecting for a failure', async () => {
    const run = await runNode(['-e', "console.log('out'); console.error('err'); process.exit(3)"]);
    expect(run).toEqual({ code: 3, signal: null, timedOut: false, stdout: 'out\n', stderr: 'err\n' });
  });

  it('passes input on stdin, the environment and the working directory', async () => {
    const run = await runNode(
      [
        '-e',
        "process.stdin.on('data', (d) => console.log(String(d).toUpperCase(), process.env.LAB_X, process.cwd()))",
      ],
      { input: 'hello', env: { LAB_X: 'x1' }, cwd: '/' },
    );
    expect(run.stdout).toBe('HELLO x1 /\n');
    expect(run.code).toBe(0);
  });

  it('kills a child that outlives its timeout and says so', async () => {
    const run = await runNode(['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 });
    expect(run).toMatchObject({ code: null, signal: 'SIGTERM', timedOut: true });
  });

  it('reports a signal that ended the child without calling it a timeout', async () => {
    const run = await runNode(['-e', "process.kill(process.pid, 'SIGKILL')"]);
    expect(run).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: false });
  });

  it('runs TypeScript with tsxExecArgv', async () => {
    const file = fileURLToPath(new URL('./fixtures/double-worker.ts', import.meta.url));
    const run = await runNode([
      ...tsxExecArgv(),
      '-e',
      `import(${JSON.stringify(file)}).then((m) => console.log(typeof m.default))`,
    ]);
    expect(run.stdout.trim()).toBe('function');
  });

  it('rejects only when the program cannot start', async () => {
    await expect(runProcess('/no/such/program', [])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('forkTs', () => {
  type Out = { type: 'ready'; arg: string | null; env: string | null } | { type: 'echo'; text: string };
  const echoChild = new URL('./fixtures/echo-child.ts', import.meta.url);

  it('runs a .ts child, waits on what it says, and sees it exit', async () => {
    const child = forkTs<{ text: string }, Out>(echoChild, {
      args: ['a1'],
      env: { ...process.env, LAB_ECHO: 'e1' },
    });
    expect(await child.next((m) => m.type === 'ready')).toMatchObject({ arg: 'a1', env: 'e1' });
    child.send({ text: 'hi' });
    expect(await child.next((m) => m.type === 'echo')).toEqual({ type: 'echo', text: 'HI' });
    child.send({ text: 'bye' });
    expect(await child.exit).toEqual({ code: 7, signal: null });
    expect(child.messages.map((m) => m.type)).toEqual(['ready', 'echo']);
  });

  it('rejects a wait the child can no longer satisfy once it has exited', async () => {
    const child = forkTs<{ text: string }, Out>(echoChild);
    await child.next((m) => m.type === 'ready');
    const never = child.next((m) => m.type === 'echo' && m.text === 'NEVER');
    child.send({ text: 'bye' });
    await expect(never).rejects.toThrow(/exited before the awaited message/);
  });
});
