export { InvalidInputError, type TextProblem, textProblem } from './_text.ts';
export {
  type BlobStore,
  MAX_KEY_LENGTH,
  memoryBlobStore,
  type RedisCommands,
  redisBlobStore,
} from './adapter.ts';
export {
  type BuiltQuery,
  type Comparison,
  MAX_LIMIT,
  PRODUCT_COLUMNS,
  type ProductColumn,
  type ProductSearch,
  productSearchQuery,
  SelectBuilder,
  type SqlValue,
} from './builder.ts';
export { PATTERNS, type PatternRow } from './catalog.ts';
export {
  fetchClient,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  IDEMPOTENT,
  type LoggedCall,
  RETRYABLE_STATUS,
  type RetryOptions,
  retryDelay,
  withLogging,
  withRetry,
} from './decorator.ts';
export {
  capturedRejection,
  emitterWhenAListenerThrows,
  errorEventWithoutListener,
  uncapturedRejectionInChild,
} from './emitter-contrast.ts';
export {
  createEventBus,
  type EmitReport,
  type EventBus,
  type EventBusOptions,
  type Listener,
} from './event-bus.ts';
export {
  type CheckoutResult,
  checkoutFacade,
  type Inventory,
  type Mailer,
  type OrderItem,
  type Orders,
  type Payments,
} from './facade.ts';
export {
  type Channel,
  createNotifier,
  defaultMakers,
  type Notifier,
  type NotifierMakers,
  notifierFactory,
  type Outbox,
  type OutgoingMessage,
  SMS_SEGMENT,
} from './factory.ts';
export { type Page, type PageFetcher, PageIterator, pagedSource, paginate, take } from './iterator.ts';
export { type CounterRegistry, createCounterRegistry, metrics } from './singleton.ts';
export {
  type HazardRun,
  runSingletonScenario,
  SCENARIOS,
  type Scenario,
  scenarioFiles,
} from './singleton-hazard.ts';
export {
  type CartLine,
  cheapestOf,
  checkoutTotal,
  everyNthFree,
  listPrice,
  type PricingStrategy,
  percentOff,
  pricingFor,
  type Tier,
} from './strategy.ts';
