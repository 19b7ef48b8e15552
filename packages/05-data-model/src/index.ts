export { type Currency, CurrencyMismatchError, isCurrency, minorDigits } from './currency.ts';
export { Money } from './money.ts';
export { by, type Comparable, type Comparator, descending, natural, thenBy } from './ordering.ts';
export { Countdown, Duck, Range } from './protocols.ts';
export { ValueMap } from './value-map.ts';
