import type { Clock } from '@lab/common/clock';

/**
 * The one service layer both API versions share. It knows nothing of versions or JSON shapes: v1 and v2
 * are two views of these records, built by the presenters in `representations.ts`.
 * In memory on purpose: versioning lives above the service, and a database would add nothing to it.
 */
export interface User {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: Date;
}

export type NewUser = Pick<User, 'firstName' | 'lastName' | 'email'>;

export class UsersService {
  readonly #users = new Map<number, User>();
  #nextId = 1;

  constructor(private readonly clock: Clock) {}

  create(input: NewUser): User {
    const user: User = { id: this.#nextId++, ...input, createdAt: new Date(this.clock.now()) };
    this.#users.set(user.id, user);
    return user;
  }

  get(id: number): User | undefined {
    return this.#users.get(id);
  }
}
