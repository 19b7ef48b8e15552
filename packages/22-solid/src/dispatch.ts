/**
 * The price of an interface at a hot call site. `rule.fee(amount)` is a property load plus a call; V8's
 * inline cache at that load remembers the receiver maps (hidden classes) it has seen. One class
 * (monomorphic): a map check, and the optimising compiler inlines the method. Two to four classes
 * (polymorphic): a short chain of map checks, each target still inlined. Past four (V8's limit for a
 * polymorphic inline cache), the site goes megamorphic: every call looks the method up in a global stub
 * cache and makes a real call that cannot be inlined.
 */

/** One way a payment provider charges its fee, as an interface with one method. */
export interface FeeRule {
  fee(amountCents: number): number;
}

// Eight small classes: distinct hidden classes, and distinct `fee` functions, each a couple of integer
// operations so that the work per call is alike and the dispatch is what differs.

export class FlatFee implements FeeRule {
  constructor(readonly cents: number) {}
  fee(_amountCents: number): number {
    return this.cents;
  }
}

export class PercentFee implements FeeRule {
  constructor(readonly basisPoints: number) {}
  fee(amountCents: number): number {
    return ((amountCents * this.basisPoints) / 10_000) | 0;
  }
}

export class FlatPlusPercentFee implements FeeRule {
  constructor(
    readonly cents: number,
    readonly basisPoints: number,
  ) {}
  fee(amountCents: number): number {
    return this.cents + (((amountCents * this.basisPoints) / 10_000) | 0);
  }
}

export class CappedPercentFee implements FeeRule {
  constructor(
    readonly basisPoints: number,
    readonly capCents: number,
  ) {}
  fee(amountCents: number): number {
    return Math.min(this.capCents, ((amountCents * this.basisPoints) / 10_000) | 0);
  }
}

export class MinimumPercentFee implements FeeRule {
  constructor(
    readonly basisPoints: number,
    readonly minimumCents: number,
  ) {}
  fee(amountCents: number): number {
    return Math.max(this.minimumCents, ((amountCents * this.basisPoints) / 10_000) | 0);
  }
}

export class TieredFee implements FeeRule {
  constructor(
    readonly thresholdCents: number,
    readonly lowCents: number,
    readonly highCents: number,
  ) {}
  fee(amountCents: number): number {
    return amountCents < this.thresholdCents ? this.lowCents : this.highCents;
  }
}

export class WaivedFee implements FeeRule {
  constructor(readonly waivedBelowCents: number) {}
  fee(amountCents: number): number {
    return amountCents < this.waivedBelowCents ? 0 : 25;
  }
}

export class PerThousandFee implements FeeRule {
  constructor(readonly centsPerThousand: number) {}
  fee(amountCents: number): number {
    return ((amountCents / 1_000) | 0) * this.centsPerThousand;
  }
}

/** One instance of each class, in a fixed order: `rules(n)` cycles through the first `kinds` of them. */
const makers: ReadonlyArray<(i: number) => FeeRule> = [
  (i) => new FlatPlusPercentFee(30 + (i & 3), 290),
  (i) => new PercentFee(150 + (i & 7)),
  (i) => new FlatFee(25 + (i & 3)),
  (i) => new CappedPercentFee(200, 500 + i),
  (i) => new MinimumPercentFee(100, 50 + (i & 3)),
  (i) => new TieredFee(10_000, 30, 60 + (i & 1)),
  (i) => new WaivedFee(5_000 + i),
  (i) => new PerThousandFee(3 + (i & 1)),
];

/** How many classes a call site can be shown: 1 to 8. */
export const MAX_KINDS = makers.length;

/** `count` rules cycling through the first `kinds` classes (1 = all the same class). */
export function feeRules(kinds: number, count: number): FeeRule[] {
  if (!Number.isInteger(kinds) || kinds < 1 || kinds > MAX_KINDS)
    throw new RangeError(`kinds must be an integer from 1 to ${MAX_KINDS}; got ${kinds}`);
  return Array.from({ length: count }, (_, i) => (makers[i % kinds] as (i: number) => FeeRule)(i));
}

