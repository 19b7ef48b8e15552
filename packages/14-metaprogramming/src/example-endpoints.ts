import './symbol-metadata.ts';
import { doc, endpoint, implementsMethods } from './definition-checks.ts';

/** Passes the definition-time rules: every public method is documented. */
@endpoint
export class UsersEndpoint {
  @doc('List users, newest first')
  get(): string[] {
    return ['ada', 'grace'];
  }

  @doc('Create a user from a JSON body')
  post(name: string): string {
    return `created ${name}`;
  }

  /** Underscore-prefixed helpers are not public API, so the rule skips them. */
  _normalise(name: string): string {
    return name.trim().toLowerCase();
  }
}

/** Inherits get/post and their documentation; documents only what it adds. */
@endpoint
export class AdminUsersEndpoint extends UsersEndpoint {
  @doc('Ban a user')
  ban(name: string): string {
    return `banned ${name}`;
  }
}

/** The ABC-style rule: a storage class must have both methods, checked as it is declared. */
@implementsMethods('read', 'write')
export class MemoryStorage {
  #data = new Map<string, string>();
  read(key: string): string | undefined {
    return this.#data.get(key);
  }
  write(key: string, value: string): void {
    this.#data.set(key, value);
  }
}
