export {
  type Brand,
  cancelOrder,
  type Email,
  email,
  type OrderId,
  orderId,
  type UserId,
  userId,
} from './brands.ts';
export { type Account, deposit, parseAccountUnchecked, sourceAtRunTime, typedAdd } from './erasure.ts';
export { assertDefined, compact, hasKey, isStringArray, isStringArrayLying, shout } from './guards.ts';
export { type EntityEvent, eventName, isMode, MODES, type Mode, openFlag, parseMode } from './literals.ts';
export { area, assertNever, describe, findUser, greeting, type Shape, type User } from './narrowing.ts';
export {
  applyPatch,
  type Permissions,
  summarize,
  type UserPatch,
  type UserRecord,
  type UserSummary,
} from './records.ts';
export { ROUTES, ROUTES_ANNOTATED, type RouteSpec, routeLine, routeLineLoose } from './satisfies.ts';
export {
  type Issue,
  isSignupInput,
  MAX_TAGS,
  type ParseResult,
  parseSignup,
  ROLES,
  type Signup,
  type SignupInput,
  SignupSchema,
} from './schemas.ts';
export { groupBy, longest, Stack } from './stack.ts';
export {
  Banner,
  type Celsius,
  type Closable,
  closeAll,
  type Drawable,
  dot,
  type Fahrenheit,
  render,
  Square,
  toKelvin,
} from './structural.ts';
