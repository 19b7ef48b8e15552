import type { User } from '@lab/project-structure';
import type { Mailer, MailMessage } from './mailer.ts';
import type { UserCache } from './user-cache.ts';

/**
 * Hand-written fakes: real, small implementations of the interfaces, passed to constructors. A test needs no
 * module mocking to use them, and a typo in one is a compile error, because each `implements` its interface.
 */

/** Keeps every message it is asked to send; `failWith` makes the next sends reject. */
export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  failWith: Error | undefined;

  async send(message: MailMessage): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push({ ...message });
  }
}

/** A Map with counters; `down` makes every call reject, as a Redis that went away. */
export class MemoryUserCache implements UserCache {
  readonly #users = new Map<number, User>();
  readonly stats = { gets: 0, hits: 0, sets: 0 };
  down = false;

  async get(id: number): Promise<User | undefined> {
    this.stats.gets++;
    if (this.down) throw new Error('cache unavailable');
    const user = this.#users.get(id);
    if (user) this.stats.hits++;
    return user && { ...user };
  }

  async set(user: User): Promise<void> {
    this.stats.sets++;
    if (this.down) throw new Error('cache unavailable');
    this.#users.set(user.id, { ...user });
  }
}
