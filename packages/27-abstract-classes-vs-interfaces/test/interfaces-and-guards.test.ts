import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { EmailNotifier, isNotifier, type Notifier, notifyAll, SmsGateway } from '../src/notifier.ts';
import { foreignValues, structuralClass, twoCopiesOfAClass } from '../src/realms.ts';
import { isUserDto, User, type UserDto, userDtoProblems, type userDtoSchema } from '../src/user.ts';

const dto: UserDto = { id: 'usr_000000000abc', email: 'ada@example.com', role: 'admin' };

describe('interfaces are structural and erased', () => {
  it('a class that never says implements Notifier is one, if it has the members', async () => {
    expectTypeOf<SmsGateway>().toExtend<Notifier>();
    const email = new EmailNotifier();
    const sms = new SmsGateway();
    expect(await notifyAll([email, sms], '+44 20', 'x'.repeat(200))).toEqual(['email', 'sms']);
    expect(email.sent).toEqual([`+44 20: ${'x'.repeat(200)}`]);
    expect(sms.sent).toEqual([`+44 20: ${'x'.repeat(160)}`]);
    // Extra members do not stop a class from fitting: structural typing asks for at least the interface's.
    expect(sms.balance()).toBe(100);
  });

  it('an object literal with the members is a Notifier too; one missing a member is not', () => {
    const literal = { channel: 'push', send: async (_to: string, _body: string) => {} };
    expectTypeOf(literal).toExtend<Notifier>();
    // @ts-expect-error — property 'send' is missing
    const broken: Notifier = { channel: 'push' };
    expect(isNotifier(broken)).toBe(false);
  });

  it('nothing of the interface exists at run time', () => {
    // An interface is a type only: there is no value named Notifier to test against.
    // @ts-expect-error — 'Notifier' only refers to a type, but is being used as a value here
    expect(() => new EmailNotifier() instanceof Notifier).toThrow(ReferenceError);
  });
});

describe('isNotifier: a hand guard checks presence, not signatures', () => {
  it('accepts both notifiers and narrows unknown to Notifier', () => {
    const value: unknown = new SmsGateway();
    expect(isNotifier(new EmailNotifier())).toBe(true);
    if (isNotifier(value)) expectTypeOf(value).toEqualTypeOf<Notifier>();
    expect(isNotifier(value)).toBe(true);
  });

  it('refuses values without the members or of the wrong kind', () => {
    for (const value of [
      null,
      undefined,
      42,
      'send',
      [],
      {},
      { channel: 'x' },
      { send() {} },
      { channel: 1, send() {} },
    ])
      expect(isNotifier(value), JSON.stringify(value)).toBe(false);
    expect(isNotifier({ channel: 'x', send: 'not a function' })).toBe(false);
  });

  it('its limit: a send that takes nothing and returns 42 passes, as with runtime_checkable', () => {
    const impostor: unknown = { channel: 'x', send: () => 42 };
    expect(isNotifier(impostor)).toBe(true);
    // Narrowed to Notifier, the compiler now trusts send to return a promise.
    if (isNotifier(impostor)) expect(impostor.send('a', 'b')).toBe(42);
  });
});

