export {
  appenderWithDefault,
  appendItem,
  Cart,
  DEFAULT_RETRY,
  defaultHeaders,
  FROZEN_DEFAULT_HEADERS,
  type Headers,
  type RetryOptions,
  retryOptions,
  retryOptionsShallow,
  SHARED_DEFAULT_HEADERS,
  SharedItemsCart,
  tagRequest,
  tagRequestFrozenDefault,
  tagRequestShared,
} from './defaults.ts';
export { type DeepReadonly, deepFreeze, isDeepFrozen, mutablePaths, sloppyWrite } from './freeze.ts';
export { HTTP_METHODS, type HttpMethod, immutable, isHttpMethod, total } from './readonly.ts';
export { addTagInPlace, gridSharingOneRow, gridWithOwnRows, replaceTags, withTag } from './sharing.ts';
export { attemptIndexWrite, type IndexWriteAttempt, replaceCharAt } from './strings.ts';
export {
  addTodo,
  byTitle,
  removeTodo,
  setBySpread,
  setInPlace,
  setWith,
  type Todo,
  toggleTodo,
} from './updates.ts';
export { canonicalKey, ValueMap, ValueSet } from './value-keys.ts';
export { isPrimitive, kindOf, type Primitive, type ValueKind } from './values.ts';
