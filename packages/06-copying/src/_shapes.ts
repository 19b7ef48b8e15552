/** The data shapes the copy benchmarks copy: each a plain JSON-safe value, so every method can copy it. */

/** One small flat record: eight primitive fields. */
export const flatSmall = () => ({
  id: 42,
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  active: true,
  score: 97.5,
  plan: 'pro',
  createdAt: '2024-01-01T00:00:00.000Z',
  logins: 1_234,
});

/** An order: a customer with an address, 20 line items each with a nested product and dimensions. */
export const nestedOrder = () => ({
  id: 'ord_1',
  customer: { id: 7, name: 'Ada', address: { street: '1 Loop Rd', city: 'London', zip: 'N1' } },
  items: Array.from({ length: 20 }, (_, i) => ({
    sku: `sku-${i}`,
    quantity: (i % 3) + 1,
    product: { title: `Product ${i}`, price: 9.99 + i, dims: { w: i, h: i * 2, d: 3 }, tags: ['a', 'b'] },
  })),
  totals: { net: 100, tax: 20, gross: 120 },
});

/** A wide array of 10,000 numbers. */
export const wideNumbers = () => Array.from({ length: 10_000 }, (_, i) => i * 1.5);

/** A wide array of `count` small records (1,000 by default). */
export const wideRecords = (count = 1_000) =>
  Array.from({ length: count }, (_, i) => ({ id: i, name: `user${i}`, active: i % 2 === 0, score: i / 3 }));
