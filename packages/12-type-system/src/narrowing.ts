/**
 * Unions and narrowing: Python's `X | Y` with `isinstance` checks, except that TypeScript narrows on
 * `typeof`, `instanceof`, `in`, equality and — most useful in practice — a discriminant field.
 */

/** A discriminated union: `kind` is a literal type in each member, so checking it narrows to one member. */
export type Shape =
  | { kind: 'circle'; radius: number }
  | { kind: 'rect'; width: number; height: number }
  | { kind: 'triangle'; base: number; height: number };

/**
 * Fails for a value the types say cannot exist. At compile time the parameter is `never`, so adding a
 * member to a union turns every switch that forgot it into an error; at run time it still throws, because
 * data from outside (JSON, an older client) can carry a `kind` the types never heard of.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new TypeError(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Area of a shape; each `case` sees only the fields of its own member. */
export function area(shape: Shape): number {
  switch (shape.kind) {
    case 'circle':
      return Math.PI * shape.radius ** 2;
    case 'rect':
      return shape.width * shape.height;
    case 'triangle':
      return (shape.base * shape.height) / 2;
    default:
      return assertNever(shape, 'shape kind');
  }
}

/** Python's `def describe(v: str | int | datetime | None)`: each branch narrows `value` further. */
export function describe(value: string | number | Date | null | undefined): string {
  if (value == null) return 'nothing';
  if (typeof value === 'string') return `text of ${value.length} characters`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
  // Only Date is left: the checker knows it without a third test.
  return `date ${value.toISOString().slice(0, 10)}`;
}

export interface User {
  id: number;
  name: string;
  email: string | null;
}

/** `find_user(id) -> User | None`: the `undefined` in the return type forces every caller to handle a miss. */
export function findUser(users: readonly User[], id: number): User | undefined {
  return users.find((user) => user.id === id);
}

/** A caller that must narrow before it may read `.name` (strict null checks). */
export function greeting(users: readonly User[], id: number): string {
  const user = findUser(users, id);
  if (!user) return `no user ${id}`;
  return `hello, ${user.name}`;
}
