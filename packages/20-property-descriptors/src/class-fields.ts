import { defineValidated, rangeCheck } from './validated.ts';

/**
 * Class fields are defined, not assigned: `label = 'x'` in a subclass runs `Object.defineProperty(this,
 * 'label', …)` on the instance, so a setter the parent class has for `label` is never called. This is the
 * standard semantics (ES2022), and TypeScript's default for targets from ES2022 on
 * (`useDefineForClassFields`).
 */
export class Audited {
  /** Every value that went through the setter, in order. */
  readonly writes: string[] = [];
  #label = '';

  get label(): string {
    return this.#label;
  }

  set label(value: string) {
    this.writes.push(value);
    this.#label = value;
  }
}

/** A subclass field with the same name: defines an own data property that shadows the setter. */
export class FieldShadows extends Audited {
  // @ts-expect-error TS2610: TypeScript itself warns that this field would replace the accessor.
  override label = 'set by a field';
}

/** Assigning in the constructor goes through [[Set]], so the parent's setter runs. */
export class AssignsInConstructor extends Audited {
  constructor() {
    super();
    this.label = 'set in the constructor';
  }
}

/**
 * Where TypeScript cannot see the accessor it cannot warn. `Rated` gets a validated `rating` from
 * `defineValidated` (no decorator), so to the type checker it is a plain property; `declare` states the
 * type without emitting a field, so the accessor on the prototype stays in charge.
 */
export class Rated {
  declare rating: number;
}
defineValidated(Rated.prototype, 'rating', rangeCheck(0, 5), 0);

/** A subclass default written as a field: TypeScript sees property over property and accepts it. */
export class RatedWithDefault extends Rated {
  override rating = 9;
}

/** `rating!: number` instead of `declare`: still a field (undefined) defined on every instance. */
export class RatedWithDefinite {
  rating!: number;
}
defineValidated(RatedWithDefinite.prototype, 'rating', rangeCheck(0, 5), 0);
