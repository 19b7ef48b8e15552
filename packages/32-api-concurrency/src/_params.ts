import type { Request } from 'express';
import { BadRequestError } from './errors.ts';

/** An integer query parameter within [min, max], or a 400 naming the parameter and the range. */
export function intQuery(req: Request, name: string, min: number, max: number, fallback?: number): number {
  const raw = req.query[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw))
    throw new BadRequestError(`query parameter "${name}" must be an integer between ${min} and ${max}`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new BadRequestError(`query parameter "${name}" must be between ${min} and ${max}, got ${raw}`);
  return value;
}
