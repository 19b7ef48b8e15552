import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsxExecArgv } from '@lab/common/workers';
import type { Topic } from '@lab/tooling/topics';

const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
// The kit installs no process handlers; a demo's process exits quietly on a closed pipe through this.
const quietPipe = ['--import', import.meta.resolve('@lab/tooling/exit-on-epipe')];

/** The command line that runs a topic's demo in its own Node process. */
export function demoCommand(
  topic: Topic,
  watch = false,
  demoArgs: readonly string[] = [],
): { command: string; args: string[] } {
  const demo = join(topic.dir, 'demo.ts');
  if (watch)
    return {
      command: process.execPath,
      args: [...topic.nodeFlags, tsxCli, 'watch', '--clear-screen=false', ...quietPipe, demo, ...demoArgs],
    };
  return {
    command: process.execPath,
    args: [...topic.nodeFlags, ...tsxExecArgv(quietPipe), demo, ...demoArgs],
  };
}

/**
 * Starts the services a topic declares, once, in this process: every demo run after it (by `--all`)
 * inherits DATABASE_URL / REDIS_URL instead of starting its own.
 */
export async function provideServices(topics: readonly Topic[]): Promise<void> {
  // Imported here, not at the top: pg and ioredis would slow every single-demo start.
  const { databaseUrl, locateRedis } = await import('@lab/common/services');
  if (topics.some((t) => t.services.includes('postgres'))) await databaseUrl();
  // A missing Redis is not an error here: each demo says what it skipped.
  if (topics.some((t) => t.services.includes('redis'))) await locateRedis();
}

/** Runs one demo with inherited stdio; resolves to its exit code. */
export function runTopic(
  topic: Topic,
  options: { watch?: boolean; env?: NodeJS.ProcessEnv; demoArgs?: readonly string[] } = {},
): Promise<number> {
  const { command, args } = demoCommand(topic, options.watch, options.demoArgs);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: topic.dir, stdio: 'inherit', env: options.env ?? process.env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * Runs one demo inside this process — the quickest start (one Node and one tsx instead of two), used for a
 * single `pnpm demo <topic>`. The demo sees the argv and cwd its own process would have. Topics that need
 * Node flags, `--watch` and `--all` (which must isolate demos from each other) spawn instead.
 */
export async function runTopicHere(topic: Topic, demoArgs: readonly string[] = []): Promise<number> {
  const demo = join(topic.dir, 'demo.ts');
  process.argv = [process.argv[0] ?? process.execPath, demo, ...demoArgs];
  process.chdir(topic.dir);
  // runDemo is awaited at the demo's top level, so the import settles when the tour has finished.
  await import(pathToFileURL(demo).href);
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
