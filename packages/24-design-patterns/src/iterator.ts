/** One page of a cursor-paginated API: items, and the cursor of the next page if there is one. */
export interface Page<T> {
  items: T[];
  next?: string;
}

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * Iterator, the TS way: an async generator. The caller writes `for await (const item of paginate(fetch))`
 * and never sees a cursor; a page is fetched only when the previous one is used up, and a `break` stops
 * fetching — `finally` runs then too, which is where a real cursor or connection would be released.
 */
export async function* paginate<T>(
  fetchPage: PageFetcher<T>,
  onClose?: () => void,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  try {
    do {
      const page = await fetchPage(cursor);
      yield* page.items;
      cursor = page.next;
    } while (cursor !== undefined);
  } finally {
    onClose?.();
  }
}

/**
 * The same iterator the classic way: a class holding the state the generator keeps in its local variables,
 * implementing the protocol by hand. Twice the code, and `return()` (cleanup on break) is easy to forget.
 */
export class PageIterator<T> implements AsyncIterableIterator<T> {
  private page: readonly T[] = [];
  private index = 0;
  private cursor: string | undefined;
  private done = false;

  constructor(private readonly fetchPage: PageFetcher<T>) {}

  async next(): Promise<IteratorResult<T, undefined>> {
    // An index, not shift(): the page array belongs to the fetcher, and mutating it would empty its cache.
    while (this.index >= this.page.length && !this.done) {
      const page = await this.fetchPage(this.cursor);
      this.page = page.items;
      this.index = 0;
      this.cursor = page.next;
      this.done = page.next === undefined;
    }
    if (this.index >= this.page.length) return { done: true, value: undefined };
    return { done: false, value: this.page[this.index++] as T };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** The first `n` items of any async iterable, stopping it (and its fetching) as soon as it has them. */
export async function take<T>(source: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  if (n <= 0) return out;
  for await (const item of source) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

/** A fake paged API over an array, counting its calls: what a test and the demo page through. */
export function pagedSource<T>(
  all: readonly T[],
  pageSize: number,
): { fetchPage: PageFetcher<T>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fetchPage: async (cursor) => {
      calls++;
      const start = cursor === undefined ? 0 : Number(cursor);
      const end = start + pageSize;
      return end < all.length
        ? { items: all.slice(start, end), next: String(end) }
        : { items: all.slice(start) };
    },
  };
}
