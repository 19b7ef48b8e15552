import { describe, expect, it } from 'vitest';
import {
  assertAmount,
  CardProvider,
  CryptoProvider,
  chargeBySwitch,
  MAX_AMOUNT_CENTS,
  PaymentGateway,
  PayPalProvider,
  UnsupportedMethodError,
} from '../src/ocp.ts';
import {
  csvField,
  exportUsersCsv,
  InMemoryUserRepository,
  parseSignup,
  RecordingMailer,
  SignupService,
  UserManager,
  WelcomeMailer,
} from '../src/srp.ts';

const ada = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };

describe('SRP: one reason to change per module', () => {
  it('the violation: marketing switching the greeting to first names changes finance’s CSV too', () => {
    const before = new UserManager();
    const after = new UserManager({ nameStyle: 'first' });
    for (const manager of [before, after]) expect(manager.register(ada).ok).toBe(true);
    expect(after.outbox[0]?.body).toBe('Welcome aboard, Ada.');
    expect(before.exportCsv()).toBe('id,email,name\n1,ada@example.com,Ada Lovelace');
    expect(after.exportCsv()).toBe('id,email,name\n1,ada@example.com,Ada');
  });

  it('the fix: changing the welcome greeting leaves the CSV export untouched', () => {
    const exports = [undefined, (u: { firstName: string }) => u.firstName].map((greet) => {
      const users = new InMemoryUserRepository();
      const mailer = new RecordingMailer();
      const service = new SignupService(users, new WelcomeMailer(mailer, greet));
      expect(service.register(ada)).toEqual({ ok: true, user: { id: 1, ...ada } });
      return { csv: exportUsersCsv(users.all()), body: mailer.sent[0]?.body };
    });
    expect(exports.map((e) => e.body)).toEqual(['Welcome aboard, Ada Lovelace.', 'Welcome aboard, Ada.']);
    expect(exports[0]?.csv).toBe('id,email,name\n1,ada@example.com,Ada Lovelace');
    expect(exports[1]?.csv).toBe(exports[0]?.csv);
  });

  it('each part is testable alone: one sign-up sends exactly one email to the new user', () => {
    const mailer = new RecordingMailer();
    const users = new InMemoryUserRepository();
    const service = new SignupService(users, new WelcomeMailer(mailer));
    service.register(ada);
    service.register({ ...ada, email: 'grace@example.com', firstName: 'Grace' });
    expect(mailer.sent.map((m) => m.to)).toEqual(['ada@example.com', 'grace@example.com']);
    expect(users.all().map((u) => u.id)).toEqual([1, 2]);
  });

  it('a refused sign-up stores nothing and sends nothing', () => {
    const mailer = new RecordingMailer();
    const users = new InMemoryUserRepository();
    const result = new SignupService(users, new WelcomeMailer(mailer)).register({ ...ada, email: 'nope' });
    expect(result).toEqual({ ok: false, issues: ['email: Invalid email address'] });
    expect([users.all().length, mailer.sent.length]).toEqual([0, 0]);
  });

  it('CSV fields with commas, quotes and line breaks are quoted', () => {
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(42)).toBe('42');
    expect(exportUsersCsv([{ id: 3, email: 'x@y.z', firstName: 'A,', lastName: 'B' }])).toBe(
      'id,email,name\n3,x@y.z,"A, B"',
    );
  });
});

