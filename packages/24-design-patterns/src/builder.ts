import { checkedText, InvalidInputError } from './_text.ts';

export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'ilike';
export type SqlValue = string | number | boolean | null;

/** What `build()` returns: text with $n placeholders and the values, as `pg`'s `query(text, values)` takes. */
export interface BuiltQuery {
  text: string;
  values: SqlValue[];
}

interface State<C extends string> {
  readonly table: string;
  readonly columns: readonly C[];
  readonly selected: readonly C[];
  readonly where: readonly { column: C; op: Comparison; value: SqlValue }[];
  readonly order: readonly { column: C; direction: 'asc' | 'desc' }[];
  readonly limit: number | undefined;
}

const OPS: readonly Comparison[] = ['=', '<>', '<', '<=', '>', '>=', 'ilike'];
export const MAX_LIMIT = 1_000;
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * An immutable fluent builder for one SELECT. Immutable on purpose: every step returns a new builder, so a
 * base query shared between requests (`const active = products.where('active', '=', true)`) can never pick
 * up another request's filters — the classic bug of a mutable builder held in a module variable.
 * Column names are checked against the table's list at run time too, because an `orderBy` usually comes
 * from a query string, where the compile-time type of `C` means nothing. Values are always parameters.
 */
export class SelectBuilder<C extends string> {
  private constructor(private readonly state: State<C>) {}

  static from<C extends string>(table: string, columns: readonly C[]): SelectBuilder<C> {
    return new SelectBuilder({ table, columns, selected: [], where: [], order: [], limit: undefined });
  }

  select(...columns: C[]): SelectBuilder<C> {
    return this.with({ selected: [...this.state.selected, ...columns.map((c) => this.column(c))] });
  }

  where(column: C, op: Comparison, value: SqlValue): SelectBuilder<C> {
    if (!OPS.includes(op))
      throw new InvalidInputError('op', 'unknown-value', `unknown comparison '${String(op)}'`);
    if (typeof value === 'string') checkedText(column, value, 10_000);
    else if (typeof value === 'number' && !Number.isFinite(value))
      throw new InvalidInputError(column, 'out-of-range', 'must be a finite number');
    return this.with({ where: [...this.state.where, { column: this.column(column), op, value }] });
  }

  orderBy(column: C, direction: 'asc' | 'desc' = 'asc'): SelectBuilder<C> {
    if (direction !== 'asc' && direction !== 'desc')
      throw new InvalidInputError('direction', 'unknown-value', "must be 'asc' or 'desc'");
    return this.with({ order: [...this.state.order, { column: this.column(column), direction }] });
  }

  limit(n: number): SelectBuilder<C> {
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
      throw new InvalidInputError('limit', 'out-of-range', `must be an integer from 1 to ${MAX_LIMIT}`);
    return this.with({ limit: n });
  }

  build(): BuiltQuery {
    const { table, columns, selected, where, order, limit } = this.state;
    const values: SqlValue[] = [];
    const parts = [
      `SELECT ${(selected.length ? selected : columns).map(quote).join(', ')} FROM ${quote(table)}`,
    ];
    if (where.length) {
      const conditions = where.map(({ column, op, value }) => {
        if (value === null) return `${quote(column)} IS ${op === '<>' ? 'NOT ' : ''}NULL`;
        values.push(value);
        return `${quote(column)} ${op.toUpperCase()} $${values.length}`;
      });
      parts.push(`WHERE ${conditions.join(' AND ')}`);
    }
    if (order.length)
      parts.push(
        `ORDER BY ${order.map((o) => `${quote(o.column)} ${o.direction.toUpperCase()}`).join(', ')}`,
      );
    if (limit !== undefined) parts.push(`LIMIT ${limit}`);
    return { text: parts.join(' '), values };
  }

  private column(name: string): C {
    if (!(this.state.columns as readonly string[]).includes(name))
      throw new InvalidInputError(
        'column',
        'unknown-value',
        `unknown column '${checkedText('column', name, 63)}'`,
      );
    return name as C;
  }

  private with(change: Partial<State<C>>): SelectBuilder<C> {
    return new SelectBuilder({ ...this.state, ...change });
  }
}

export const PRODUCT_COLUMNS = ['id', 'name', 'category', 'price_cents', 'active'] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

/** The TS alternative to a builder when every option is known up front: one options object with defaults. */
export interface ProductSearch {
  category?: string;
  maxPriceCents?: number;
  nameContains?: string;
  sort?: ProductColumn;
  descending?: boolean;
  limit?: number;
}

/** An options object in, a query out: the builder does the work, the caller sees one typed call. */
export function productSearchQuery(options: ProductSearch = {}): BuiltQuery {
  const { category, maxPriceCents, nameContains, sort = 'id', descending = false, limit = 20 } = options;
  let query = SelectBuilder.from('products', PRODUCT_COLUMNS).where('active', '=', true);
  if (category !== undefined) query = query.where('category', '=', category);
  if (maxPriceCents !== undefined) query = query.where('price_cents', '<=', maxPriceCents);
  // Escape LIKE's own wildcards so a search for "100%" matches that text, not everything after "100".
  if (nameContains !== undefined)
    query = query.where('name', 'ilike', `%${nameContains.replace(/[\\%_]/g, '\\$&')}%`);
  return query
    .orderBy(sort, descending ? 'desc' : 'asc')
    .limit(limit)
    .build();
}
