import { closeServices, databaseUrl, locateRedis } from '@lab/common/services';
import type { TestProject } from 'vitest/node';

/**
 * Starts (or finds) PostgreSQL and Redis once for the whole test run and hands their URLs to every test
 * file through `inject()`. Redis being absent is not an error here: the tests that need it fail, each with
 * the instruction, and the rest still run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('databaseUrl', await databaseUrl());
  const where = await locateRedis();
  project.provide('redisUrl', where.ok ? where.url : '');
  project.provide('redisProblem', where.ok ? '' : `${where.reason}; ${where.howToGet}`);
  return closeServices;
}
