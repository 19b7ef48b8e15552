export {
  maxOf,
  pushAll,
  type SpreadOutcome,
  spreadLimit,
  tryMaxWithSpread,
} from './argument-limits.ts';
export { inspectArguments, legacySum } from './arguments-object.ts';
export {
  type AnyFunction,
  concatTuples,
  forward,
  forwardByUtilityTypes,
  partial,
} from './forwarding.ts';
export { createLogger, type Level, type LogFields, type Logger, type LogRecord } from './logger.ts';
export { mergeDefined, mergeSpread, Temperature, withoutUndefined } from './merge-order.ts';
export {
  assertKnownKeys,
  type ConnectionConfig,
  type ConnectOptions,
  connect,
  connectPositional,
  createUser,
  describeRequest,
  type NewUser,
  type RequestOptions,
  type Role,
} from './options-objects.ts';
export { range } from './overloads.ts';
export { formatMessage, labelled, sum } from './rest-parameters.ts';
