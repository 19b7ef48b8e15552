import { describe, expect, it } from 'vitest';
import { DuplicateKeyError, InvalidTextError } from '../../src/repositories/errors.ts';
import { memoryRepositories } from '../../src/repositories/memory.ts';
import type { UserRepository } from '../../src/repositories/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../src/services/errors.ts';
import { UserService } from '../../src/services/user-service.ts';

// The service depends on the UserRepository interface only: these tests run it on two Maps, no database.
const service = () => new UserService({ users: memoryRepositories().users });
const failingInsert = (error: Error): UserRepository => ({
  insert: () => Promise.reject(error),
  findById: () => Promise.resolve(undefined),
});

describe('UserService.register', () => {
  it('stores the normalised user and returns it with an id', async () => {
    const users = service();
    const user = await users.register({ email: ' Ada@Example.com', name: 'Ada' });
    expect(user).toMatchObject({ id: 1, email: 'ada@example.com', name: 'Ada' });
    expect(await users.get(1)).toEqual(user);
  });

  it('turns a taken email (DuplicateKeyError) into ConflictError email_taken, keeping the cause', async () => {
    const users = service();
    await users.register({ email: 'ada@example.com', name: 'Ada' });
    const error = await users.register({ email: 'ADA@example.com', name: 'Ada 2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('email_taken');
    expect((error as ConflictError).message).toBe('ada@example.com is already registered');
    expect((error as Error).cause).toBeInstanceOf(DuplicateKeyError);
  });

  it('refuses invalid input with a ValidationError listing every issue, before the repository is called', async () => {
    let calls = 0;
    const users = new UserService({
      users: {
        insert: async () => Promise.reject(new Error(`called ${++calls}`)),
        findById: async () => undefined,
      },
    });
    const error = await users.register({ email: 'nope', name: '', extra: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('validation_failed');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['email', 'name', '']);
    expect(calls).toBe(0);
  });

  it('turns an InvalidTextError from below into a ValidationError (the net under the model)', async () => {
    const cause = new InvalidTextError('bad bytes');
    const error = await new UserService({ users: failingInsert(cause) })
      .register({ email: 'a@example.com', name: 'Ada' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: '', message: 'text the database cannot store' },
    ]);
    expect((error as Error).cause).toBe(cause);
  });

  it('lets an unexpected repository error through unchanged', async () => {
    const cause = new Error('connection terminated');
    const error = await new UserService({ users: failingInsert(cause) })
      .register({ email: 'a@example.com', name: 'Ada' })
      .catch((e: unknown) => e);
    expect(error).toBe(cause);
  });
});

describe('UserService.get', () => {
  it('throws NotFoundError user_not_found for an unknown id', async () => {
    const error = await service()
      .get(7)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('user_not_found');
    expect((error as NotFoundError).message).toBe('no user with id 7');
  });

  /** A repository that records the ids it is asked for and finds none. */
  function recording() {
    const asked: number[] = [];
    const users: UserRepository = {
      insert: () => Promise.reject(new Error('unused')),
      findById: async (id) => {
        asked.push(id);
        return undefined;
      },
    };
    return { asked, service: new UserService({ users }) };
  }

  it.each([0, -1, 1.5, Number.NaN, 2_147_483_648])(
    'answers NotFound for id %s without asking the repository',
    async (id) => {
      const { asked, service } = recording();
      await expect(service.get(id)).rejects.toBeInstanceOf(NotFoundError);
      expect(asked).toEqual([]);
    },
  );

  it('asks the repository for the smallest and largest valid ids (1 and 2^31 - 1)', async () => {
    const { asked, service } = recording();
    await expect(service.get(1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.get(2_147_483_647)).rejects.toBeInstanceOf(NotFoundError);
    expect(asked).toEqual([1, 2_147_483_647]);
  });
});
