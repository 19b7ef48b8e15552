import { z } from 'zod';
import { safeText } from './text.ts';

export const ORDER_STATUSES = ['placed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const MAX_LINES = 50;
export const MAX_QUANTITY = 1_000;
/** Money is integer cents everywhere: 0.1 + 0.2 !== 0.3 in floating point, 10 + 20 === 30 in cents. */
export const MAX_UNIT_PRICE_CENTS = 1_000_000;
/** Fits PostgreSQL's 4-byte integer column with room to spare. */
export const MAX_ORDER_TOTAL_CENTS = 100_000_000;

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

export interface Order {
  id: number;
  userId: number;
  status: OrderStatus;
  totalCents: number;
  lines: OrderLine[];
  createdAt: Date;
}

const cents = (max: number) => z.number().int().min(0).max(max);

export const NewOrderLine = z.strictObject({
  sku: safeText(32).regex(/^[A-Z0-9][A-Z0-9-]*$/, 'must be upper-case letters, digits and dashes'),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitPriceCents: cents(MAX_UNIT_PRICE_CENTS),
});

/** What placing an order accepts (the user comes from the URL, not the body). */
export const NewOrder = z
  .strictObject({ lines: z.array(NewOrderLine).min(1).max(MAX_LINES) })
  .refine((order) => orderTotalCents(order.lines) <= MAX_ORDER_TOTAL_CENTS, {
    message: `the order total must not exceed ${MAX_ORDER_TOTAL_CENTS} cents`,
    path: ['lines'],
  });
export type NewOrder = z.infer<typeof NewOrder>;

/** The sum of quantity × unit price; exact, because every term is an integer far below 2^53. */
export function orderTotalCents(lines: readonly OrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
}
