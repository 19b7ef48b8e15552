/**
 * Validated records: pydantic's side of the table. A zod schema checks data from outside, fills defaults
 * (a fresh one per parse, like `default_factory`), converts wire formats (an ISO string to a Date), and with
 * `.readonly()` freezes the result. The record type is inferred from the schema.
 */
import { z } from 'zod';
import { Employee } from './employee.ts';

export const EmployeeRecord = z
  .strictObject({
    name: z.string().trim().min(1),
    salary: z.number().nonnegative(),
    skills: z.array(z.string().min(1)).max(20).default([]),
    hiredAt: z.iso.datetime().transform((text) => new Date(text)),
  })
  .readonly();

/** What a client sends (`hiredAt` a string, `skills` optional)... */
export type EmployeeInput = z.input<typeof EmployeeRecord>;
/** ...and what the program holds: `hiredAt` a Date, `skills` present, the object frozen (one level). */
export type EmployeeRecord = z.output<typeof EmployeeRecord>;

export type RecordResult = { ok: true; employee: Employee } | { ok: false; problems: string[] };

/** Data from outside → a checked Employee, or every problem as `path: message`. Never throws for bad input. */
export function employeeFrom(input: unknown): RecordResult {
  const result = EmployeeRecord.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
    };
  }
  const { name, salary, skills, hiredAt } = result.data;
  return { ok: true, employee: new Employee(name, salary, [...skills], hiredAt) };
}
