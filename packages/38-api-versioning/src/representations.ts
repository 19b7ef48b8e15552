import type { V1CreateUser, V1User, V2CreateUser, V2User } from './schemas.ts';
import type { NewUser, User } from './users-service.ts';

/**
 * v2 is the current representation, built from the domain record. v1 is not built from the domain at all:
 * it is an adapter over the v2 body, so there is one presenter to maintain and each old version is a
 * small, testable step back from the next (the way Stripe keeps years of versions alive).
 */
export function presentV2(user: User, basePath = '/api/v2'): V2User {
  return {
    id: user.id,
    name: { first: user.firstName, last: user.lastName },
    email: user.email,
    createdAt: user.createdAt.toISOString(),
    links: { self: `${basePath}/users/${user.id}` },
  };
}

/** The v1 response adapter: joins the name and drops what v1 never had (createdAt, links). */
export function v2ToV1(body: V2User): V1User {
  return {
    id: body.id,
    name: [body.name.first, body.name.last].filter(Boolean).join(' '),
    email: body.email,
  };
}

export const presentV1 = (user: User): V1User => v2ToV1(presentV2(user));

/**
 * The v1 request adapter: v1 clients send one `name`. The first word becomes the first name and the rest
 * the last name; a single word leaves the last name empty — the lossy step that made v2 split the field.
 */
export function v1CreateToNewUser(body: V1CreateUser): NewUser {
  const words = body.name.trim().split(/\s+/);
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' '), email: body.email };
}

export function v2CreateToNewUser(body: V2CreateUser): NewUser {
  return { firstName: body.name.first, lastName: body.name.last, email: body.email };
}
