import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { deleteKeysWithPrefix } from '@lab/common/services';
import { testKeyPrefix, testRedis } from '@lab/common/testing';
import { tsxExecArgv } from '@lab/common/workers';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../src/index.ts';

const PREFIX = testKeyPrefix(import.meta.url);
const FIXTURE = fileURLToPath(new URL('./fixtures/fire-requests.ts', import.meta.url));
const LIMIT = 25;
const PER_PROCESS = 60;
const NOW = 1_700_000_000_000;

let client: Redis;
beforeAll(async () => {
  client = await testRedis();
});
afterAll(async () => {
  await deleteKeysWithPrefix(client, PREFIX);
});

/** Starts the child (`node --import tsx fixtures/fire-requests.ts`) and waits until it is connected. */
async function startChild(algorithm: string, prefix: string) {
  const child = spawn(process.execPath, [...tsxExecArgv(), FIXTURE], {
    env: {
      ...process.env,
      REDIS_URL: process.env.REDIS_URL,
      ALGORITHM: algorithm,
      PREFIX: prefix,
      LIMIT: String(LIMIT),
      WINDOW_MS: '60000',
      NOW: String(NOW),
      COUNT: String(PER_PROCESS),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  const waitFor = async (line: string) => {
    while (!output.includes(`${line}\n`)) {
      if (child.exitCode !== null) throw new Error(`child exited with ${child.exitCode} before "${line}"`);
      await once(child.stdout, 'data');
    }
  };
  await waitFor('ready');
  return {
    /** Releases the child and resolves once it has started firing, so that both processes fire together. */
    go: async () => {
      child.stdin.end('go\n');
      await waitFor('firing');
    },
    result: async (): Promise<{ admitted: number }> => {
      if (child.exitCode === null) await once(child, 'exit');
      expect(child.exitCode).toBe(0);
      const line = output.split('\n').find((l) => l.startsWith('{'));
      return JSON.parse(line ?? '{}') as { admitted: number };
    },
  };
}

describe.each(ALGORITHMS.map((a) => [a.label, a] as const))(
  '%s: two processes, one Redis',
  (_, algorithm) => {
    it(`admits exactly ${LIMIT} of ${2 * PER_PROCESS} requests fired from both at once`, {
      timeout: 60_000,
    }, async () => {
      const prefix = `${PREFIX}${algorithm.name}:`;
      const child = await startChild(algorithm.name, prefix);
      const limiter = algorithm.redis(client, { limit: LIMIT, windowMs: 60_000 }, { now: () => NOW, prefix });
      await child.go();
      let here = 0;
      for (let fired = 0; fired < PER_PROCESS; fired += 10) {
        const wave = await Promise.all(Array.from({ length: 10 }, () => limiter.consume('shared')));
        here += wave.filter((d) => d.allowed).length;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const there = (await child.result()).admitted;
      expect(here + there).toBe(LIMIT);
    });
  },
);
