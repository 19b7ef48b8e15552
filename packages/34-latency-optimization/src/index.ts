export { Batcher, type BatcherOptions, type BatchFn, type BatchSchedule } from './batcher.ts';
export { CacheAside, type CacheAsideOptions, type CacheAsideStats } from './cache-aside.ts';
export { type CacheStore, memoryStore, type RedisStoreOptions, redisStore } from './cache-store.ts';
export {
  type CachedResponse,
  type CatalogApp,
  type CatalogAppOptions,
  createCatalogApp,
  type SerializedBody,
} from './catalog-app.ts';
export {
  type CompressOptions,
  compress,
  type Encoding,
  MIN_COMPRESS_BYTES,
  negotiateEncoding,
} from './compression.ts';
export { explainAnalyze, explainOrdersOfUser, type PlanSummary } from './explain.ts';
export { entityTag, ifNoneMatchMatches } from './http-validators.ts';
export { createProducts, getProduct, listProducts, type Product, updateProductPrice } from './products.ts';
export { RedisLock, type RedisLockOptions } from './redis-lock.ts';
export { SingleFlight } from './single-flight.ts';
export { type CacheStats, type Clock, TtlLruCache, type TtlLruOptions } from './ttl-lru-cache.ts';
export {
  loadBatched,
  loadNPlusOne,
  loadNPlusOneConcurrent,
  loadWithJoin,
  loadWithLoader,
  type Order,
  type OrdersLoader,
  ordersBatcher,
  ordersDataLoader,
  ordersOfUsers,
  strategies,
  type UserWithOrders,
} from './user-orders-loaders.ts';
export {
  addOrdersUserIndex,
  createUsersAndOrders,
  dropOrdersUserIndex,
  type SeedOptions,
} from './users-orders-schema.ts';
