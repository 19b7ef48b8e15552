import type { Redis } from 'ioredis';
import { listTopics } from './topics.ts';

/** The topic whose demo.ts this process runs, if any: its number heads the banner. */
function runningTopicId(): string | undefined {
  const script = process.argv[1];
  if (!script) return undefined;
  const dir = dirname(resolve(script));
  return listTopics().find((t) => resolve(t.dir) === dir)?.id;
}

import { dirname, resolve } from 'node:path';
import { note, style, title } from './output.ts';
import { redis } from './services/redis.ts';
import { closeServices } from './services/registry.ts';

/**
 * Runs a topic's walkthrough: prints the banner, runs the sections, always releases services, and turns a
 * failure into one clear line and exit code 1 (the demo runner relies on the exit code).
 */
export async function runDemo(
  heading: string,
  subtitle: string,
  body: () => Promise<void> | void,
): Promise<void> {
  const id = runningTopicId();
  title(id ? `${id} · ${heading}` : heading, subtitle);
  try {
    await body();
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(`${style.red('demo failed:')} ${(error as Error).stack ?? String(error)}\n`);
  } finally {
    await closeServices();
  }
}

/**
 * A Redis client for a demo section, or `undefined` after one line saying what was skipped and how to get
 * Redis; the caller then shows its in-process variant.
 */
export async function redisOrSkip(what: string): Promise<Redis | undefined> {
  const result = await redis();
  if (result.ok) return result.client;
  note(
    `skipped: ${what} needs Redis (${result.reason}); to run it, ${result.howToGet}. Showing the in-process variant.`,
  );
  return undefined;
}