/** The same eight rules as plain data of one shape, for the alternative to an interface: a switch on a tag. */
export interface FeeSpec {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** The data twin of `feeRules(kinds, count)`: the same rule at every index, as a `FeeSpec`. */
export function feeSpecs(kinds: number, count: number): FeeSpec[] {
  return feeRules(kinds, count).map(toSpec);
}

function toSpec(rule: FeeRule): FeeSpec {
  if (rule instanceof FlatPlusPercentFee) return { kind: 0, a: rule.cents, b: rule.basisPoints, c: 0 };
  if (rule instanceof PercentFee) return { kind: 1, a: rule.basisPoints, b: 0, c: 0 };
  if (rule instanceof FlatFee) return { kind: 2, a: rule.cents, b: 0, c: 0 };
  if (rule instanceof CappedPercentFee) return { kind: 3, a: rule.basisPoints, b: rule.capCents, c: 0 };
  if (rule instanceof MinimumPercentFee) return { kind: 4, a: rule.basisPoints, b: rule.minimumCents, c: 0 };
  if (rule instanceof TieredFee)
    return { kind: 5, a: rule.thresholdCents, b: rule.lowCents, c: rule.highCents };
  if (rule instanceof WaivedFee) return { kind: 6, a: rule.waivedBelowCents, b: 0, c: 0 };
  if (rule instanceof PerThousandFee) return { kind: 7, a: rule.centsPerThousand, b: 0, c: 0 };
  throw new TypeError('unknown fee rule');
}

/** The closed alternative: one function, one switch, every spec the same shape (a monomorphic load). */
export function feeBySwitch(spec: FeeSpec, amountCents: number): number {
  switch (spec.kind) {
    case 0:
      return spec.a + (((amountCents * spec.b) / 10_000) | 0);
    case 1:
      return ((amountCents * spec.a) / 10_000) | 0;
    case 2:
      return spec.a;
    case 3:
      return Math.min(spec.b, ((amountCents * spec.a) / 10_000) | 0);
    case 4:
      return Math.max(spec.b, ((amountCents * spec.a) / 10_000) | 0);
    case 5:
      return amountCents < spec.a ? spec.b : spec.c;
    case 6:
      return amountCents < spec.a ? 0 : 25;
    case 7:
      return ((amountCents / 1_000) | 0) * spec.a;
    default:
      throw new RangeError(`unknown fee kind ${spec.kind}`);
  }
}

// Four copies of one loop, on purpose: V8 keeps inline-cache feedback per function, so one shared loop
// would go megamorphic on the first 8-class array and stay so for every later caller.

/** Total fees; meant to see one class at its call site. */
export function totalFeesMonomorphic(rules: readonly FeeRule[], amountCents: number): number {
  let total = 0;
  for (let i = 0; i < rules.length; i++) total += (rules[i] as FeeRule).fee(amountCents + i);
  return total;
}

/** Total fees; meant to see four classes. */
export function totalFeesPolymorphic(rules: readonly FeeRule[], amountCents: number): number {
  let total = 0;
  for (let i = 0; i < rules.length; i++) total += (rules[i] as FeeRule).fee(amountCents + i);
  return total;
}

/** Total fees; meant to see eight classes. */
export function totalFeesMegamorphic(rules: readonly FeeRule[], amountCents: number): number {
  let total = 0;
  for (let i = 0; i < rules.length; i++) total += (rules[i] as FeeRule).fee(amountCents + i);
  return total;
}

/** Total fees from data and a switch. */
export function totalFeesBySwitch(specs: readonly FeeSpec[], amountCents: number): number {
  let total = 0;
  for (let i = 0; i < specs.length; i++) total += feeBySwitch(specs[i] as FeeSpec, amountCents + i);
  return total;
}
