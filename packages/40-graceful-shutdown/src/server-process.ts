import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { tsxExecArgv } from '@lab/common/workers';
import type { FromServer, ServerSettings, ToServer } from './server-protocol.ts';

const SERVER_MAIN = fileURLToPath(new URL('./server-main.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  messages: FromServer[];
  /** The first message `match` accepts, already received or still to come; rejects if the process exits first. */
  next(match: (message: FromServer) => boolean): Promise<FromServer>;
  /** The first lifecycle event of this type. */
  event(type: string): Promise<FromServer>;
  send(message: ToServer): void;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `server-main.ts` in its own process and resolves once it listens. */
export async function forkServer(settings: Partial<ServerSettings> = {}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SHUTDOWN_GRACE_MS: String(settings.graceMs ?? 10_000),
    HOLD_BEFORE_CLOSE: settings.holdBeforeClose ? '1' : '0',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (settings.databaseUrl) env.DATABASE_URL = settings.databaseUrl;
  if (settings.redisUrl) env.REDIS_URL = settings.redisUrl;
  const child = fork(SERVER_MAIN, [], {
    execArgv: tsxExecArgv(),
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: FromServer[] = [];
  // Every pending next() waits here; any message or the exit wakes them all to look again.
  const wakers = new Set<() => void>();
  const wake = () => {
    for (const w of [...wakers]) w();
    wakers.clear();
  };
  child.on('message', (message: FromServer) => {
    messages.push(message);
    wake();
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  let exited = false;
  void exit.then(() => {
    exited = true;
    wake();
  });
  const next = async (match: (message: FromServer) => boolean) => {
    while (true) {
      const found = messages.find(match);
      if (found) return found;
      if (exited) throw new Error('the server process exited before the awaited message');
      await new Promise<void>((resolve) => {
        wakers.add(resolve);
      });
    }
  };
  const ready = await next((m) => m.type === 'ready');
  const port = ready.type === 'ready' ? ready.port : 0;
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    messages,
    next,
    event: (type) => next((m) => m.type === 'lifecycle' && m.event.type === type),
    send: (message) => child.send(message),
    exit,
  };
}
