import { range } from './validated.ts';

/**
 * One class per way of storing `rating`, for the bench and the demo's cost section. Each has the same
 * field name and starting value, so the only difference a timing can see is how the property is reached.
 */
export class PlainRating {
  rating = 3;
}

export class GetterRating {
  #rating = 3;

  get rating(): number {
    return this.#rating;
  }

  set rating(value: number) {
    if (!(value >= 0 && value <= 5)) throw new RangeError(`GetterRating.rating must be 0-5, got ${value}`);
    this.#rating = value;
  }
}

export class AccessorRating {
  accessor rating = 3;
}

export class DecoratedRating {
  @range(0, 5) accessor rating = 3;
}

/** A Proxy over a plain object whose traps do what the other contenders do: read, or check then write. */
export function proxiedRating(): { rating: number } {
  return new Proxy(
    { rating: 3 },
    {
      get: (target, key) => target[key as 'rating'],
      set: (target, key, value: number) => {
        if (!(value >= 0 && value <= 5)) throw new RangeError(`rating must be 0-5, got ${value}`);
        target[key as 'rating'] = value;
        return true;
      },
    },
  );
}
