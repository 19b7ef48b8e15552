import { resetSchema } from '@lab/common/services';
import { testPostgres, testSchema } from '@lab/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/_text.ts';
import { MAX_LIMIT, PRODUCT_COLUMNS, productSearchQuery, SelectBuilder } from '../src/builder.ts';

const SCHEMA = testSchema(import.meta.url);
let pool: Awaited<ReturnType<typeof testPostgres>>;

beforeAll(async () => {
  pool = await testPostgres(import.meta.url, { max: 2 });
  await resetSchema(pool, SCHEMA);
  await pool.query(`CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, category text, price_cents int NOT NULL, active boolean NOT NULL);
    INSERT INTO products VALUES
      (1, 'Espresso beans', 'coffee', 1200, true),
      (2, 'Filter papers', 'coffee', 300, true),
      (3, 'Grinder', 'kit', 8900, true),
      (4, '100% Arabica', 'coffee', 1500, true),
      (5, 'Old mug', 'kit', 500, false),
      (6, 'Mystery box', NULL, 999, true)`);
});
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
});

const products = SelectBuilder.from('products', PRODUCT_COLUMNS);
const ids = async (query: { text: string; values: unknown[] }) =>
  (await pool.query<{ id: number }>(query.text, query.values)).rows.map((r) => r.id);

describe('builder: an immutable fluent SELECT', () => {
  it('builds parameterised SQL with quoted identifiers', () => {
    expect(
      products
        .select('id', 'name')
        .where('category', '=', 'coffee')
        .where('price_cents', '<', 1300)
        .orderBy('price_cents', 'desc')
        .limit(5)
        .build(),
    ).toEqual({
      text: 'SELECT "id", "name" FROM "products" WHERE "category" = $1 AND "price_cents" < $2 ORDER BY "price_cents" DESC LIMIT 5',
      values: ['coffee', 1300],
    });
    expect(products.build().text).toBe(
      'SELECT "id", "name", "category", "price_cents", "active" FROM "products"',
    );
  });

  it('null compares with IS NULL / IS NOT NULL, not = (which is never true in SQL)', async () => {
    expect(await ids(products.where('category', '=', null).build())).toEqual([6]);
    expect(await ids(products.where('category', '<>', null).orderBy('id').build())).toEqual([1, 2, 3, 4, 5]);
  });

  it("every step returns a new builder: a shared base query never picks up another caller's filter", async () => {
    const active = products.where('active', '=', true);
    const coffee = active.where('category', '=', 'coffee');
    const kit = active.where('category', '=', 'kit');
    expect(await ids(coffee.orderBy('id').build())).toEqual([1, 2, 4]);
    expect(await ids(kit.build())).toEqual([3]);
    expect(active.build().values).toEqual([true]);
  });

  it('a value is always a parameter: an injection attempt is just a name nobody has', async () => {
    const attack = "x' OR '1'='1'; DROP TABLE products; --";
    expect(await ids(products.where('name', '=', attack).build())).toEqual([]);
    expect((await pool.query('SELECT count(*)::int AS n FROM products')).rows[0]).toEqual({ n: 6 });
  });

  it('a column name from outside is checked at run time, whatever its static type claimed', () => {
    const fromQueryString = 'price_cents; DROP TABLE products' as (typeof PRODUCT_COLUMNS)[number];
    expect(() => products.orderBy(fromQueryString)).toThrow(
      "column: unknown column 'price_cents; DROP TABLE products'",
    );
    expect(() => products.orderBy('id', 'sideways' as 'asc')).toThrow("direction: must be 'asc' or 'desc'");
    expect(() => products.where('id', 'LIKE' as '=', 1)).toThrow("op: unknown comparison 'LIKE'");
    expect(() => products.orderBy('x\u0000' as 'id')).toThrow('column: must not contain NUL');
  });

  it('limit accepts 1 to MAX_LIMIT integers only', () => {
    expect(products.limit(1).build().text).toMatch(/LIMIT 1$/);
    expect(products.limit(MAX_LIMIT).build().text).toMatch(/LIMIT 1000$/);
    for (const bad of [0, -1, MAX_LIMIT + 1, 2.5, Number.NaN])
      expect(() => products.limit(bad)).toThrow(InvalidInputError);
  });

  it('PostgreSQL refuses NUL in text with SQLSTATE 22021, so the builder refuses it before the query', async () => {
    await expect(pool.query('SELECT $1::text', ['a\u0000b'])).rejects.toMatchObject({ code: '22021' });
    expect(() => products.where('name', '=', 'a\u0000b')).toThrow('name: must not contain NUL');
    expect(() => products.where('name', '=', '\ud800')).toThrow('name: must be well-formed UTF-16');
    expect(() => products.where('name', '=', 'x'.repeat(10_001))).toThrow(
      'name: must be at most 10000 characters',
    );
    expect(() => products.where('price_cents', '<', Number.POSITIVE_INFINITY)).toThrow(
      'price_cents: must be a finite number',
    );
  });
});

describe('the options-object alternative', () => {
  it('defaults: active products, by id, 20 at most', async () => {
    expect(productSearchQuery().values).toEqual([true]);
    expect(await ids(productSearchQuery())).toEqual([1, 2, 3, 4, 6]);
  });

  it('each option adds its filter, sort and limit', async () => {
    expect(
      await ids(
        productSearchQuery({
          category: 'coffee',
          maxPriceCents: 1500,
          sort: 'price_cents',
          descending: true,
        }),
      ),
    ).toEqual([4, 1, 2]);
    expect(await ids(productSearchQuery({ limit: 2 }))).toEqual([1, 2]);
    expect(await ids(productSearchQuery({ nameContains: 'GRIND' }))).toEqual([3]);
  });

  it('LIKE wildcards in the search text are matched literally', async () => {
    expect(await ids(productSearchQuery({ nameContains: '100%' }))).toEqual([4]);
    expect(await ids(productSearchQuery({ nameContains: '%' }))).toEqual([4]);
    expect(await ids(productSearchQuery({ nameContains: '_' }))).toEqual([]);
    expect(productSearchQuery({ nameContains: 'a_b\\c' }).values).toEqual([true, '%a\\_b\\\\c%']);
  });
});
