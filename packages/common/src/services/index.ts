export { type CheckedOutClient, checkout } from './checkout.ts';
export {
  type EmbeddedStatus,
  embeddedDataDir,
  embeddedStatus,
  stopEmbeddedPostgres,
} from './embedded-postgres.ts';
export { freePort } from './free-port.ts';
export { databaseUrl, type PostgresOptions, postgres, resetSchema, serviceLog } from './postgres.ts';
export { type QueryStats, queryStats, trackQueries } from './query-stats.ts';
export { HOW_TO_GET_REDIS, locateRedis, type RedisLocation, type RedisResult, redis } from './redis.ts';
export { deleteKeysWithPrefix, keysWithPrefix } from './redis-keys.ts';
export { closeServices, onClose } from './registry.ts';
