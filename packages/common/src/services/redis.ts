import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { Redis, RedisOptions } from 'ioredis';
import { freePort } from './free-port.ts';
import { serviceLog } from './postgres.ts';
import { onClose } from './registry.ts';

/** How a learner gets Redis, in one line. */
export const HOW_TO_GET_REDIS =
  'install Redis (apt-get install redis-server · brew install redis · docker compose up -d redis) or set REDIS_URL=redis://127.0.0.1:6379';

export type RedisLocation = { ok: true; url: string } | { ok: false; reason: string; howToGet: string };

export type RedisResult =
  | { ok: true; url: string; client: Redis }
  | { ok: false; reason: string; howToGet: string };

let resolving: Promise<RedisLocation> | undefined;

// Loaded on first use, not at import: `import { heading } from '@lab/common'` must not pay for ioredis.
const loadRedis = async (): Promise<typeof Redis> => (await import('ioredis')).Redis;

async function ping(url: string): Promise<string | undefined> {
  const Redis = await loadRedis();
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    probe.disconnect();
  }
}

function onPath(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

async function startLocalRedis(): Promise<string> {
  const port = await freePort();
  serviceLog(`starting redis-server on 127.0.0.1:${port} (no persistence; stopped on exit)…`);
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', kill);
  onClose(kill);
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await ping(url)) === undefined) return url;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  kill();
  throw new Error(`redis-server did not answer on port ${port}`);
}

/**
 * Where Redis is: `REDIS_URL` if set (and answering), else a `redis-server` from PATH started on a free
 * loopback port for this run, else a typed "unavailable" naming how to get Redis.
 */
export function locateRedis(): Promise<RedisLocation> {
  resolving ??= (async (): Promise<RedisLocation> => {
    const fromEnv = process.env.REDIS_URL;
    if (fromEnv) {
      const problem = await ping(fromEnv);
      return problem === undefined
        ? { ok: true, url: fromEnv }
        : {
            ok: false,
            reason: `REDIS_URL=${fromEnv} does not answer (${problem})`,
            howToGet: HOW_TO_GET_REDIS,
          };
    }
    if (!onPath('redis-server'))
      return { ok: false, reason: 'no REDIS_URL and no redis-server on PATH', howToGet: HOW_TO_GET_REDIS };
    try {
      const url = await startLocalRedis();
      process.env.REDIS_URL = url;
      return { ok: true, url };
    } catch (error) {
      return { ok: false, reason: (error as Error).message, howToGet: HOW_TO_GET_REDIS };
    }
  })();
  return resolving;
}

/** An ioredis client on the lab's Redis, or "unavailable" with the reason. Closed by `closeServices()`. */
export async function redis(options: RedisOptions = {}): Promise<RedisResult> {
  const where = await locateRedis();
  if (!where.ok) return where;
  const Redis = await loadRedis();
  const client = new Redis(where.url, { maxRetriesPerRequest: 2, ...options });
  const forget = onClose(() => client.quit());
  client.once('end', forget);
  return { ok: true, url: where.url, client };
}
