import type { Order, OrderLine, OrderStatus } from '../models/order.ts';
import { translated } from './_pg-errors.ts';
import type { Queryable } from './queryable.ts';
import type { NewOrderRow, OrderRepository } from './types.ts';

interface OrderRow {
  id: number;
  user_id: number;
  status: OrderStatus;
  total_cents: number;
  created_at: Date;
  lines: OrderLine[];
}

// Each order with its lines in ONE query (a correlated json_agg): listing 50 orders is 1 round trip, not 51.
const SELECT_ORDERS = `
  SELECT o.id, o.user_id, o.status, o.total_cents, o.created_at,
         COALESCE((SELECT json_agg(json_build_object(
                     'sku', l.sku, 'quantity', l.quantity, 'unitPriceCents', l.unit_price_cents)
                   ORDER BY l.line_no)
                   FROM order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines
  FROM orders o`;

const toOrder = (row: OrderRow): Order => ({
  id: row.id,
  userId: row.user_id,
  status: row.status,
  totalCents: row.total_cents,
  lines: row.lines,
  createdAt: row.created_at,
});

/** Orders and their lines in PostgreSQL. */
export class PgOrderRepository implements OrderRepository {
  constructor(private readonly db: Queryable) {}

  insert(order: NewOrderRow): Promise<Order> {
    return translated(async () => {
      const { rows } = await this.db.query<{ id: number }>(
        `INSERT INTO orders (user_id, status, total_cents) VALUES ($1, 'placed', $2) RETURNING id`,
        [order.userId, order.totalCents],
      );
      const id = (rows[0] as { id: number }).id;
      await this.db.query(
        `INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price_cents)
         SELECT $1, t.n, t.sku, t.quantity, t.price
         FROM unnest($2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS t(sku, quantity, price, n)`,
        [
          id,
          order.lines.map((l) => l.sku),
          order.lines.map((l) => l.quantity),
          order.lines.map((l) => l.unitPriceCents),
        ],
      );
      return (await this.findById(id)) as Order;
    });
  }

  findById(id: number): Promise<Order | undefined> {
    return translated(async () => {
      const { rows } = await this.db.query<OrderRow>(`${SELECT_ORDERS} WHERE o.id = $1`, [id]);
      return rows[0] && toOrder(rows[0]);
    });
  }

  listByUser(userId: number): Promise<Order[]> {
    return translated(async () => {
      const { rows } = await this.db.query<OrderRow>(
        `${SELECT_ORDERS} WHERE o.user_id = $1 ORDER BY o.id DESC`,
        [userId],
      );
      return rows.map(toOrder);
    });
  }

  updateStatus(id: number, from: OrderStatus, to: OrderStatus): Promise<Order | undefined> {
    return translated(async () => {
      const { rowCount } = await this.db.query(
        'UPDATE orders SET status = $3 WHERE id = $1 AND status = $2',
        [id, from, to],
      );
      return rowCount === 1 ? this.findById(id) : undefined;
    });
  }
}
