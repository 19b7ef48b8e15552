import {
  ConflictError,
  memoryRepositories,
  NotFoundError,
  type UserRepository,
  UserService,
  ValidationError,
} from '@lab/project-structure';
import { describe, expect, it } from 'vitest';
import {
  MemoryUserCache,
  PassThroughUnitOfWork,
  RecordingMailer,
  SignupService,
  welcomeMail,
} from '../src/index.ts';

/** Counts the reads that reach the repository: what a cache hit must avoid. */
function countingReads(inner: UserRepository) {
  const counted = {
    reads: 0,
    insert: (user: Parameters<UserRepository['insert']>[0]) => inner.insert(user),
    findById: (id: number) => {
      counted.reads++;
      return inner.findById(id);
    },
  };
  return counted;
}

/** The service on fakes, each passed to a constructor: no module is mocked. */
function setup() {
  const store = memoryRepositories({ now: () => new Date(Date.UTC(2026, 0, 1)) });
  const repository = countingReads(store.users);
  const mailer = new RecordingMailer();
  const cache = new MemoryUserCache();
  const unitOfWork = new PassThroughUnitOfWork();
  const cacheErrors: unknown[] = [];
  const signups = new SignupService({
    users: new UserService({ users: repository }),
    cache,
    mailer,
    unitOfWork,
    onCacheError: (error) => cacheErrors.push(error),
  });
  return { signups, repository, mailer, cache, unitOfWork, cacheErrors };
}

const ada = { email: ' Ada@Example.com ', name: 'Ada' };

describe('SignupService on fakes', () => {
  it('registers through 21s UserService, mails once, caches once, in one unit of work', async () => {
    const { signups, mailer, cache, unitOfWork } = setup();
    const user = await signups.signUp(ada);
    expect(user).toMatchObject({ id: 1, email: 'ada@example.com', name: 'Ada' });
    expect(mailer.sent).toEqual([
      { to: 'ada@example.com', subject: 'Welcome aboard', text: 'Hello Ada, your account #1 is ready.' },
    ]);
    expect(cache.stats).toEqual({ gets: 0, hits: 0, sets: 1 });
    expect(unitOfWork.runs).toBe(1);
  });

  it('a taken email is a ConflictError and sends no second mail', async () => {
    const { signups, mailer, cache } = setup();
    await signups.signUp(ada);
    await expect(signups.signUp({ email: 'ada@example.com', name: 'Other' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(mailer.sent).toHaveLength(1);
    expect(cache.stats.sets).toBe(1);
  });

  it('a mailer failure fails the signup and caches nothing', async () => {
    const { signups, mailer, cache } = setup();
    mailer.failWith = new Error('smtp down');
    await expect(signups.signUp(ada)).rejects.toThrow('smtp down');
    expect(cache.stats.sets).toBe(0);
  });

  it('getUser: a miss reads the repository once and fills the cache; the next call is a hit', async () => {
    const { signups, repository, cache } = setup();
    const { id } = await signups.signUp(ada);
    const fresh = new MemoryUserCache();
    const cold = new SignupService({
      users: new UserService({ users: repository }),
      cache: fresh,
      mailer: new RecordingMailer(),
      unitOfWork: new PassThroughUnitOfWork(),
    });
    expect((await cold.getUser(id)).email).toBe('ada@example.com');
    expect(repository.reads).toBe(1);
    expect(fresh.stats).toEqual({ gets: 1, hits: 0, sets: 1 });
    expect((await cold.getUser(id)).name).toBe('Ada');
    expect(repository.reads).toBe(1);
    expect(fresh.stats).toEqual({ gets: 2, hits: 1, sets: 1 });
    // The signup itself cached the user, so the first service never read the repository.
    await signups.getUser(id);
    expect(cache.stats.hits).toBe(1);
    expect(repository.reads).toBe(1);
  });

  it('an unknown id is NotFoundError and caches nothing', async () => {
    const { signups, cache } = setup();
    await expect(signups.getUser(7)).rejects.toBeInstanceOf(NotFoundError);
    expect(cache.stats).toEqual({ gets: 1, hits: 0, sets: 0 });
  });

  it('a cache that is down costs a repository read, not the request, and is reported', async () => {
    const { signups, cache, repository, cacheErrors } = setup();
    cache.down = true;
    const user = await signups.signUp(ada);
    expect(cacheErrors).toHaveLength(1);
    expect((await signups.getUser(user.id)).id).toBe(user.id);
    expect(repository.reads).toBe(1);
    // The get failed and so did the refill: two more reports.
    expect(cacheErrors).toHaveLength(3);
    expect(cacheErrors.map((e) => (e as Error).message)).toEqual(Array(3).fill('cache unavailable'));
  });

  it('onCacheError is optional: without it a cache that is down is survived silently', async () => {
    const cache = new MemoryUserCache();
    const quiet = new SignupService({
      users: new UserService({ users: memoryRepositories().users }),
      cache,
      mailer: new RecordingMailer(),
      unitOfWork: new PassThroughUnitOfWork(),
    });
    cache.down = true;
    const user = await quiet.signUp(ada);
    expect((await quiet.getUser(user.id)).email).toBe('ada@example.com');
  });

  it('method injection: resendWelcome sends through the mailer passed to that call only', async () => {
    const { signups, mailer } = setup();
    const user = await signups.signUp(ada);
    const support = new RecordingMailer();
    const message = await signups.resendWelcome(user.id, support);
    expect(message).toEqual(welcomeMail(user));
    expect(support.sent).toEqual([message]);
    expect(mailer.sent).toHaveLength(1);
    await signups.resendWelcome(user.id);
    expect(mailer.sent).toHaveLength(2);
  });
});

describe('SignupService refuses bad input before any side effect', () => {
  const cases: Array<[string, unknown]> = [
    ['NUL in the name', { email: 'nul@example.com', name: 'A\u0000da' }],
    ['a lone surrogate in the name', { email: 'sur@example.com', name: 'A\ud800da' }],
    ['10k characters in the name', { email: 'long@example.com', name: 'x'.repeat(10_000) }],
    ['a number for the email', { email: 42, name: 'Ada' }],
    ['a missing name', { email: 'ada@example.com' }],
    ['an extra field', { email: 'ada@example.com', name: 'Ada', admin: true }],
    ['no body at all', undefined],
  ];
  it.each(cases)('%s → ValidationError, no mail, no cache write', async (_, input) => {
    const { signups, mailer, cache } = setup();
    await expect(signups.signUp(input)).rejects.toBeInstanceOf(ValidationError);
    expect(mailer.sent).toEqual([]);
    expect(cache.stats.sets).toBe(0);
  });
});
