/**
 * Type-level tests. `pnpm typecheck` compiles this file: every `expectTypeOf` must hold, and every
 * `@ts-expect-error` must still be an error (tsc reports an unused one). At run time each refused line is
 * executed anyway, and the test asserts what happens — the point being that only the compiler refused it.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Celsius,
  cancelOrder,
  compact,
  type Drawable,
  type EntityEvent,
  type Fahrenheit,
  groupBy,
  longest,
  type Mode,
  type OrderId,
  openFlag,
  orderId,
  ROUTES,
  ROUTES_ANNOTATED,
  render,
  routeLine,
  type Shape,
  type Signup,
  type SignupInput,
  SignupSchema,
  Stack,
  toKelvin,
  type UserId,
  type UserPatch,
  type UserRecord,
  userId,
} from '../src/index.ts';

describe('generics', () => {
  it('a Stack<number> refuses a string at compile time, and stores it anyway at run time', () => {
    const stack = new Stack<number>().push(1);
    expectTypeOf(stack.pop).returns.toEqualTypeOf<number>();
    expectTypeOf(stack.peek).returns.toEqualTypeOf<number | undefined>();
    // @ts-expect-error Argument of type 'string' is not assignable to parameter of type 'number'.
    stack.push('two');
    expect(stack.pop()).toBe('two');
  });

  it('longest keeps the caller’s type; groupBy infers both parameters', () => {
    expectTypeOf(longest(['a', 'bcd'])).toEqualTypeOf<string | undefined>();
    expectTypeOf(longest([[1], [2, 3]])).toEqualTypeOf<number[] | undefined>();
    // @ts-expect-error a number has no length: it does not satisfy the constraint. At run time every
    // `undefined > undefined` comparison is false, so the first item comes back without complaint.
    expect(longest([1, 22, 333])).toBe(1);
    const byParity = groupBy([1, 2, 3], (n) => (n % 2 === 0 ? 'even' : 'odd'));
    expectTypeOf(byParity).toEqualTypeOf<Map<'even' | 'odd', number[]>>();
  });
});

describe('unions and narrowing', () => {
  it('a discriminant narrows; a member without its fields does not compile', () => {
    const shape = { kind: 'circle', radius: 1 } as Shape;
    if (shape.kind === 'rect')
      expectTypeOf(shape).toEqualTypeOf<{ kind: 'rect'; width: number; height: number }>();
    // @ts-expect-error 'radius' does not exist on the rect member.
    const wrong: Shape = { kind: 'rect', radius: 2 };
    expect(wrong.kind).toBe('rect');
  });
});

describe('structural typing (Protocol)', () => {
  it('a plain object with draw() is a Drawable; one without is refused', () => {
    expectTypeOf({ draw: () => 'x' }).toExtend<Drawable>();
    expectTypeOf({ paint: () => 'x' }).not.toExtend<Drawable>();
    // @ts-expect-error Property 'draw' is missing: refused at compile time, a TypeError at run time.
    expect(() => render([{ paint: () => 'x' }])).toThrow(TypeError);
  });

  it('same shape, same type: a Fahrenheit reading is accepted where Celsius is asked', () => {
    expectTypeOf<Fahrenheit>().toEqualTypeOf<Celsius>();
    const hot: Fahrenheit = { degrees: 212 };
    expect(toKelvin(hot)).toBeCloseTo(485.15);
  });

  it('a fresh literal with an extra key is refused (excess property check); the same object via a variable is not', () => {
    // @ts-expect-error Object literal may only specify known properties.
    const literal: Celsius = { degrees: 1, unit: 'C' };
    const reading = { degrees: 1, unit: 'C' };
    const viaVariable: Celsius = reading;
    expect(Object.keys(literal)).toEqual(Object.keys(viaVariable));
  });
});

describe('records (TypedDict) and literal types', () => {
  it('derived record types follow the original', () => {
    expectTypeOf<UserPatch['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<UserRecord>().toHaveProperty('nickname');
    // @ts-expect-error 'email' is missing: a TypedDict's required key is required.
    const partial: UserRecord = { name: 'a', age: 1 };
    expect('email' in partial).toBe(false);
  });

  it('a literal union refuses other strings; template literals compute the combinations', () => {
    expectTypeOf<Mode>().toEqualTypeOf<'read' | 'write' | 'append'>();
    expectTypeOf<EntityEvent>().toEqualTypeOf<
      'user.created' | 'user.deleted' | 'order.created' | 'order.deleted'
    >();
    // @ts-expect-error '"readwrite"' is not assignable to parameter of type 'Mode'.
    expect(openFlag('readwrite')).toBe(undefined);
  });

  it('compact is a type guard: nulls are gone from the type and from the array', () => {
    const values = compact(['a', null, 'b', undefined]);
    expectTypeOf(values).toEqualTypeOf<string[]>();
    expect(values).toEqual(['a', 'b']);
  });
});

describe('satisfies vs an annotation', () => {
  it('satisfies keeps the literal keys and values; the annotation widens them', () => {
    expectTypeOf<keyof typeof ROUTES>().toEqualTypeOf<'listUsers' | 'createUser' | 'deleteUser'>();
    expectTypeOf(ROUTES.listUsers.method).toEqualTypeOf<'GET'>();
    expectTypeOf(ROUTES_ANNOTATED.anything).toEqualTypeOf<
      { method: 'GET' | 'POST' | 'DELETE'; path: `/${string}`; auth: boolean } | undefined
    >();
    // @ts-expect-error '"listUser"' is not a key of ROUTES: the typo is caught.
    expect(() => routeLine('listUser')).toThrow(TypeError);
  });
});

describe('branded types', () => {
  it('a UserId is a number underneath, but not interchangeable with an OrderId', () => {
    expectTypeOf<UserId>().toExtend<number>();
    expectTypeOf<number>().not.toExtend<UserId>();
    expectTypeOf<UserId>().not.toExtend<OrderId>();
    const user = userId(7);
    const order = orderId(42);
    expect(cancelOrder(order, user)).toBe('order 42 cancelled by user 7');
    // @ts-expect-error the arguments are swapped: UserId is not assignable to OrderId.
    expect(cancelOrder(user, order)).toBe('order 7 cancelled by user 42');
    // @ts-expect-error a bare number is not a UserId: it must go through userId(), which checks it.
    expect(cancelOrder(order, -1)).toBe('order 42 cancelled by user -1');
  });
});

describe('zod: the type is inferred from the schema', () => {
  it('input and output types differ where defaults apply', () => {
    expectTypeOf<SignupInput['role']>().toEqualTypeOf<'member' | 'admin' | undefined>();
    expectTypeOf<Signup['role']>().toEqualTypeOf<'member' | 'admin'>();
    expectTypeOf<Signup['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf(SignupSchema.parse).returns.toEqualTypeOf<Signup>();
  });

  it('parse() accepts unknown: the compiler cannot check what arrives over the wire, the schema does', () => {
    const fromWire: unknown = JSON.parse('{"name":"Ada","age":"36","email":"ada@example.com"}');
    expect(() => SignupSchema.parse(fromWire)).toThrow(/expected number, received string/);
  });
});
