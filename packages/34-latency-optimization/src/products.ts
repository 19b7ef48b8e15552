import type pg from 'pg';

export interface Product {
  id: number;
  sku: string;
  name: string;
  description: string;
  priceCents: number;
  tags: string[];
  imageUrl: string;
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  description: string;
  price_cents: number;
  tags: string[];
  image_url: string;
}

const COLUMNS = 'id, sku, name, description, price_cents, tags, image_url';
const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  sku: r.sku,
  name: r.name,
  description: r.description,
  priceCents: r.price_cents,
  tags: r.tags,
  imageUrl: r.image_url,
});

/**
 * A `products` table with `count` rows of catalogue-like data: repeated keys and a limited vocabulary, as
 * in real JSON APIs, plus hashes (image URLs) that do not compress, so the measured ratio is not flattering.
 */
export async function createProducts(pool: pg.Pool, count: number): Promise<void> {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be an integer ≥ 0, got ${count}`);
  await pool.query(`
    DROP TABLE IF EXISTS products;
    CREATE TABLE products (
      id integer PRIMARY KEY,
      sku text NOT NULL,
      name text NOT NULL,
      description text NOT NULL,
      price_cents integer NOT NULL CHECK (price_cents >= 0),
      tags text[] NOT NULL,
      image_url text NOT NULL
    )`);
  await pool.query(
    `WITH words AS (
       SELECT ARRAY['solid', 'walnut', 'oak', 'steel', 'frame', 'linen', 'wool', 'handmade', 'finish', 'matte',
                    'drawer', 'cushion', 'recycled', 'compact', 'adjustable', 'height', 'warm', 'light', 'stain',
                    'resistant', 'durable', 'modern', 'classic', 'legs', 'brass', 'seat', 'storage', 'easy',
                    'assembly', 'natural', 'oil', 'coated', 'rounded', 'edges', 'stackable', 'foldable'] AS w
     )
     INSERT INTO products (id, sku, name, description, price_cents, tags, image_url)
     SELECT i,
            'SKU-' || lpad(i::text, 6, '0'),
            initcap(w[1 + (i * 7) % 36]) || ' ' ||
              (ARRAY['desk', 'chair', 'lamp', 'shelf', 'rug', 'sofa', 'table', 'bench'])[1 + i % 8] || ' ' || i,
            (SELECT string_agg(w[1 + ((i * 31 + k * 17 + k * k * i) % 36)], ' ')
               FROM generate_series(1, 12 + i % 15) AS k) || '.',
            500 + (i * 7919) % 99500,
            ARRAY[(ARRAY['home', 'office', 'outdoor', 'kids'])[1 + i % 4],
                  (ARRAY['new', 'sale', 'classic', 'limited', 'eco'])[1 + (i * 3) % 5]],
            'https://cdn.example.test/p/' || md5('product-' || i) || '.webp'
     FROM words, generate_series(1, $1::int) AS i`,
    [count],
  );
}
export async function getProduct(pool: pg.Pool, id: number): Promise<Product | null> {
  const { rows } = await pool.query<ProductRow>(`SELECT ${COLUMNS} FROM products WHERE id = $1`, [id]);
  return rows[0] ? toProduct(rows[0]) : null;
}

export async function listProducts(pool: pg.Pool, limit: number): Promise<Product[]> {
  const { rows } = await pool.query<ProductRow>(`SELECT ${COLUMNS} FROM products ORDER BY id LIMIT $1`, [
    limit,
  ]);
  return rows.map(toProduct);
}

/** The updated product, or `null` when there is no such id. */
export async function updateProductPrice(
  pool: pg.Pool,
  id: number,
  priceCents: number,
): Promise<Product | null> {
  const { rows } = await pool.query<ProductRow>(
    `UPDATE products SET price_cents = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, priceCents],
  );
  return rows[0] ? toProduct(rows[0]) : null;
}