describe('interface-shaped data: instanceof cannot see it, a guard can', () => {
  it('a JSON round trip keeps the shape and loses the class', () => {
    const user = User.fromDto(dto);
    const back: unknown = JSON.parse(JSON.stringify(user));
    expect(user instanceof User).toBe(true);
    expect(back instanceof User).toBe(false);
    expect(isUserDto(back)).toBe(true);
    expect(back).toEqual(dto);
    expect(user.isAdmin).toBe(true);
    expect(User.fromDto({ ...dto, role: 'member' }).isAdmin).toBe(false);
    expect((back as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it('the hand guard checks kinds and the role set, and lets extra fields through', () => {
    expect(isUserDto(dto)).toBe(true);
    expect(isUserDto({ ...dto, extra: 1 })).toBe(true);
    expect(isUserDto({ ...dto, role: 'root' })).toBe(false);
    expect(isUserDto({ ...dto, id: 7 })).toBe(false);
    expect(isUserDto({ ...dto, email: null })).toBe(false);
    expect(isUserDto({ id: dto.id, email: dto.email })).toBe(false);
    expect(isUserDto(null)).toBe(false);
    expect(isUserDto('usr_000000000abc')).toBe(false);
    // Kinds only: content the schema refuses passes the guard.
    expect(isUserDto({ ...dto, email: 'a\u0000b' })).toBe(true);
  });

  it('the schema and its inferred type match the interface', () => {
    expectTypeOf<z.infer<typeof userDtoSchema>>().toEqualTypeOf<{
      id: string;
      email: string;
      role: 'admin' | 'member' | 'viewer';
    }>();
    expectTypeOf<z.infer<typeof userDtoSchema>>().toExtend<UserDto>();
    expect(userDtoProblems(dto)).toEqual([]);
  });
});

describe('the schema at the boundary refuses hostile input, naming the field', () => {
  it('NUL', () => {
    expect(userDtoProblems({ ...dto, email: 'ada\u0000@example.com' })).toEqual([
      'email: contains NUL (U+0000)',
    ]);
  });

  it('a lone surrogate', () => {
    expect(userDtoProblems({ ...dto, email: 'ada\ud800@example.com' })).toEqual([
      'email: contains a lone surrogate',
    ]);
  });

  it('10k characters', () => {
    expect(userDtoProblems({ ...dto, email: `${'a'.repeat(10_000)}@example.com` })).toEqual([
      'email: Too big: expected string to have <=254 characters',
    ]);
  });

  it('wrong types', () => {
    expect(userDtoProblems({ ...dto, role: 1 })).toEqual([
      'role: Invalid option: expected one of "admin"|"member"|"viewer"',
    ]);
    expect(userDtoProblems([dto])).toEqual(['(body): Invalid input: expected object, received array']);
  });

  it('missing fields', () => {
    expect(userDtoProblems({ id: dto.id })).toEqual([
      'email: Invalid input: expected string, received undefined',
      'role: Invalid option: expected one of "admin"|"member"|"viewer"',
    ]);
  });

  it('extra fields (which the hand guard lets through)', () => {
    expect(userDtoProblems({ ...dto, isAdmin: true })).toEqual(['(body): Unrecognized key: "isAdmin"']);
  });

  it('a lone low surrogate, while a well-formed pair is fine', () => {
    expect(userDtoProblems({ ...dto, email: 'ada\udc00@example.com' })).toEqual([
      'email: contains a lone surrogate',
    ]);
    // zod's email format refuses the emoji, but the surrogate check must not: the pair is well formed.
    expect(userDtoProblems({ ...dto, email: 'ada🧾@example.com' })).toEqual(['email: Invalid email address']);
  });

  it('an id with anything before or after the pattern', () => {
    for (const id of [` ${dto.id}`, `${dto.id}x`, `x${dto.id}`])
      expect(userDtoProblems({ ...dto, id }), id).toEqual(['id: must look like usr_ and 12 characters']);
  });

  it('a malformed id', () => {
    expect(userDtoProblems({ ...dto, id: 'usr_ABC' })).toEqual(['id: must look like usr_ and 12 characters']);
  });
});

describe('where instanceof breaks and a structural check does not', () => {
  it('values from another realm fail instanceof; Array.isArray and duck checks still work', () => {
    const { array, error } = foreignValues();
    // biome-ignore lint/suspicious/useIsArray: the failing instanceof is what this test shows
    expect(array instanceof Array).toBe(false);
    expect(Array.isArray(array)).toBe(true);
    expect(error instanceof Error).toBe(false);
    expect(error instanceof TypeError).toBe(false);
    expect((error as { message: string }).message).toBe('from another realm');
  });

  it('two copies of one class are two constructors', () => {
    const [MoneyA, MoneyB] = twoCopiesOfAClass();
    const a = new MoneyA(100);
    expect(a instanceof MoneyA).toBe(true);
    expect(a instanceof MoneyB).toBe(false);
    expect(a).toEqual({ cents: 100 });
  });

  it('Symbol.hasInstance makes instanceof run a structural guard', () => {
    const NotifierShape = structuralClass(isNotifier);
    const plain: unknown = { channel: 'x', send: async () => {} };
    expect(plain instanceof NotifierShape).toBe(true);
    expect({ channel: 'x' } instanceof NotifierShape).toBe(false);
    if (plain instanceof NotifierShape) expectTypeOf(plain).toEqualTypeOf<Notifier>();
  });
});
