/**
 * Interface-shaped data at a boundary: JSON from a request, a queue, a worker. It has no class, so
 * `instanceof` cannot recognise it; a structural guard or a schema can. The hand guard checks kinds (it is
 * as fast as a few property reads); the zod schema also checks content and refuses unknown fields.
 */
import { unstorableText } from '@lab/common/text';
import { z } from 'zod';
import { parseUserId, type UserId } from './brand.ts';

export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The wire shape: what JSON.parse gives back. */
export interface UserDto {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
}

/** The domain object: behaviour, a branded id, and a class that `instanceof` recognises. */
export class User {
  constructor(
    readonly id: UserId,
    readonly email: string,
    readonly role: Role,
  ) {}
  get isAdmin(): boolean {
    return this.role === 'admin';
  }
  static fromDto(dto: UserDto): User {
    return new User(parseUserId(dto.id), dto.email, dto.role);
  }
}

/** The structural guard: kinds and the role's closed set; extra fields pass, like TS assignability. */
export function isUserDto(value: unknown): value is UserDto {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.email === 'string' &&
    // includes compares with ===, so a non-string role is refused here too.
    (ROLES as readonly unknown[]).includes(v.role)
  );
}

// What text may hold: nothing PostgreSQL text or UTF-8 cannot carry (NUL, lone surrogates).
const cleanText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const problem = unstorableText(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** The schema: kinds, content and limits, and no unknown fields. */
export const userDtoSchema = z.strictObject({
  id: cleanText(40).regex(/^usr_[0-9a-z]{12}$/, 'must look like usr_ and 12 characters'),
  email: cleanText(254).pipe(z.email()),
  role: z.enum(ROLES),
});

/** Every problem of a candidate DTO as `field: message`, or [] when the schema accepts it. */
export function userDtoProblems(value: unknown): string[] {
  const result = userDtoSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}
