import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forkTs } from '@lab/common/workers';
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
  const { child, messages, next, send, exit } = forkTs<ToServer, FromServer>(SERVER_MAIN, { env });
  const ready = await next((m) => m.type === 'ready');
  const port = ready.type === 'ready' ? ready.port : 0;
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    messages,
    next,
    event: (type) => next((m) => m.type === 'lifecycle' && m.event.type === type),
    send,
    exit,
  };
}
