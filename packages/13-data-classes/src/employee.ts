/**
 * The series' `Employee` dataclass in TypeScript: a class-level constant (`ClassVar`), a default computed
 * for each instance (`field(default_factory=list)`), a sort order (`order=True`), `asdict` and `astuple`.
 */
import { compareBy } from './ordering.ts';

export interface EmployeeData {
  name: string;
  salary: number;
  skills: string[];
  hiredAt: string;
}

export class Employee {
  /** `company: ClassVar[str]`: one value on the class, not a field of each instance. */
  static readonly company = 'Acme Corp';

  /** `order=True` with a sort key of (salary, name): the comparator is built once, from key functions. */
  static readonly compare = compareBy<Employee>(
    (e) => e.salary,
    (e) => e.name,
  );

  // Default parameter values are evaluated on every call, so each Employee gets its own skills array and
  // its own hire date: JavaScript has no shared-mutable-default trap here (Python evaluates `def f(x=[])` once).
  constructor(
    readonly name: string,
    readonly salary: number,
    readonly skills: string[] = [],
    readonly hiredAt: Date = new Date(),
  ) {
    if (name.trim() === '') throw new RangeError('Employee needs a name');
    if (!(salary >= 0)) throw new RangeError(`salary must be zero or more; got ${salary}`);
  }

  /** `asdict`: a plain, JSON-ready copy (JSON.stringify calls it). The skills array is copied, not shared. */
  toJSON(): EmployeeData {
    return {
      name: this.name,
      salary: this.salary,
      skills: [...this.skills],
      hiredAt: this.hiredAt.toISOString(),
    };
  }

  /** `astuple`: the fields in declaration order, as a labelled read-only tuple. */
  toTuple(): readonly [name: string, salary: number, skills: readonly string[], hiredAt: Date] {
    return [this.name, this.salary, this.skills, this.hiredAt];
  }

  /** Rebuilds from `toJSON()` output, through the constructor (so its checks run). */
  static fromJSON(data: EmployeeData): Employee {
    return new Employee(data.name, data.salary, [...data.skills], new Date(data.hiredAt));
  }
}
