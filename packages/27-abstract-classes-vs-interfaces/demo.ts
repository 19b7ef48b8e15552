import { code, formatNumber, kv, lessonCheck, medianTimePerCall, runDemo, say, table } from '@lab/common';
import {
  EmailNotifier,
  type Entity,
  findOrder,
  foreignValues,
  InMemoryRepository,
  isNotifier,
  isUserDto,
  NaiveRepository,
  type Notifier,
  notifyAll,
  type Order,
  parseOrderId,
  parseUserId,
  Repository,
  SmsGateway,
  structuralClass,
  twoCopiesOfAClass,
  User,
  type UserDto,
  userDtoProblems,
  userDtoSchema,
} from './src/index.ts';

/** What `run` threw, as one line, or what it returned. */
function outcome(run: () => unknown): string {
  try {
    return `returned ${String(run())}`;
  } catch (error) {
    return `threw ${(error as Error).name}: ${(error as Error).message}`;
  }
}

const dto: UserDto = { id: 'usr_000000000abc', email: 'ada@example.com', role: 'admin' };

function abstractSection(): void {
  code('new NaiveRepository()   // tsc: Cannot create an instance of an abstract class (TS2511)');
  const naive = Reflect.construct(NaiveRepository, []) as NaiveRepository<Entity>;
  const Partial = class PartialRepo extends (Repository as unknown as new () => object) {
    get() {
      return undefined;
    }
  };
  table([
    {
      'at run time': 'Reflect.construct(NaiveRepository, [])',
      result: outcome(() => naive.constructor.name),
    },
    { 'at run time': '  …then naive.getOrThrow("a")', result: outcome(() => naive.getOrThrow('a')) },
    {
      'at run time': 'Reflect.construct(Repository, [])',
      result: outcome(() => Reflect.construct(Repository, [])),
    },
    { 'at run time': 'new PartialRepo()  (no save, delete)', result: outcome(() => new Partial()) },
    {
      'at run time': 'new InMemoryRepository()',
      result: outcome(() => new InMemoryRepository() instanceof Repository),
    },
  ]);
  say('Repository checks new.target and its abstract methods in the constructor, as Python’s ABCMeta does.');
}

async function structuralSection(): Promise<void> {
  const notifiers: Notifier[] = [new EmailNotifier(), new SmsGateway()];
  kv({
    'notifyAll([EmailNotifier, SmsGateway])': (
      await notifyAll(notifiers, '+44 20', 'Your order shipped')
    ).join(', '),
    'SmsGateway declares implements Notifier': false,
    // The module's run-time exports: the classes and functions are there, the interface is not.
    "run-time exports of './src/notifier.ts'": Object.keys(await import('./src/notifier.ts')).join(', '),
  });
}

function guardSection(): void {
  const candidates: Array<[string, unknown]> = [
    ['new SmsGateway()', new SmsGateway()],
    ["{ channel: 'push', send: async () => {} }", { channel: 'push', send: async () => {} }],
    ["{ channel: 'x', send: () => 42 }", { channel: 'x', send: () => 42 }],
    ["{ channel: 'x' }", { channel: 'x' }],
  ];
  table(candidates.map(([value, v]) => ({ value, 'isNotifier(value)': isNotifier(v) })));
  say(
    'The third passes: a guard (like runtime_checkable) sees that send is a function, not what it takes or returns.',
  );
}

function dataSection(): void {
  const back: unknown = JSON.parse(JSON.stringify(User.fromDto(dto)));
  kv({
    'after a JSON round trip: instanceof User': back instanceof User,
    'isUserDto(back)': isUserDto(back),
  });
  const inputs: Array<[string, unknown]> = [
    ['valid', dto],
    ['NUL in email', { ...dto, email: 'ada\u0000@example.com' }],
    ['lone surrogate', { ...dto, email: 'ada\ud800@example.com' }],
    ['10k-character email', { ...dto, email: `${'a'.repeat(10_000)}@x.io` }],
    ['role: 1', { ...dto, role: 1 }],
    ['extra field isAdmin', { ...dto, isAdmin: true }],
  ];
  table(
    inputs.map(([input, value]) => ({
      input,
      'isUserDto (kinds)': isUserDto(value),
      'zod schema (content, strict)': userDtoProblems(value).join('; ') || 'ok',
    })),
  );
}

