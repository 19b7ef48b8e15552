/**
 * Python's container and iteration dunders map onto JavaScript protocols: `__iter__` is
 * `[Symbol.iterator]`, `__aiter__` is `[Symbol.asyncIterator]`, `__len__` is a `size`/`length` getter,
 * `__contains__` is `has()`, `__getitem__` is `at()`. Only the iteration protocols are understood by the
 * language itself (`for…of`, spread, destructuring); the rest are conventions.
 */
export class Range implements Iterable<number> {
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step = 1,
  ) {
    if (step === 0) throw new RangeError('step must not be zero');
  }

  get size(): number {
    return Math.max(0, Math.ceil((this.stop - this.start) / this.step));
  }

  has(value: number): boolean {
    const offset = (value - this.start) / this.step;
    return Number.isInteger(offset) && offset >= 0 && offset < this.size;
  }

  /** Negative indexes count from the end, like Python's and like `Array.prototype.at`. */
  at(index: number): number | undefined {
    const i = index < 0 ? this.size + index : index;
    return i >= 0 && i < this.size ? this.start + i * this.step : undefined;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.size; i++) yield this.start + i * this.step;
  }
}

/** `__aiter__`: an async source consumed with `for await`, e.g. pages arriving from a service. */
export class Countdown implements AsyncIterable<number> {
  constructor(
    private readonly from: number,
    private readonly tick: () => Promise<void> = () => Promise.resolve(),
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<number> {
    for (let n = this.from; n > 0; n--) {
      await this.tick();
      yield n;
    }
  }
}

/**
 * `Symbol.hasInstance` changes what `instanceof` means — here, structurally: anything with a `quack`
 * method is a Duck. The same idea as a `typing.Protocol` checked at run time (`runtime_checkable`).
 */
// biome-ignore lint/complexity/noStaticOnlyClass: a class is what `instanceof` needs on its right-hand side.
export class Duck {
  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { quack?: unknown }).quack === 'function'
    );
  }
}
