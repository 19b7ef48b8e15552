/**
 * The learner's progress: one JSON file, `$XDG_STATE_HOME/interview-lab/progress.json`
 * (default `~/.local/state/interview-lab/progress.json`).
 *
 * - The file holds the review log, never derived state: scheduling is replayed from it (scheduler.ts).
 * - Every write is atomic: a temp file in the same folder, fsync, rename over the old file, fsync the folder.
 *   A kill at any moment leaves the old file or the new one, never half of one.
 * - Two sessions at once: each write takes `progress.json.lock` (created exclusively), re-reads the file,
 *   adds its reviews to what is there (union by review id) and writes. The last writer therefore keeps the
 *   other's reviews. A lock whose process is gone (or older than a minute) is stale and taken over.
 * - A file that does not parse, or was written by a newer version, is moved aside to
 *   `progress.json.corrupt-<time>` with a one-line message, and practice starts from an empty log.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { GRADES, type Review } from './scheduler.ts';

export const PROGRESS_VERSION = 1;

export interface ProgressFile {
  version: typeof PROGRESS_VERSION;
  /** Bumped on every write: a reader can tell that someone else wrote in between. */
  revision: number;
  reviews: Review[];
}

/** `$XDG_STATE_HOME/interview-lab/progress.json`, or under `~/.local/state` (the XDG default). */
export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : undefined;
  return join(state ?? join(env.HOME || homedir(), '.local', 'state'), 'interview-lab', 'progress.json');
}

const empty = (): ProgressFile => ({ version: PROGRESS_VERSION, revision: 0, reviews: [] });

type Parsed = { ok: true; file: ProgressFile } | { ok: false; why: string };

const isReview = (r: unknown): r is Review => {
  if (!r || typeof r !== 'object') return false;
  const { id, card, at, grade } = r as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof card === 'string' &&
    typeof at === 'string' &&
    !Number.isNaN(Date.parse(at)) &&
    (GRADES as readonly unknown[]).includes(grade)
  );
};

export function parseProgress(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, why: 'it is not valid JSON' };
  }
  if (!data || typeof data !== 'object') return { ok: false, why: 'it is not a progress object' };
  const { version, revision, reviews } = data as Record<string, unknown>;
  if (typeof version === 'number' && version > PROGRESS_VERSION)
    return {
      ok: false,
      why: `it was written by a newer interview-lab (format ${version}; this one reads ${PROGRESS_VERSION})`,
    };
  if (version !== PROGRESS_VERSION) return { ok: false, why: 'it has no known format version' };
  if (!Array.isArray(reviews) || !reviews.every(isReview))
    return { ok: false, why: 'its review log is malformed' };
  return {
    ok: true,
    file: { version, revision: typeof revision === 'number' ? revision : 0, reviews },
  };
}

export interface ProgressStore {
  readonly path: string;
  /** The whole log as it is on disk now (a corrupt file is moved aside first). */
  load(): ProgressFile;
  /** Adds reviews to the file: lock, re-read, union, atomic write, unlock. Synchronous: done when it returns. */
  record(...reviews: Review[]): ProgressFile;
}

export interface StoreOptions {
  path?: string;
  /** Where the one-line "moved aside" message goes (default: stderr). */
  warn?: (line: string) => void;
  now?: () => Date;
  /** How long to wait for another session's lock before giving up (ms). */
  lockTimeoutMs?: number;
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const STALE_AFTER_MS = 60_000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function openProgress(options: StoreOptions = {}): ProgressStore {
  const path = options.path ?? progressPath();
  const dir = dirname(path);
  const lockPath = `${path}.lock`;
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const lockTimeoutMs = options.lockTimeoutMs ?? 10_000;

  function moveAside(why: string): void {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const aside = `${path}.corrupt-${stamp}`;
    renameSync(path, aside);
    warn(
      `progress: ${basename(path)} was moved aside to ${aside} because ${why}; starting from an empty log.`,
    );
  }

  function read(): ProgressFile {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
      throw error;
    }
    const parsed = parseProgress(text);
    if (parsed.ok) return parsed.file;
    moveAside(parsed.why);
    return empty();
  }

  /** Is the lock's holder gone? Judged from its content: "<pid> <epoch ms>". */
  function stale(content: string): boolean {
    const [pid, since] = content.trim().split(' ').map(Number);
    if (!pid || !since) return true;
    return !pidAlive(pid) || Date.now() - since > STALE_AFTER_MS;
  }

  function lock(): void {
    const deadline = Date.now() + lockTimeoutMs;
    for (;;) {
      // The lock appears with its content in one step (link fails if it exists): a reader never sees an
      // empty lock it would have to guess about.
      const mine = `${lockPath}.${process.pid}`;
      writeFileSync(mine, `${process.pid} ${Date.now()}`);
      try {
        linkSync(mine, lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        rmSync(mine, { force: true });
      }
      let content: string | undefined;
      try {
        content = readFileSync(lockPath, 'utf8');
      } catch {
        continue; // released meanwhile
      }
      if (stale(content)) {
        // Take it over by renaming (only one contender's rename succeeds). If what we renamed is not the
        // stale lock we judged — someone took it in between — hand it back with link (fails if taken again).
        const taken = `${lockPath}.stale-${process.pid}`;
        try {
          renameSync(lockPath, taken);
        } catch {
          continue;
        }
        if (readFileSync(taken, 'utf8') !== content) {
          try {
            linkSync(taken, lockPath);
          } catch {
            // someone holds a newer lock; theirs stands
          }
        }
        rmSync(taken, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`progress: ${lockPath} is held by another session (${content.trim()}); try again`);
      sleepSync(5);
    }
  }

  const unlock = () => rmSync(lockPath, { force: true });

  /** Files of writers that died mid-write: `.progress.json.<pid>.tmp` and `progress.json.lock.<pid>`. */
  function sweepTemps(): void {
    const temp = new RegExp(
      `^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.tmp$|^${escapeRegExp(basename(lockPath))}\\.(?:stale-)?(\\d+)$`,
    );
    for (const name of readdirSync(dir)) {
      const m = temp.exec(name);
      const pid = Number(m?.[1] ?? m?.[2] ?? 0);
      if (pid && pid !== process.pid && !pidAlive(pid)) rmSync(join(dir, name), { force: true });
    }
  }

  function writeAtomically(file: ProgressFile): void {
    const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(file, null, 1)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    // The rename is durable only once the folder's entry is on disk.
    try {
      const dfd = openSync(dir, 'r');
      try {
        fsyncSync(dfd);
      } finally {
        closeSync(dfd);
      }
    } catch {
      // Some filesystems refuse fsync on a directory; the rename is still atomic.
    }
  }

  return {
    path,
    load() {
      return existsSync(path) ? read() : empty();
    },
    record(...reviews) {
      mkdirSync(dir, { recursive: true });
      lock();
      try {
        sweepTemps();
        const current = read();
        const known = new Set(current.reviews.map((r) => r.id));
        const added = reviews.filter((r) => !known.has(r.id));
        const next: ProgressFile = {
          version: PROGRESS_VERSION,
          revision: current.revision + 1,
          reviews: [...current.reviews, ...added],
        };
        writeAtomically(next);
        return next;
      } finally {
        unlock();
      }
    },
  };
}
