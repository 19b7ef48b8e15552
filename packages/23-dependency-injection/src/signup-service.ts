import type { User, UserService } from '@lab/project-structure';
import type { Mailer, MailMessage } from './mailer.ts';
import type { UnitOfWork } from './transaction-scope.ts';
import type { UserCache } from './user-cache.ts';

export interface SignupDeps {
  /** Topic 21's service: validation, normalisation, the taken-email rule. */
  users: UserService;
  cache: UserCache;
  mailer: Mailer;
  /** Makes "store the user" and "queue the welcome mail" one atomic step. */
  unitOfWork: UnitOfWork;
  /** Told about a cache failure the flow survived (a place to log or count it). */
  onCacheError?: (error: unknown) => void;
}

/** The welcome mail a new user gets. */
export function welcomeMail(user: User): MailMessage {
  return {
    to: user.email,
    subject: 'Welcome aboard',
    text: `Hello ${user.name}, your account #${user.id} is ready.`,
  };
}

/**
 * Signing up: register through topic 21's `UserService`, queue a welcome mail, cache the user. Every
 * collaborator arrives through the constructor (constructor injection), typed as an interface, so a test
 * hands in fakes and the composition root hands in PostgreSQL, Redis and the outbox.
 */
export class SignupService {
  constructor(private readonly deps: SignupDeps) {}

  async signUp(input: unknown): Promise<User> {
    const user = await this.deps.unitOfWork.run(async () => {
      const registered = await this.deps.users.register(input);
      await this.deps.mailer.send(welcomeMail(registered));
      return registered;
    });
    // After the commit, never inside the transaction: a rollback would leave a cached user that never existed.
    await this.cacheQuietly(user);
    return user;
  }

  /** Cache first, then the database (cache-aside); a cache that is down costs a query, not the request. */
  async getUser(id: number): Promise<User> {
    const cached = await this.deps.cache.get(id).catch((error: unknown) => {
      this.deps.onCacheError?.(error);
      return undefined;
    });
    if (cached) return cached;
    const user = await this.deps.users.get(id);
    await this.cacheQuietly(user);
    return user;
  }

  /**
   * Method injection: the transport is an argument of this one call, defaulting to the injected one. A
   * support tool resends through a mailer of its choice without building a second service.
   */
  async resendWelcome(userId: number, mailer: Mailer = this.deps.mailer): Promise<MailMessage> {
    const message = welcomeMail(await this.getUser(userId));
    await mailer.send(message);
    return message;
  }

  private async cacheQuietly(user: User): Promise<void> {
    try {
      await this.deps.cache.set(user);
    } catch (error) {
      this.deps.onCacheError?.(error);
    }
  }
}
