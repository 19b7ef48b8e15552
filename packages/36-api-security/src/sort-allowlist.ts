/**
 * ORDER BY from a query string. Placeholders ($1) carry values, never identifiers or keywords, so a sort
 * column cannot be a parameter: `ORDER BY $1` sorts by a constant. The fix is a fixed map from the names
 * the API documents to the columns they mean; the client's text is only ever a key into it.
 */
import pg from 'pg';

export interface SortChoice<Name extends string> {
  name: Name;
  direction: 'ASC' | 'DESC';
  /** Ready to splice after ORDER BY: quoted column, direction, and the tie-breaker. */
  orderBy: string;
}

export type SortParse<Name extends string> =
  | { ok: true; sort: SortChoice<Name> }
  | { ok: false; detail: string; allowed: readonly string[] };

export interface SortAllowlist<Name extends string> {
  /** The names a client may send, each optionally prefixed with `-` for descending. */
  readonly names: readonly Name[];
  /** `?sort=` as Express hands it over (a string, an array when repeated, or undefined). */
  parse(raw: unknown): SortParse<Name>;
}

/**
 * `sortAllowlist({ name: 'display_name', joined: 'created_at' }, { fallback: 'joined', tieBreaker: 'id' })`.
 * Column names are the code's own constants; they are quoted once here, never built from input.
 */
export function sortAllowlist<Name extends string>(
  columns: Readonly<Record<Name, string>>,
  options: { fallback: NoInfer<Name>; tieBreaker: string },
): SortAllowlist<Name> {
  const names = Object.keys(columns) as Name[];
  const quoted = new Map<string, string>(names.map((name) => [name, pg.escapeIdentifier(columns[name])]));
  // A unique column last makes the order total, so LIMIT/OFFSET pages never repeat or skip a row.
  const tie = pg.escapeIdentifier(options.tieBreaker);
  const choose = (name: Name, direction: 'ASC' | 'DESC'): SortChoice<Name> => ({
    name,
    direction,
    orderBy: `${quoted.get(name)} ${direction}, ${tie} ${direction}`,
  });
  const allowed = names.flatMap((name) => [name, `-${name}`]);
  return {
    names,
    parse(raw) {
      if (raw === undefined || raw === '') return { ok: true, sort: choose(options.fallback, 'ASC') };
      const refuse = (detail: string) => ({ ok: false as const, detail, allowed });
      if (typeof raw !== 'string') return refuse('sort must be given once, as one name');
      const descending = raw.startsWith('-');
      const name = descending ? raw.slice(1) : raw;
      // Map.has, not `name in columns`: "constructor" and "__proto__" are "in" every object literal.
      if (!quoted.has(name))
        return refuse(`cannot sort by ${JSON.stringify(raw.slice(0, 40))}; use one of ${allowed.join(', ')}`);
      return { ok: true, sort: choose(name as Name, descending ? 'DESC' : 'ASC') };
    },
  };
}

/**
 * THE FALLBACK, NOT THE FIX: quoting the client's text as an identifier. It stops injection (a `"` is
 * doubled), but the client still picks any column — including ones it must never see, like
 * password_hash — and the order of the rows it gets back leaks that column one comparison at a time.
 */
export const escapedOrderBy = (raw: string): string => `${pg.escapeIdentifier(raw)} ASC`;
