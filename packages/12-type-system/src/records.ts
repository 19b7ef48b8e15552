/**
 * Typed records: Python's `TypedDict` is an interface (or a type alias of an object type) over a plain
 * object. The mapped utility types (`Partial`, `Pick`, `Omit`, `Readonly`, `Record`) derive one from
 * another instead of repeating fields.
 */

/** Python: `class UserDict(TypedDict): name: str; age: int; email: str | None` */
export interface UserRecord {
  name: string;
  age: number;
  /** Present, possibly null: the key must be there. */
  email: string | null;
  /** May be absent (`NotRequired[str]` in a TypedDict). */
  nickname?: string;
}

/** The body of a PATCH: every field optional, email still nullable. */
export type UserPatch = Partial<UserRecord>;

/** What a list view shows: two fields picked by name; a renamed field breaks this line, not the view. */
export type UserSummary = Pick<UserRecord, 'name' | 'email'>;

/** `Record<K, V>` with a literal union of keys: every key must be present, and no others. */
export type Permissions = Record<'read' | 'write' | 'admin', boolean>;

/** Applies a patch without mutating the original; `undefined` values in the patch are ignored, not written. */
export function applyPatch(user: Readonly<UserRecord>, patch: UserPatch): UserRecord {
  const next: UserRecord = { ...user };
  for (const key of Object.keys(patch) as Array<keyof UserRecord>) {
    const value = patch[key];
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  return next;
}

/** The summary of a user: exactly the picked fields, nothing extra leaks into a list response. */
export function summarize(user: UserRecord): UserSummary {
  return { name: user.name, email: user.email };
}
