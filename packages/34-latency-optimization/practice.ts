import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'lru-get-refreshes',
      prompt: 'A cache holds two entries. Which key does the third set() evict?',
      code: `import { TtlLruCache } from './src/ttl-lru-cache.ts';

const cache = new TtlLruCache<string, number>({ maxEntries: 2, ttlMs: 60_000, now: () => 0 });
cache.set('a', 1);
cache.set('b', 2);
cache.get('a');
cache.set('c', 3);
console.log(cache.keys().join(','));
console.log(cache.stats.evictions);`,
      output: 'a,c\n1',
      explain:
        'LRU evicts the least recently *used* entry, not the oldest written: get(a) moved a to the young end, so b was the one left behind. A Map keeps insertion order, so a hit is a delete plus a re-insert.',
      see: { section: 'lru', file: 'src/ttl-lru-cache.ts' },
    },
    {
      id: 'batcher-tick',
      prompt:
        'Three resolvers await a different number of settled promises before calling load(). How many batches does each schedule send?',
      code: `import { Batcher } from './src/batcher.ts';

for (const schedule of ['nextTick', 'microtask'] as const) {
  const sent: number[][] = [];
  const users = new Batcher(
    async (ids: readonly number[]) => {
      sent.push([...ids]);
      return ids.map((id) => \`user \${id}\`);
    },
    { schedule },
  );
  const resolve = async (id: number) => {
    for (let i = 0; i < id; i++) await null;
    return users.load(id);
  };
  await Promise.all([0, 1, 2, 2].map(resolve));
  console.log(schedule, JSON.stringify(sent));
}`,
      output: 'nextTick [[0,1,2]]\nmicrotask [[0],[1],[2]]',
      explain:
        'process.nextTick runs after the whole microtask queue drains, so every load issued after any chain of settled awaits joins one batch (what DataLoader does). A batch closed one microtask after its first load is gone before a caller one await deeper arrives, so each depth opens its own batch: three queries. The repeated key 2 is sent once.',
      see: { section: 'batcher', file: 'src/batcher.ts' },
    },
    {
      id: 'stampede-single-flight',
      prompt:
        'Five requests miss the same cold key at once. How many origin calls, without and with single-flight?',
      code: `import { CacheAside } from './src/cache-aside.ts';
import { memoryStore } from './src/cache-store.ts';

for (const singleFlight of [false, true]) {
  let calls = 0;
  const cache = new CacheAside({
    store: memoryStore<string>(),
    ttlMs: 60_000,
    singleFlight,
    load: async () => \`page \${++calls}\`,
  });
  const pages = await Promise.all(Array.from({ length: 5 }, () => cache.get('home')));
  await cache.get('home');
  console.log(singleFlight, calls, pages.at(-1), cache.stats.hits);
}`,
      output: 'false 5 page 5 1\ntrue 1 page 1 1',
      explain:
        'All five read the store before any load has finished, so all five miss; without single-flight each one calls the origin (a stampede). With it, the first miss starts the load and the other four await the same promise. Only the sixth get, after the value is stored, is a hit.',
      see: { section: 'stampede', file: 'src/single-flight.ts' },
    },
    {
      id: 'memory-store-shares',
      prompt:
        'A handler mutates the object it got from the in-process cache. What does the next request read?',
      code: `import { memoryStore } from './src/cache-store.ts';

const store = memoryStore<{ name: string; tags: string[] }>();
await store.set('user:1', { name: 'Ada', tags: ['admin'] }, 60_000);

const forRequestA = await store.get('user:1');
forRequestA?.tags.push('viewed-by-a');

const forRequestB = await store.get('user:1');
console.log(forRequestB?.tags.join(','));
console.log(forRequestA === forRequestB);`,
      output: 'admin,viewed-by-a\ntrue',
      explain:
        'An in-process hit hands back the very object stored: no copy and no JSON.parse, which is why it is fast and why one request can corrupt what the next one reads. A Redis store would have returned a fresh parse each time. Freeze cached values or never mutate them.',
      see: { section: 'hit-cost', file: 'src/cache-store.ts' },
    },
  ],
});
