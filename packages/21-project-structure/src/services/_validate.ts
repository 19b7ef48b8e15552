import type { z } from 'zod';
import { NotFoundError, ValidationError } from './errors.ts';

/** Parses `input` with a model schema, or throws a ValidationError listing every issue (zod's error as cause). */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ValidationError(issues, { cause: result.error });
}

/** Ids are PostgreSQL integers ≥ 1: anything else names no entity, so it is "not found" without a query. */
export function requireId(entity: 'user' | 'order', id: number): void {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new NotFoundError(entity, id);
}
