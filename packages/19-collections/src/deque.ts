export interface DequeOptions {
  /**
   * Most items kept (Python's `maxlen`). When full, `push` drops the front item and `unshift` drops the
   * back one, so a deque with a max length is a sliding window over the latest items.
   */
  maxLength?: number;
}

const MIN_CAPACITY = 16;

/**
 * A double-ended queue on a ring buffer: `push`/`pop` at the back and `unshift`/`shift` at the front are
 * all O(1) (amortised: the buffer doubles when full), and `at(i)` is O(1) too.
 *
 * The method names are `Array`'s, so a deque replaces an array used as a queue line for line. The reason
 * to replace it: V8 can trim a small array from the front in place, but once the array's storage is big
 * enough to live in large-object space (from about ten thousand items) `shift()` moves every remaining item,
 * so each call is O(n) and draining the queue is O(n²).
 */
export class Deque<T> implements Iterable<T> {
  #items: (T | undefined)[];
  /** Index of the front item in #items. */
  #head = 0;
  #length = 0;
  /** capacity - 1; capacity is a power of two so `& #mask` wraps an index without a division. */
  #mask: number;
  /** The max length, or -1 when unbounded: a small integer keeps push's comparison on integers (not Infinity). */
  readonly #limit: number;

  constructor(items?: Iterable<T>, { maxLength = Number.POSITIVE_INFINITY }: DequeOptions = {}) {
    if (!(maxLength >= 0) || (Number.isFinite(maxLength) && !Number.isInteger(maxLength)))
      throw new RangeError(`maxLength must be a non-negative integer, got ${maxLength}`);
    this.#limit = Number.isFinite(maxLength) ? maxLength : -1;
    this.#items = new Array<T | undefined>(MIN_CAPACITY);
    this.#mask = MIN_CAPACITY - 1;
    if (items) for (const item of items) this.push(item);
  }

  /** The most items kept; `Infinity` when unbounded. */
  get maxLength(): number {
    return this.#limit < 0 ? Number.POSITIVE_INFINITY : this.#limit;
  }

  get length(): number {
    return this.#length;
  }

  /** Adds to the back; when full, drops the front item first. Returns the new length. */
  push(item: T): number {
    if (this.#length === this.#limit) {
      // maxLength 0 keeps nothing, as Python's deque(maxlen=0) does.
      if (this.#limit === 0) return 0;
      this.shift();
    }
    if (this.#length > this.#mask) this.#grow();
    this.#items[(this.#head + this.#length) & this.#mask] = item;
    return ++this.#length;
  }

  /** Adds to the front (Python's `appendleft`); when full, drops the back item first. Returns the new length. */
  unshift(item: T): number {
    if (this.#length === this.#limit) {
      // maxLength 0 keeps nothing, as Python's deque(maxlen=0) does.
      if (this.#limit === 0) return 0;
      this.pop();
    }
    if (this.#length > this.#mask) this.#grow();
    this.#head = (this.#head - 1) & this.#mask;
    this.#items[this.#head] = item;
    return ++this.#length;
  }

  /** Removes and returns the back item; `undefined` when empty (as `Array.pop`, where Python raises). */
  pop(): T | undefined {
    if (this.#length === 0) return undefined;
    const index = (this.#head + this.#length - 1) & this.#mask;
    const item = this.#items[index];
    // Clearing the slot lets the item be collected; a ring buffer that forgets this leaks what it held.
    this.#items[index] = undefined;
    this.#length--;
    return item;
  }

  /** Removes and returns the front item (Python's `popleft`); `undefined` when empty. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) & this.#mask;
    this.#length--;
    return item;
  }

  /** The front item without removing it. */
  peekFront(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[this.#head];
  }

  /** The back item without removing it. */
  peekBack(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[(this.#head + this.#length - 1) & this.#mask];
  }

  /** The item at `index` from the front (negative counts from the back, as `Array.at`); O(1). */
  at(index: number): T | undefined {
    const i = Math.trunc(index) < 0 ? Math.trunc(index) + this.#length : Math.trunc(index);
    if (!(i >= 0 && i < this.#length)) return undefined;
    return this.#items[(this.#head + i) & this.#mask];
  }

  clear(): void {
    this.#items = new Array<T | undefined>(MIN_CAPACITY);
    this.#mask = MIN_CAPACITY - 1;
    this.#head = 0;
    this.#length = 0;
  }

  /** The items front to back, as a new array. */
  toArray(): T[] {
    return [...this];
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#length; i++) yield this.#items[(this.#head + i) & this.#mask] as T;
  }

  /** Doubles the buffer and lays the items out from index 0 again, so the wrap-around is undone. */
  #grow(): void {
    const capacity = this.#items.length * 2;
    const next = new Array<T | undefined>(capacity);
    for (let i = 0; i < this.#length; i++) next[i] = this.#items[(this.#head + i) & this.#mask];
    this.#items = next;
    this.#head = 0;
    this.#mask = capacity - 1;
  }
}
