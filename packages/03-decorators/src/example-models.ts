import { frozen } from './frozen.ts';
import { range } from './range.ts';

/** A value object: the class decorator replaces the class with one that freezes every instance. */
@frozen
export class Money {
  constructor(
    readonly cents: number,
    readonly currency: string,
  ) {}

  add(other: Money): Money {
    if (other.currency !== this.currency)
      throw new TypeError(`cannot add ${other.currency} to ${this.currency}`);
    return new Money(this.cents + other.cents, this.currency);
  }
}

/** Settings whose numeric fields validate themselves on every assignment. */
export class PlayerSettings {
  @range(0, 100) accessor volume = 50;
  @range(0.5, 2) accessor playbackRate = 1;
}
