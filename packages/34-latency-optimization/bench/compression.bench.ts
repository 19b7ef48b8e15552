import { interleaved, measureBench } from '@lab/common/bench';
import { postgres, resetSchema } from '@lab/common/services';
import { compress } from '../src/compression.ts';
import { createProducts, listProducts } from '../src/products.ts';

const SCHEMA = 'lat34_bench_compression';
const PRODUCTS = 200;

/** The body `GET /products` sends: 200 products as JSON, read from PostgreSQL. */
async function productListJson(): Promise<string> {
  const pool = await postgres({ schema: SCHEMA, max: 1 });
  await resetSchema(pool, SCHEMA);
  try {
    await createProducts(pool, PRODUCTS);
    return JSON.stringify(await listProducts(pool, PRODUCTS));
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  }
}

const contenders = {
  'identity (no compression)': (body: string) => compress(body, 'identity'),
  'gzip (level 6)': (body: string) => compress(body, 'gzip'),
  'brotli (quality 6, ours)': (body: string) => compress(body, 'br'),
  'brotli (quality 11, zlib default)': (body: string) => compress(body, 'br', { brotliQuality: 11 }),
};

export default [
  measureBench({
    title: `Response size: ${PRODUCTS} products as JSON`,
    baseline: 'identity (no compression)',
    unit: 'bytes',
    better: 'lower',
    measure: async () => {
      const body = await productListJson();
      const sizes: Record<string, number> = {};
      for (const [name, run] of Object.entries(contenders)) sizes[name] = (await run(body)).length;
      return sizes;
    },
    claims: [
      {
        says: 'gzip makes the JSON list at least 50% smaller',
        subject: 'gzip (level 6)',
        below: 0.5,
        seed: 'Response compression (gzip): "50-80% smaller payloads"',
      },
      {
        says: 'brotli at quality 6 is smaller than gzip level 6',
        subject: 'brotli (quality 6, ours)',
        against: 'gzip (level 6)',
        below: 1,
      },
      {
        says: 'brotli at quality 11 is less than 20% smaller than quality 6',
        subject: 'brotli (quality 11, zlib default)',
        against: 'brotli (quality 6, ours)',
        above: 0.8,
      },
    ],
  }),
  measureBench({
    title: `Compression time for the same body (async zlib on the libuv pool)`,
    baseline: 'gzip (level 6)',
    unit: 'ms',
    better: 'lower',
    measure: async ({ smoke }) => {
      const body = await productListJson();
      const { 'identity (no compression)': _identity, ...compressors } = contenders;
      const tasks = Object.fromEntries(
        Object.entries(compressors).map(([name, run]) => [name, () => run(body)]),
      );
      return interleaved(tasks, { rounds: smoke ? 2 : 30, warmupRounds: smoke ? 1 : 3 });
    },
    claims: [
      {
        says: 'brotli at quality 6 costs the same order of time as gzip level 6 (under 3×)',
        subject: 'brotli (quality 6, ours)',
        below: 3,
      },
      {
        says: "brotli at quality 11 (zlib's default) takes at least 20× the time of quality 6",
        subject: 'brotli (quality 11, zlib default)',
        against: 'brotli (quality 6, ours)',
        above: 20,
      },
    ],
  }),
];
