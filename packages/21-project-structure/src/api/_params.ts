import { HttpError } from './problems.ts';

/** A path id: digits only, no sign, no leading zero, no exponent (Number('1e3') is 1000, '0x10' is 16). */
export function pathId(raw: unknown, name: string): number {
  if (typeof raw === 'string' && /^[1-9][0-9]{0,14}$/.test(raw)) return Number(raw);
  throw new HttpError(400, 'invalid_id', `${name} must be a positive integer`);
}