describe('parseSignup at the boundary', () => {
  const issues = (input: unknown) => {
    const result = parseSignup(input);
    return result.ok ? [] : result.issues;
  };

  it('accepts a well-formed body', () => {
    expect(parseSignup(ada)).toEqual({ ok: true, value: ada });
  });

  it('refuses NUL in a field', () => {
    expect(issues({ ...ada, firstName: 'A\u0000da' })).toEqual(['firstName: contains NUL (U+0000)']);
  });

  it('refuses a lone surrogate', () => {
    expect(issues({ ...ada, lastName: 'Love\ud800' })).toEqual(['lastName: contains a lone surrogate']);
    expect(issues({ ...ada, lastName: 'Love\udc00lace' })).toEqual(['lastName: contains a lone surrogate']);
    expect(issues({ ...ada, lastName: 'Love 🧾' })).toEqual([]);
  });

  it('refuses 10k characters, and takes exactly the limit', () => {
    expect(issues({ ...ada, firstName: 'a'.repeat(10_000) })).toEqual([
      'firstName: must be at most 100 characters',
    ]);
    expect(issues({ ...ada, firstName: 'a'.repeat(100) })).toEqual([]);
    expect(issues({ ...ada, firstName: 'a'.repeat(101) })).toEqual([
      'firstName: must be at most 100 characters',
    ]);
    expect(issues({ ...ada, firstName: '' })).toEqual(['firstName: must not be empty']);
  });

  it('refuses wrong types, missing fields and extra fields, naming each', () => {
    expect(issues({ ...ada, firstName: 42 })).toEqual([
      'firstName: Invalid input: expected string, received number',
    ]);
    expect(issues({ email: ada.email })).toEqual([
      'firstName: Invalid input: expected string, received undefined',
      'lastName: Invalid input: expected string, received undefined',
    ]);
    expect(issues({ ...ada, isAdmin: true })).toEqual(['(body): Unrecognized key: "isAdmin"']);
    expect(issues(null)).toEqual(['(body): Invalid input: expected object, received null']);
  });
});

describe('OCP: new payment methods are added, not edited in', () => {
  it('the switch charges the methods it was written for', () => {
    expect(chargeBySwitch('card', 10_000)).toEqual({ method: 'card', amountCents: 10_000, feeCents: 320 });
    expect(chargeBySwitch('paypal', 10_000)).toEqual({
      method: 'paypal',
      amountCents: 10_000,
      feeCents: 398,
    });
  });

  it('the switch cannot take crypto without editing it', () => {
    expect(() => chargeBySwitch('crypto', 10_000)).toThrow(UnsupportedMethodError);
  });

  it('the gateway takes a new provider by registration and charges it', () => {
    const gateway = new PaymentGateway([new CardProvider(), new PayPalProvider()]);
    expect(() => gateway.charge('crypto', 10_000)).toThrow('unsupported payment method "crypto"');
    gateway.register(new CryptoProvider());
    expect(gateway.methods).toEqual(['card', 'paypal', 'crypto']);
    expect(gateway.charge('crypto', 10_000)).toEqual({
      method: 'crypto',
      amountCents: 10_000,
      feeCents: 100,
    });
  });

  it('the gateway and the switch agree on the methods both know', () => {
    const gateway = new PaymentGateway([new CardProvider(), new PayPalProvider()]);
    for (const method of ['card', 'paypal'])
      for (const amount of [1, 999, 123_457, MAX_AMOUNT_CENTS])
        expect(gateway.charge(method, amount)).toEqual(chargeBySwitch(method, amount));
  });

  it('refuses a second provider for the same method instead of replacing the first', () => {
    const gateway = new PaymentGateway([new CardProvider()]);
    expect(() => gateway.register(new CardProvider())).toThrow("a provider for 'card' is already registered");
    expect(gateway.methods).toEqual(['card']);
  });

  it('refuses amounts that are not whole cents from 1 to the maximum, before looking up the method', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_AMOUNT_CENTS + 1])
      expect(() => assertAmount(bad), String(bad)).toThrow(RangeError);
    expect(() => assertAmount(1)).not.toThrow();
    expect(() => assertAmount(MAX_AMOUNT_CENTS)).not.toThrow();
    expect(() => new PaymentGateway().charge('nothing', 0)).toThrow('amount must be a whole number');
  });

  it('an adversarial method name is refused and shown escaped and cut to 40 characters', () => {
    const gateway = new PaymentGateway([new CardProvider()]);
    expect(() => gateway.charge('card\u0000', 100)).toThrow('unsupported payment method "card\\u0000"');
    expect(() => gateway.charge('\ud800', 100)).toThrow('unsupported payment method "\\ud800"');
    const long = 'x'.repeat(10_000);
    expect(() => gateway.charge(long, 100)).toThrow(`unsupported payment method "${'x'.repeat(40)}"`);
    const error = new UnsupportedMethodError(long);
    expect([error.name, error.method.length]).toEqual(['UnsupportedMethodError', 10_000]);
  });
});
