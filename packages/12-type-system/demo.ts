import {
  code,
  formatDuration,
  formatNumber,
  kv,
  lessonCheck,
  medianTimePerCall,
  runDemo,
  say,
  table,
} from '@lab/common';
import { invalidSignup, validSignup } from './src/_payloads.ts';
import {
  area,
  Banner,
  cancelOrder,
  closeAll,
  deposit,
  describe,
  dot,
  email,
  isSignupInput,
  isStringArray,
  isStringArrayLying,
  orderId,
  parseAccountUnchecked,
  parseMode,
  parseSignup,
  render,
  routeLine,
  routeLineLoose,
  type Shape,
  SignupSchema,
  Square,
  Stack,
  shout,
  sourceAtRunTime,
  userId,
} from './src/index.ts';

/** `run`'s result as text, or the error it threw, on one line. */
function attempt(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

function erasedSection(): void {
  kv({ 'typedAdd as Node runs it': sourceAtRunTime() });
  const account = parseAccountUnchecked('{"id":1,"balance":"100"}');
  kv({
    'JSON.parse(body) as Account, then balance + 5': deposit(account, 5),
    'typeof account.balance': typeof account.balance,
  });
  say('The compiler saw `balance: number`; nothing at run time ever checked it.');
}

function narrowingSection(): void {
  const shapes: Shape[] = [
    { kind: 'circle', radius: 1 },
    { kind: 'rect', width: 2, height: 3 },
    { kind: 'triangle', base: 4, height: 5 },
  ];
  table(shapes.map((shape) => ({ shape: JSON.stringify(shape), area: formatNumber(area(shape)) })));
  kv({
    'area(JSON.parse(\'{"kind":"hexagon"}\'))': attempt(() =>
      area(JSON.parse('{"kind":"hexagon"}') as Shape),
    ),
    "describe('abc') / describe(2.5) / describe(null)": [describe('abc'), describe(2.5), describe(null)].join(
      ' | ',
    ),
  });
}

function genericsSection(): void {
  const stack = new Stack<number>().push(1).push(2).push(3);
  kv({
    'Stack<number> top to bottom': [...stack].join(', '),
    'pop()': stack.pop(),
    'size after': stack.size,
  });
  const empty = new Stack<string>();
  kv({ 'empty.peek()': empty.peek(), 'empty.pop()': attempt(() => empty.pop()) });
  code(
    "stack.push('four');   // error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.",
  );
  say(
    'test/type-level.test.ts keeps such lines under @ts-expect-error: `pnpm typecheck` fails if one compiles.',
  );
}

function structuralSection(): void {
  kv({
    'render([new Square(2), new Banner("hi"), dot])': render([new Square(2), new Banner('hi'), dot]).join(
      '  ',
    ),
  });
  const closed = closeAll([
    { name: 'db', close: () => {} },
    { name: 'cache', close: () => {} },
  ]);
  kv({ 'closeAll(db, cache) closed': closed.join(' then ') });
  say('No class names Drawable or Closable: the shape is the contract, like typing.Protocol.');
}

function literalsSection(): void {
  kv({
    "parseMode('append')": attempt(() => parseMode('append')),
    "parseMode('readwrite')": attempt(() => parseMode('readwrite')),
    "routeLine('deleteUser')": routeLine('deleteUser'),
    "routeLineLoose('listUser')  (annotated table)": routeLineLoose('listUser'),
  });
  code("routeLine('listUser');   // error TS2345 — `satisfies` kept the keys literal, so the typo is caught");
}

function guardsSection(): void {
  const fromWire: unknown = JSON.parse('["a", 1]');
  kv({
    'isStringArray(["a", 1])': isStringArray(fromWire),
    'isStringArrayLying(["a", 1])  (checks [0] only)': isStringArrayLying(fromWire),
  });
  if (isStringArrayLying(fromWire))
    kv({ 'shout(value) after the lying guard': attempt(() => shout(fromWire)) });
  say('A guard is a promise the compiler does not verify: the crash lands where the value is used.');
}

function brandsSection(): void {
  const user = userId(7);
  const order = orderId(42);
  kv({
    'cancelOrder(order, user)': cancelOrder(order, user),
    'typeof userId(7)': typeof user,
    'userId(-1)': attempt(() => userId(-1)),
    "email(' Ada@Example.COM ')": email(' Ada@Example.COM '),
  });
  code('cancelOrder(user, order);   // error TS2345: UserId is not assignable to OrderId');
}

function zodSection(): void {
  kv({
    'parseSignup(valid body)': JSON.stringify(
      parseSignup({ name: 'Ada', age: 36, email: 'ada@example.com' }),
    ),
  });
  const rejected = parseSignup({ ...invalidSignup(), extra: true });
  if (!rejected.ok) table(rejected.issues.map((issue) => ({ path: issue.path, message: issue.message })));
  say('type Signup = z.output<typeof SignupSchema>: the type comes from the check, so they cannot disagree.');
}

function costSection(): void {
  const valid: unknown = validSignup();
  const perCheck = (check: () => unknown) =>
    medianTimePerCall(check, { calls: 2_000, rounds: 7, warmupRounds: 2 });
  const guard = perCheck(() => isSignupInput(valid));
  const zod = perCheck(() => SignupSchema.safeParse(valid));
  table([
    { check: 'hand-written guard', 'per body': formatDuration(guard) },
    { check: 'zod safeParse', 'per body': formatDuration(zod) },
  ]);
  lessonCheck(
    guard < zod,
    'a hand-written guard is cheaper than zod, which copies the body and applies defaults',
    `guard ${formatDuration(guard)} vs zod ${formatDuration(zod)}, ${formatNumber(zod / guard)}×`,
    'pnpm bench type-system',
  );
  say(
    'Either is microseconds against a request’s milliseconds: validate every body that crosses the boundary.',
  );
}

await runDemo({
  title: 'Type hints → TypeScript’s type system',
  subtitle: 'Part 2, Q2 — unions, generics, structural types, guards, brands, and zod at the boundary',
  sections: [
    {
      id: 'erased',
      title: 'Types vanish at run time',
      why: 'What Node runs has no annotations; an `as` cast checks nothing.',
      run: erasedSection,
    },
    {
      id: 'narrowing',
      title: 'Unions and narrowing',
      why: 'A discriminant field narrows a union; assertNever catches a kind from outside.',
      run: narrowingSection,
    },
    {
      id: 'generics',
      title: 'Generics: Stack<T>',
      why: "Python's Generic[T], checked at compile time and erased after.",
      run: genericsSection,
    },
    {
      id: 'structural',
      title: 'Structural typing (Protocol)',
      why: 'Anything with the right members fits; no `implements` needed.',
      run: structuralSection,
    },
    {
      id: 'literals',
      title: 'Literal types and satisfies',
      why: 'One `as const` array is the type and the run-time check; satisfies keeps literal keys.',
      run: literalsSection,
    },
    {
      id: 'guards',
      title: 'Type guards and the lying guard',
      why: 'TypeGuard and `asserts` narrow on trust; the compiler never checks the body.',
      run: guardsSection,
    },
    {
      id: 'brands',
      title: 'Branded types (NewType)',
      why: 'A UserId and an OrderId are both numbers; a brand keeps them apart at compile time.',
      run: brandsSection,
    },
    {
      id: 'zod',
      title: 'zod at the boundary (pydantic’s role)',
      why: 'A schema checks at run time and gives the type; every issue names its field.',
      run: zodSection,
    },
    {
      id: 'cost',
      title: 'What a check costs',
      why: 'A quick look, timed now; `pnpm bench type-system` measures it properly.',
      run: costSection,
    },
  ],
});
