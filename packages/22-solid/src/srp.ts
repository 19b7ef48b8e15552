/**
 * S — Single Responsibility: a module should have one reason to change, that is, answer to one group of
 * people. The violation serves three (product's sign-up rules, marketing's welcome email, finance's CSV
 * export) and shares a helper between two of them, so one group's change silently changes another's output.
 */
import { z } from 'zod';
import { textProblem } from './_text.ts';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

export type SignupResult = { ok: true; user: User } | { ok: false; issues: string[] };

const text = (max: number) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// Strict: an unknown field is refused rather than ignored, so a typo ('fristName') is not silently lost.
const signupSchema = z.strictObject({
  email: text(254).pipe(z.email()),
  firstName: text(100),
  lastName: text(100),
});

export type Signup = z.infer<typeof signupSchema>;

/** Parses a sign-up request body of unknown shape; every problem is listed as `field: message`. */
export function parseSignup(input: unknown): { ok: true; value: Signup } | { ok: false; issues: string[] } {
  const parsed = signupSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
  };
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// ---- The violation -----------------------------------------------------------------------------------

export interface UserManagerOptions {
  /** Marketing's request: greet by first name. It lives in the class finance's export also uses. */
  nameStyle?: 'full' | 'first';
}

/** Validates, stores, emails and exports: four jobs, three audiences, one class. */
export class UserManager {
  /** Emails "sent"; a real one would talk SMTP right here, so tests could not avoid it. */
  readonly outbox: Email[] = [];
  readonly #users: User[] = [];
  readonly #nameStyle: 'full' | 'first';

  constructor(options: UserManagerOptions = {}) {
    this.#nameStyle = options.nameStyle ?? 'full';
  }

  register(input: unknown): SignupResult {
    const parsed = parseSignup(input);
    if (!parsed.ok) return parsed;
    const user = { id: this.#users.length + 1, ...parsed.value };
    this.#users.push(user);
    this.outbox.push({
      to: user.email,
      subject: 'Welcome!',
      body: `Welcome aboard, ${this.#displayName(user)}.`,
    });
    return { ok: true, user };
  }

  exportCsv(): string {
    const rows = this.#users.map((u) => [u.id, csvField(u.email), csvField(this.#displayName(u))].join(','));
    return ['id,email,name', ...rows].join('\n');
  }

  // Shared by the email and the export: "don't repeat yourself" applied to two things that only look alike.
  #displayName(user: User): string {
    return this.#nameStyle === 'first' ? user.firstName : `${user.firstName} ${user.lastName}`;
  }
}

// ---- The fix: one class per reason to change ---------------------------------------------------------

/** Where users are kept (persistence changes for the DBA's reasons, nobody else's). */
export interface UserRepository {
  add(signup: Signup): User;
  all(): readonly User[];
}

export class InMemoryUserRepository implements UserRepository {
  readonly #users: User[] = [];
  add(signup: Signup): User {
    const user = { id: this.#users.length + 1, ...signup };
    this.#users.push(user);
    return user;
  }
  all(): readonly User[] {
    return [...this.#users];
  }
}

/** How an email leaves the process (SMTP, an API, or a list in a test). */
export interface Mailer {
  send(email: Email): void;
}

export class RecordingMailer implements Mailer {
  readonly sent: Email[] = [];
  send(email: Email): void {
    this.sent.push(email);
  }
}

/** Marketing's module: the welcome email's wording and greeting. */
export class WelcomeMailer {
  constructor(
    private readonly mailer: Mailer,
    private readonly greet: (user: User) => string = (u) => `${u.firstName} ${u.lastName}`,
  ) {}
  welcome(user: User): void {
    this.mailer.send({ to: user.email, subject: 'Welcome!', body: `Welcome aboard, ${this.greet(user)}.` });
  }
}

/** Finance's module: the export's columns, with its own notion of a name. */
export function exportUsersCsv(users: readonly User[]): string {
  const rows = users.map((u) =>
    [u.id, csvField(u.email), csvField(`${u.firstName} ${u.lastName}`)].join(','),
  );
  return ['id,email,name', ...rows].join('\n');
}

/** Product's module: the sign-up flow, which only orchestrates the others. */
export class SignupService {
  constructor(
    private readonly users: UserRepository,
    private readonly welcome: WelcomeMailer,
  ) {}
  register(input: unknown): SignupResult {
    const parsed = parseSignup(input);
    if (!parsed.ok) return parsed;
    const user = this.users.add(parsed.value);
    this.welcome.welcome(user);
    return { ok: true, user };
  }
}
