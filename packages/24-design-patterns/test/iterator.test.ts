import { describe, expect, it } from 'vitest';
import { PageIterator, pagedSource, paginate, take } from '../src/iterator.ts';

const rows = Array.from({ length: 25 }, (_, i) => i + 1);

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('iterator: an async generator over a paged API', () => {
  it('yields every item across pages, fetching each page once', async () => {
    const source = pagedSource(rows, 10);
    expect(await all(paginate(source.fetchPage))).toEqual(rows);
    expect(source.calls()).toBe(3);
  });

  it('is lazy: nothing is fetched before the first next(), and 10 items of 10-per-page cost one page', async () => {
    const source = pagedSource(rows, 10);
    const items = paginate(source.fetchPage);
    expect(source.calls()).toBe(0);
    expect(await take(items, 10)).toEqual(rows.slice(0, 10));
    expect(source.calls()).toBe(1);
  });

  it('11 items need the second page; take(0) fetches nothing', async () => {
    const source = pagedSource(rows, 10);
    expect(await take(paginate(source.fetchPage), 11)).toHaveLength(11);
    expect(source.calls()).toBe(2);
    const untouched = pagedSource(rows, 10);
    expect(await take(paginate(untouched.fetchPage), 0)).toEqual([]);
    expect(untouched.calls()).toBe(0);
  });

  it("break runs the generator's finally (where a cursor would be released); so does running to the end", async () => {
    let closed = 0;
    const source = pagedSource(rows, 10);
    await take(
      paginate(source.fetchPage, () => closed++),
      3,
    );
    expect(closed).toBe(1);
    await all(paginate(source.fetchPage, () => closed++));
    expect(closed).toBe(2);
  });

  it('an empty source and an exact multiple of the page size end cleanly', async () => {
    expect(await all(paginate(pagedSource([], 10).fetchPage))).toEqual([]);
    const twenty = pagedSource(rows.slice(0, 20), 10);
    expect(await all(paginate(twenty.fetchPage))).toEqual(rows.slice(0, 20));
    expect(twenty.calls()).toBe(2);
  });
});

describe('the classic iterator class gives the same sequence, with more code', () => {
  it.each([0, 1, 10, 25])('%i items', async (n) => {
    const source = pagedSource(rows.slice(0, n), 10);
    expect(await all(new PageIterator(source.fetchPage))).toEqual(
      await all(paginate(pagedSource(rows.slice(0, n), 10).fetchPage)),
    );
  });

  it('skips empty pages in the middle, as the generator does', async () => {
    const pages = [{ items: [1], next: 'a' }, { items: [], next: 'b' }, { items: [2] }];
    const fetchPage = async (cursor: string | undefined) =>
      pages[cursor === undefined ? 0 : cursor === 'a' ? 1 : 2] ?? { items: [] };
    expect(await all(new PageIterator(fetchPage))).toEqual([1, 2]);
    expect(await all(paginate(fetchPage))).toEqual([1, 2]);
    // Both read the fetcher's arrays without consuming them: a second pass sees the same pages.
    expect(pages.map((p) => p.items)).toEqual([[1], [], [2]]);
  });
});
