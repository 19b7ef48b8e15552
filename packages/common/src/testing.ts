import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, inject } from 'vitest';
import { FlakyLink } from './flaky-link.ts';
import { databaseUrl, type PostgresOptions, postgres } from './services/postgres.ts';
import { HOW_TO_GET_REDIS, redis } from './services/redis.ts';
import { deleteKeysWithPrefix } from './services/redis-keys.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisProblem: string;
  }
}

/** Where a test file sits: the package that owns it (`04` for a topic, else the folder) and its path stem. */
function testFileParts(fileUrl: string): { owner: string; stem: string } {
  const file = fileUrl.startsWith('file:') ? fileURLToPath(fileUrl) : fileUrl;
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`${file} is not inside a package`);
    dir = up;
  }
  const folder = basename(dir);
  const owner = /^\d\d-/.test(folder) ? folder.slice(0, 2) : folder;
  const stem = relative(dir, file)
    .replace(/^test[\\/]/, '')
    .replace(/(\.test)?\.[cm]?[jt]s$/, '');
  return { owner, stem };
}

const MAX_IDENTIFIER = 63;
const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * The PostgreSQL schema of a test file, from its path: `t_<topic id>_<file stem>` (`t_04_pages` for
 * packages/04-generators/test/pages.test.ts), plus `_<suffix>` for a file that needs a second one. Files
 * run in parallel on one server; no two files get the same name, and no file has to invent one.
 */
export function testSchema(fileUrl: string, suffix?: string): string {
  const { owner, stem } = testFileParts(fileUrl);
  const name = ['t', owner, stem, suffix]
    .filter(Boolean)
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/_$/, '');
  // PostgreSQL cuts identifiers at 63 bytes; a cut name keeps a hash of the whole so it stays unique.
  return name.length <= MAX_IDENTIFIER ? name : `${name.slice(0, MAX_IDENTIFIER - 9)}_${shortHash(name)}`;
}

/**
 * The Redis key prefix of a test file, from its path, `t:<topic id>:<file stem>:<random>:` — the random
 * part keeps two runs of the same file (two terminals, two mutation workers) out of each other's keys.
 */
export function testKeyPrefix(fileUrl: string): string {
  const { owner, stem } = testFileParts(fileUrl);
  return `t:${owner}:${stem.replace(/[\\/]/g, ':')}:${randomBytes(4).toString('hex')}:`;
}

export interface TestPostgresOptions extends Omit<PostgresOptions, 'schema'> {
  /** A second schema for the same file: `testSchema(file, suffix)`. */
  suffix?: string;
}

/**
 * A pool on the real PostgreSQL the global setup started (or DATABASE_URL), on the test file's own schema
 * (`testSchema(import.meta.url)`), first on the search_path.
 */
export async function testPostgres(fileUrl: string, options: TestPostgresOptions = {}): Promise<pg.Pool> {
  const { suffix, ...config } = options;
  useProvidedDatabase();
  return postgres({ ...config, schema: testSchema(fileUrl, suffix) });
}

// Without the repo's global setup (a suite run through vitest's Node API), nothing is provided: leave
// DATABASE_URL alone rather than set it to "undefined", and let postgres() find or start a server.
function useProvidedDatabase(): void {
  const provided = inject('databaseUrl');
  if (!process.env.DATABASE_URL && typeof provided === 'string' && provided)
    process.env.DATABASE_URL = provided;
}

/** A test pool whose connections run through a link the test can cut; `await using` closes both. */
export interface LinkedTestPostgres extends AsyncDisposable {
  readonly pool: pg.Pool;
  readonly link: FlakyLink;
}

/**
 * `testPostgres`, but every connection goes through a `FlakyLink` of its own in front of the real server:
 * `link.drop()` cuts this pool's connections (a failover, a killed backend, a network blip) while the
 * server and every other test file carry on; `link.restore()` lets new connections in again.
 */
export async function testPostgresThroughLink(
  fileUrl: string,
  options: TestPostgresOptions = {},
): Promise<LinkedTestPostgres> {
  const { suffix, ...config } = options;
  useProvidedDatabase();
  const server = new URL(await databaseUrl());
  const link = await new FlakyLink(server.hostname, Number(server.port || 5432)).start();
  const via = new URL(server.href);
  via.hostname = '127.0.0.1';
  via.port = String(link.port);
  const pool = await postgres({ ...config, schema: testSchema(fileUrl, suffix), url: via.href });
  return {
    pool,
    link,
    async [Symbol.asyncDispose]() {
      await pool.end();
      await link.close();
    },
  };
}

/**
 * An ioredis client on the real Redis; fails the test with a one-line instruction when there is none.
 * Name keys with `testKeyPrefix(import.meta.url)`.
 */
export async function testRedis(): Promise<Redis> {
  const url = inject('redisUrl');
  if (!url) throw new Error(`this test needs Redis: ${inject('redisProblem') || HOW_TO_GET_REDIS}`);
  process.env.REDIS_URL ||= url;
  const result = await redis();
  if (!result.ok) throw new Error(`this test needs Redis: ${result.reason}; ${result.howToGet}`);
  return result.client;
}

/**
 * A test file's Redis, for the usual case: a client and the file's key prefix, with every key under the
 * prefix deleted and the client closed after the file's tests. Call it once, at the top of the test file:
 * `const { redis, prefix } = await redisForFile(import.meta.url);`
 */
export async function redisForFile(
  fileUrl: string,
  /** Where the cleanup is registered: vitest's `afterAll` (its own test passes a collector instead). */
  afterTests: (cleanup: () => Promise<void>) => void = afterAll,
): Promise<{ redis: Redis; prefix: string }> {
  const prefix = testKeyPrefix(fileUrl);
  const client = await testRedis();
  afterTests(async () => {
    await deleteKeysWithPrefix(client, prefix);
    await client.quit();
  });
  return { redis: client, prefix };
}
