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

  it.each([
    ['=', 1200, [1]],
    ['<>', 1200, [2, 3, 4, 6]],
    ['<', 1200, [2, 6]],
    ['<=', 1200, [1, 2, 6]],
    ['>', 1200, [3, 4]],
    ['>=', 1200, [1, 3, 4]],
  ] as const)(
    'every comparison is accepted and means what it says in PostgreSQL: price %s %i',
    async (op, cents, expected) => {
      const query = products.where('active', '=', true).where('price_cents', op, cents).orderBy('id').build();
      expect(query.text).toContain(`"price_cents" ${op} $2`);
      expect(await ids(query)).toEqual(expected);
    },
  );

  it('ilike is written in upper case and matches case-insensitively', async () => {
    const query = products.where('name', 'ilike', '%MUG%').build();
    expect(query.text).toBe(
      'SELECT "id", "name", "category", "price_cents", "active" FROM "products" WHERE "name" ILIKE $1',
    );
    expect(await ids(query)).toEqual([5]);
  });

  it('orders by several columns, in the order given', async () => {
    const query = products.orderBy('category', 'desc').orderBy('price_cents').build();
    expect(query.text).toMatch(/ ORDER BY "category" DESC, "price_cents" ASC$/);
    expect(await ids(query)).toEqual([6, 5, 3, 2, 1, 4]);
  });

  it('identifiers with a double quote are escaped by doubling it', () => {
    expect(SelectBuilder.from('odd"table', ['a"b'] as const).build().text).toBe(
      'SELECT "a""b" FROM "odd""table"',
    );
  });

  it('each refusal names the field and the problem', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof InvalidInputError) return { field: error.field, problem: error.problem };
        throw error;
      }
      throw new Error('expected an InvalidInputError');
    };
    expect(refusal(() => products.where('id', 'LIKE' as '=', 1))).toEqual({
      field: 'op',
      problem: 'unknown-value',
    });
    expect(refusal(() => products.where('price_cents', '>', Number.NaN))).toEqual({
      field: 'price_cents',
      problem: 'out-of-range',
    });
    expect(refusal(() => products.orderBy('id', 'up' as 'asc'))).toEqual({
      field: 'direction',
      problem: 'unknown-value',
    });
    expect(refusal(() => products.limit(0))).toEqual({ field: 'limit', problem: 'out-of-range' });
    expect(refusal(() => products.select('nope' as 'id'))).toEqual({
      field: 'column',
      problem: 'unknown-value',
    });
    expect(refusal(() => products.orderBy('x'.repeat(64) as 'id'))).toEqual({
      field: 'column',
      problem: 'too-long',
    });
    expect(() => products.limit(MAX_LIMIT + 1)).toThrow('limit: must be an integer from 1 to 1000');
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
    expect(productSearchQuery()).toEqual({
      text: 'SELECT "id", "name", "category", "price_cents", "active" FROM "products" WHERE "active" = $1 ORDER BY "id" ASC LIMIT 20',
      values: [true],
    });
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
    expect(await ids(productSearchQuery({ maxPriceCents: 999 }))).toEqual([2, 6]);
    expect(await ids(productSearchQuery({ category: 'kit' }))).toEqual([3]);
    expect(await ids(productSearchQuery({ nameContains: 'GRIND' }))).toEqual([3]);
  });

  it('LIKE wildcards in the search text are matched literally', async () => {
    expect(await ids(productSearchQuery({ nameContains: '100%' }))).toEqual([4]);
    expect(await ids(productSearchQuery({ nameContains: '%' }))).toEqual([4]);
    expect(await ids(productSearchQuery({ nameContains: '_' }))).toEqual([]);
    expect(productSearchQuery({ nameContains: 'a_b\\c' }).values).toEqual([true, '%a\\_b\\\\c%']);
  });
});
