/**
 * Types vanish at run time. tsx, esbuild, `tsc` and Node's own type stripping all delete annotations and
 * never add checks, so a type assertion on data from outside is a promise nothing keeps.
 */

export interface Account {
  id: number;
  balance: number;
}

/** The tempting one-liner: `as Account` tells the compiler to stop checking, and the run time never starts. */
export function parseAccountUnchecked(json: string): Account {
  return JSON.parse(json) as Account;
}

/** Adds a deposit. Correct for a real number; with a string balance `+` concatenates. */
export function deposit(account: Account, amount: number): number {
  return account.balance + amount;
}

/** A function with annotations, to print as the run time sees it (its source, after type stripping). */
export function typedAdd(a: number, b: number): number {
  return a + b;
}

/** `typedAdd`'s source as Node holds it: the annotations are not there. */
export const sourceAtRunTime = (): string => typedAdd.toString();
