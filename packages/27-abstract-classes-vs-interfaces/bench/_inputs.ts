/**
 * Inputs for the guard benches: users as class instances and as plain DTOs, with one shape or eight. The
 * eight DTO shapes are what JSON.parse builds from clients that order keys differently or send an extra
 * field: each key order is its own hidden class.
 */
import { z } from 'zod';
import { parseUserId } from '../src/brand.ts';
import { ROLES, type Role, User, type UserDto } from '../src/user.ts';

export const COUNT = 10_000;

const roleAt = (i: number): Role => ROLES[i % ROLES.length] as Role;
const idAt = (i: number) => `usr_${i.toString(36).padStart(12, '0')}`;
const emailAt = (i: number) => `user${i}@example.com`;

/** The zod peer of the hand guard: the same three kind checks, nothing more. */
export const kindsOnlySchema = z.object({ id: z.string(), email: z.string(), role: z.enum(ROLES) });

/** `COUNT` DTOs from JSON, all with one key order (one hidden class). */
export function dtosOneShape(): UserDto[] {
  return Array.from({ length: COUNT }, (_, i) =>
    JSON.parse(JSON.stringify({ id: idAt(i), email: emailAt(i), role: roleAt(i) })),
  );
}

const orders: ReadonlyArray<(i: number) => Record<string, unknown>> = [
  (i) => ({ id: idAt(i), email: emailAt(i), role: roleAt(i) }),
  (i) => ({ email: emailAt(i), id: idAt(i), role: roleAt(i) }),
  (i) => ({ role: roleAt(i), id: idAt(i), email: emailAt(i) }),
  (i) => ({ id: idAt(i), role: roleAt(i), email: emailAt(i) }),
  (i) => ({ email: emailAt(i), role: roleAt(i), id: idAt(i) }),
  (i) => ({ role: roleAt(i), email: emailAt(i), id: idAt(i) }),
  (i) => ({ id: idAt(i), email: emailAt(i), role: roleAt(i), locale: 'en' }),
  (i) => ({ id: idAt(i), email: emailAt(i), role: roleAt(i), plan: 'pro', seats: 3 }),
];

/** `COUNT` DTOs cycling through eight key orders and extra fields (eight hidden classes). */
export function dtosEightShapes(): UserDto[] {
  return Array.from({ length: COUNT }, (_, i) =>
    JSON.parse(JSON.stringify((orders[i % orders.length] as (i: number) => Record<string, unknown>)(i))),
  );
}

/** Eight subclasses: `instanceof User` on them walks one more prototype link, through eight maps. */
const subclasses = Array.from({ length: 8 }, (_, k) => {
  const Sub = class extends User {};
  Object.defineProperty(Sub, 'name', { value: `User${k}` });
  return Sub;
});

export function usersOneClass(): User[] {
  return Array.from({ length: COUNT }, (_, i) => new User(parseUserId(idAt(i)), emailAt(i), roleAt(i)));
}

export function usersEightClasses(): User[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const Sub = subclasses[i % subclasses.length] as typeof User;
    return new Sub(parseUserId(idAt(i)), emailAt(i), roleAt(i));
  });
}

/** Misses: DTO-like objects whose role is not one of ours (the last thing every check looks at). */
export function missingDtos(): unknown[] {
  return Array.from({ length: COUNT }, (_, i) => ({ id: idAt(i), email: emailAt(i), role: 'root' }));
}
