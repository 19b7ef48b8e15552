import { NewUser, type User } from '../models/user.ts';
import { DuplicateKeyError, InvalidTextError } from '../repositories/errors.ts';
import type { UserRepository } from '../repositories/types.ts';
import { requireId, validate } from './_validate.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';

export interface UserServiceDeps {
  users: UserRepository;
}

/** Registering and reading users: the rules, on any `UserRepository`. */
export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  /** Validates and normalises `input` (see `NewUser`), then stores it; a taken email is a ConflictError. */
  async register(input: unknown): Promise<User> {
    const user = validate(NewUser, input);
    try {
      return await this.deps.users.insert(user);
    } catch (error) {
      if (error instanceof DuplicateKeyError)
        throw new ConflictError('email_taken', `${user.email} is already registered`, { cause: error });
      // The model refuses what PostgreSQL cannot store; this is the net under it, still the caller's fault.
      if (error instanceof InvalidTextError)
        throw new ValidationError([{ path: '', message: 'text the database cannot store' }], {
          cause: error,
        });
      throw error;
    }
  }

  async get(id: number): Promise<User> {
    requireId('user', id);
    const user = await this.deps.users.findById(id);
    if (!user) throw new NotFoundError('user', id);
    return user;
  }
}
