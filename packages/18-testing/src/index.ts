export {
  DISCOUNTS,
  type DiscountCode,
  isDiscountCode,
  priceAfterDiscount,
  UnknownDiscountError,
} from './pricing.ts';
export { convert, httpRates, RATES_URL, type RateSource } from './rates.ts';
export { type RetryOptions, retry } from './retry.ts';
export {
  type CaseReport,
  type RunSuiteOptions,
  reportOf,
  runSuite,
  type SuiteReport,
} from './suite-runner.ts';
export { DuplicateEmailError, type Pool, type User, UserStore } from './users.ts';
