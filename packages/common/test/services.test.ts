import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedStatus, queryStats, resetSchema, stopEmbeddedPostgres } from '../src/services/index.ts';
import { postgres } from '../src/services/postgres.ts';
import { testKeyPrefix, testPostgres, testRedis, testSchema } from '../src/testing.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('postgres()', () => {
  it('answers on a real server, inside the schema it was given', async () => {
    const schema = testSchema(import.meta.url, 'a');
    expect(schema).toBe('t_common_services_a');
    const pool = await testPostgres(import.meta.url, { suffix: 'a' });
    await resetSchema(pool, schema);
    await pool.query('CREATE TABLE things (id int)');
    const { rows } = await pool.query<{ schema: string; tables: string }>(
      "SELECT current_schema() AS schema, (SELECT count(*) FROM pg_tables WHERE schemaname = 't_common_services_a')::text AS tables",
    );
    expect(rows[0]).toEqual({ schema, tables: '1' });
    await pool.end();
  });

  it('counts every query, through pool.query and checked-out clients', async () => {
    const pool = await testPostgres(import.meta.url, { suffix: 'b' });
    const stats = queryStats(pool);
    await pool.query('SELECT 1');
    const client = await pool.connect();
    await client.query('SELECT 2');
    await client.query({ text: 'SELECT $1::int', values: [3] });
    client.release();
    expect(stats.count).toBe(3);
    expect(stats.texts).toEqual(['SELECT 1', 'SELECT 2', 'SELECT $1::int']);
    stats.reset();
    await Promise.all([pool.query('SELECT 4'), pool.query('SELECT 5')]);
    expect(stats.count).toBe(2);
    await pool.end();
  });

  it('rejects schema names that are not plain identifiers', async () => {
    await expect(postgres({ schema: 'x; DROP TABLE y' })).rejects.toThrow(/schema name/);
  });
});

describe('embedded PostgreSQL (the learner path, no DATABASE_URL)', () => {
  it('starts a real server from node_modules (or finds it running) and answers', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture('embedded-postgres.ts')], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(
      run.stderr,
      JSON.stringify({ status: run.status, error: run.error?.message, out: run.stdout }),
    ).toMatch(/embedded PostgreSQL/);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      answer: 42,
      version: expect.stringMatching(/^PostgreSQL \d+/),
    });
  });

  it('two processes starting it on a fresh data folder at once make one cluster and share it', async () => {
    // Its own data folder (PostgreSQL as root runs as `postgres`, which must reach it), so the shared dev
    // cluster is left alone; this server is stopped at the end.
    const parent = mkdtempSync(join(tmpdir(), 'lab-pg-race-'));
    chmodSync(parent, 0o755);
    const dataDir = join(parent, 'pg');
    const env: NodeJS.ProcessEnv = { ...process.env, LAB_PG_DIR: dataDir };
    delete env.DATABASE_URL;
    const start = () =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', fixture('embedded-postgres.ts')], { env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => {
          stdout += String(chunk);
        });
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
        });
        child.on('exit', (status) => resolve({ status, stdout, stderr }));
      });
    try {
      const runs = await Promise.all([start(), start()]);
      for (const run of runs) {
        expect(run.status, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ answer: 42 });
      }
      // One of them created it; the other waited on the start lock, then used the running server.
      expect(runs.filter((run) => /first run: creating a cluster/.test(run.stderr))).toHaveLength(1);
      expect(runs.filter((run) => /already running/.test(run.stderr))).toHaveLength(1);
      expect(existsSync(`${dataDir}.start-lock`)).toBe(false);
    } finally {
      await stopEmbeddedPostgres(dataDir);
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("keeps a failing process's exit code (embedded-postgres's own exit hook would turn it into 0)", () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture('embedded-exit-code.ts')], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(3);
  });
});

/** A fixture process holding a connection; `ask(n)` has it query n + 1 and resolves with the answer. */
function holder(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture('embedded-holder.ts')], {
    env,
  }) as ChildProcessWithoutNullStreams;
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`holder ended early: ${stderr}`);
    return JSON.parse(line.value) as { ready?: number; n?: number };
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    ready: next,
    ask: async (n: number) => {
      child.stdin.write(`${n}\n`);
      return (await next()).n;
    },
    /** Ends the process the normal way (stdin closes, it releases its services and exits). */
    finish: async () => {
      child.stdin.end();
      return exited;
    },
    stderr: () => stderr,
  };
}

describe('the embedded PostgreSQL is shared (left running like a dev database)', () => {
  it('outlives the process that started it: a second one keeps querying after the first exits', async () => {
    // A cluster of this test's own, so the first holder really starts it.
    const parent = mkdtempSync(join(tmpdir(), 'lab-pg-shared-'));
    chmodSync(parent, 0o755); // as root the server runs as `postgres`, which must reach the folder
    const dataDir = join(parent, 'pg');
    const env: NodeJS.ProcessEnv = { ...process.env, LAB_PG_DIR: dataDir };
    delete env.DATABASE_URL;
    try {
      const first = holder(env);
      await first.ready();
      expect(first.stderr()).toMatch(/creating a cluster/);
      const second = holder(env);
      await second.ready();
      expect(second.stderr()).toMatch(/already running/);

      expect(await first.ask(1)).toBe(2);
      expect(await first.finish()).toBe(0);

      expect(await second.ask(41)).toBe(42);
      expect(embeddedStatus(dataDir).running).toBe(true);
      expect(await second.finish()).toBe(0);
      // Nobody holds it now, and it is still up for the next run: only `pnpm db stop` stops it.
      expect(embeddedStatus(dataDir)).toMatchObject({ running: true, dataDir });
      expect(await stopEmbeddedPostgres(dataDir)).toBe(true);
      expect(embeddedStatus(dataDir).running).toBe(false);
      expect(await stopEmbeddedPostgres(dataDir)).toBe(false);
    } finally {
      await stopEmbeddedPostgres(dataDir).catch(() => false);
      rmSync(parent, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('redis()', () => {
  const keys: string[] = [];
  afterAll(async () => {
    const client = await testRedis();
    if (keys.length) await client.del(...keys);
  });

  it('talks to a real Redis', async () => {
    const client = await testRedis();
    const key = `${testKeyPrefix(import.meta.url)}v`;
    expect(key).toMatch(/^t:common:services:[0-9a-f]{8}:v$/);
    keys.push(key);
    await client.set(key, 'v', 'PX', 10_000);
    expect(await client.get(key)).toBe('v');
    expect(await client.pttl(key)).toBeGreaterThan(0);
  });

  it('without REDIS_URL, starts redis-server from PATH on a free port', () => {
    const env = { ...process.env };
    delete env.REDIS_URL;
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture('local-redis.ts')], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; url: string; pong: string };
    expect(result).toMatchObject({ ok: true, pong: 'PONG' });
    expect(result.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
  });

  it('names how to get Redis when there is none', () => {
    const env = { ...process.env, REDIS_URL: 'redis://127.0.0.1:1' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture('local-redis.ts')], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const result = JSON.parse(run.stdout) as { ok: boolean; reason: string; howToGet: string };
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('does not answer');
    expect(result.howToGet).toMatch(
      /apt-get install redis-server.*brew install redis.*docker compose.*REDIS_URL/,
    );
  });
});
