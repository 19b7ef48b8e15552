/**
 * Literal types: `Literal["read", "write", "append"]`. One `as const` array is the single source for the
 * type and for the run-time check, so the two cannot drift apart.
 */

export const MODES = ['read', 'write', 'append'] as const;
/** `'read' | 'write' | 'append'`, computed from the array. */
export type Mode = (typeof MODES)[number];

/** A type guard over the literal set: after `isMode(s)`, `s` is a `Mode`. */
export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

/** The flag `fs.open` takes for each mode; a `Record<Mode, …>` fails to compile if a mode is missing. */
const FLAGS: Record<Mode, string> = { read: 'r', write: 'w', append: 'a' };

export function openFlag(mode: Mode): string {
  return FLAGS[mode];
}

/** A string from outside (a query parameter, a CLI flag) checked against the set, with the allowed values in the error. */
export function parseMode(text: string): Mode {
  if (isMode(text)) return text;
  throw new RangeError(`mode must be one of ${MODES.join(', ')}; got '${text}'`);
}

/** Template literal types: the event names are computed from the two unions, 2 × 2 of them. */
export type EntityEvent = `${'user' | 'order'}.${'created' | 'deleted'}`;

export function eventName(entity: 'user' | 'order', action: 'created' | 'deleted'): EntityEvent {
  return `${entity}.${action}`;
}
