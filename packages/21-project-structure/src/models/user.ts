import { z } from 'zod';
import { safeText } from './text.ts';

/** RFC 5321 caps a forward path at 256 octets, so an address longer than 254 characters is never deliverable. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;

export interface User {
  id: number;
  /** Trimmed and lower-cased, so `Ada@Example.com` and `ada@example.com ` are the same account. */
  email: string;
  name: string;
  createdAt: Date;
}

/** What registering a user accepts; `.parse` returns the normalised value the repository stores. */
export const NewUser = z.strictObject({
  email: safeText(MAX_EMAIL_LENGTH).trim().toLowerCase().pipe(z.email()),
  name: safeText(MAX_NAME_LENGTH).trim().min(1, 'must not be blank'),
});
export type NewUser = z.infer<typeof NewUser>;