function brandSection(): void {
  const userId = parseUserId('usr_0000000000a1');
  const orderId = parseOrderId('ord_0000000000b2');
  const orders: Order[] = [{ id: orderId, userId, totalCents: 1_250 }];
  code('findOrder(orders, userId)   // tsc: UserId is not assignable to OrderId (TS2345)');
  kv({
    'typeof userId at run time': typeof userId,
    'findOrder(orders, orderId)?.totalCents': findOrder(orders, orderId)?.totalCents,
    "parseOrderId('usr_0000000000a1')": outcome(() => parseOrderId('usr_0000000000a1')),
    "parseUserId('usr_…\\u0000')": outcome(() => parseUserId('usr_0000000000a\u0000')),
  });
}

function realmSection(): void {
  const { array, error } = foreignValues();
  const [MoneyA, MoneyB] = twoCopiesOfAClass();
  const NotifierShape = structuralClass(isNotifier);
  table([
    // biome-ignore lint/suspicious/useIsArray: the failing instanceof is the lesson
    { check: 'array from vm context instanceof Array', result: array instanceof Array },
    { check: 'Array.isArray(same array)', result: Array.isArray(array) },
    { check: 'error from vm context instanceof Error', result: error instanceof Error },
    {
      check: 'new MoneyA(1) instanceof MoneyB (same source, two copies)',
      result: new MoneyA(1) instanceof MoneyB,
    },
    {
      check: '{ channel, send } instanceof NotifierShape (Symbol.hasInstance)',
      result: { channel: 'x', send() {} } instanceof NotifierShape,
    },
  ]);
}

function costSection(): void {
  const users = Array.from({ length: 1_000 }, () => User.fromDto(dto));
  const dtos = Array.from({ length: 1_000 }, () => JSON.parse(JSON.stringify(dto)) as unknown);
  const options = { rounds: 9, warmupRounds: 3 };
  const per = (check: () => unknown) => (medianTimePerCall(check, options) / 1_000) * 1e6;
  const ns = {
    instanceof: per(() => users.filter((u) => u instanceof User).length),
    guard: per(() => dtos.filter(isUserDto).length),
    zod: per(() => dtos.filter((d) => userDtoSchema.safeParse(d).success).length),
  };
  kv(Object.fromEntries(Object.entries(ns).map(([name, v]) => [`${name} (ns per check)`, formatNumber(v)])));
  lessonCheck(
    ns.instanceof < ns.guard && ns.guard < ns.zod,
    'instanceof < a hand guard < a full zod parse, per check',
    `${formatNumber(ns.instanceof)} < ${formatNumber(ns.guard)} < ${formatNumber(ns.zod)} ns`,
    'pnpm bench abstract-classes-vs-interfaces',
  );
}

await runDemo({
  title: 'Abstract classes vs interfaces',
  subtitle:
    'Part 3, Q7 — ABCs vs Protocols: abstract classes, structural interfaces, guards, schemas and brands',
  sections: [
    {
      id: 'abstract',
      title: 'abstract is compile-time only',
      why: 'tsc refuses new and incomplete subclasses; at run time, only a guard in the constructor does.',
      run: abstractSection,
    },
    {
      id: 'structural',
      title: 'Interfaces are structural and erased',
      why: 'Anything with the members fits, implements or not; nothing of the interface exists at run time.',
      run: structuralSection,
    },
    {
      id: 'guards',
      title: 'A runtime guard checks presence, not signatures',
      why: 'The TypeScript version of runtime_checkable, with the same limit.',
      run: guardSection,
    },
    {
      id: 'data',
      title: 'Interface-shaped data: guard or schema',
      why: 'JSON has no class; a guard checks kinds, a schema checks content and refuses hostile input.',
      run: dataSection,
    },
    {
      id: 'brands',
      title: 'Branded ids: nominal types in a structural system',
      why: 'UserId and OrderId are strings at run time and different types at compile time.',
      run: brandSection,
    },
    {
      id: 'realms',
      title: 'Where instanceof breaks',
      why: 'Another realm or a second copy of a package has its own constructors.',
      run: realmSection,
    },
    {
      id: 'cost',
      title: 'What each check costs',
      why: 'instanceof is a prototype-chain walk; a guard reads fields; a schema does both and more.',
      run: costSection,
    },
  ],
});
