import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  compareBy,
  DEFAULT_OPTIONS,
  defaultOptions,
  descending,
  Employee,
  EmployeeRecord,
  employeeFrom,
  FreshTags,
  PrototypeTags,
  SharedTags,
} from '../src/index.ts';

describe('defaults computed per instance', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('each Employee gets its own skills array and its own hire date, taken at construction', () => {
    vi.setSystemTime(new Date('2024-01-01T00:00:00Z'));
    const a = new Employee('Ada', 100);
    vi.setSystemTime(new Date('2024-06-01T00:00:00Z'));
    const b = new Employee('Bob', 90);
    a.skills.push('math');
    expect(b.skills).toEqual([]);
    expect(a.skills).not.toBe(b.skills);
    expect(a.hiredAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(b.hiredAt.toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });

  it('a class field initialiser is per instance; a hoisted default or a prototype property is shared', () => {
    new FreshTags().add('a');
    expect(new FreshTags().tags).toEqual([]);
    new SharedTags().add('a');
    new SharedTags().add('b');
    expect(new SharedTags().tags).toEqual(['a', 'b']);
    expect(new SharedTags(['own']).tags).toEqual(['own']);
    const first = new PrototypeTags().add('x');
    const second = new PrototypeTags();
    expect(second.tags).toEqual(['x']);
    expect(Object.hasOwn(first, 'tags')).toBe(false);
  });

  it('spreading a defaults object shares its nested array; a factory does not', () => {
    const a = { ...DEFAULT_OPTIONS };
    a.headers.push('x-a');
    expect(DEFAULT_OPTIONS.headers).toEqual(['x-a']);
    DEFAULT_OPTIONS.headers.length = 0;
    const b = defaultOptions();
    b.headers.push('x-b');
    expect(defaultOptions().headers).toEqual([]);
  });
});

describe('Employee', () => {
  const at = new Date('2024-01-01T00:00:00Z');

  it('has a class-level constant that is not an instance field', () => {
    const e = new Employee('Ada', 100, [], at);
    expect(Employee.company).toBe('Acme Corp');
    expect(Object.keys(e)).toEqual(['name', 'salary', 'skills', 'hiredAt']);
  });

  it('asdict / astuple / round trip through JSON', () => {
    const e = new Employee('Ada', 100, ['math'], at);
    const json = JSON.stringify(e);
    expect(json).toBe('{"name":"Ada","salary":100,"skills":["math"],"hiredAt":"2024-01-01T00:00:00.000Z"}');
    expect(e.toJSON().skills).not.toBe(e.skills);
    expect(e.toTuple()).toEqual(['Ada', 100, ['math'], at]);
    const back = Employee.fromJSON(JSON.parse(json));
    expect(back).toEqual(e);
    expect(back).toBeInstanceOf(Employee);
  });

  it('refuses an empty name and a negative or NaN salary', () => {
    expect(() => new Employee(' ', 1)).toThrow('Employee needs a name');
    expect(() => new Employee('a', -1)).toThrow('salary must be zero or more; got -1');
    expect(() => new Employee('a', Number.NaN)).toThrow(RangeError);
    expect(new Employee('a', 0).salary).toBe(0);
  });

  it('sorts by salary, then name, stably', () => {
    const staff = [
      new Employee('Cy', 90, [], at),
      new Employee('Ada', 100, [], at),
      new Employee('Bob', 90, [], at),
      new Employee('Al', 90, [], at),
    ];
    expect([...staff].sort(Employee.compare).map((e) => e.name)).toEqual(['Al', 'Bob', 'Cy', 'Ada']);
    expect([...staff].sort(descending(Employee.compare)).map((e) => e.name)).toEqual([
      'Ada',
      'Cy',
      'Bob',
      'Al',
    ]);
  });
});

describe('compareBy', () => {
  it('compares like a tuple and keeps ties in input order', () => {
    const rows = [
      { g: 'b', n: 2, id: 1 },
      { g: 'a', n: 2, id: 2 },
      { g: 'b', n: 1, id: 3 },
      { g: 'a', n: 2, id: 4 },
    ];
    const byGroupThenN = compareBy<(typeof rows)[number]>(
      (r) => r.g,
      (r) => r.n,
    );
    expect(rows.sort(byGroupThenN).map((r) => r.id)).toEqual([2, 4, 3, 1]);
    expect(compareBy<number>()(1, 2)).toBe(0);
  });
});

describe('EmployeeRecord (zod)', () => {
  const body = { name: ' Ada ', salary: 100, hiredAt: '2024-01-01T00:00:00Z' };

  it('trims, converts the date, fills a fresh default and freezes one level', () => {
    const a = EmployeeRecord.parse(body);
    const b = EmployeeRecord.parse(body);
    expect(a).toEqual({ name: 'Ada', salary: 100, skills: [], hiredAt: new Date('2024-01-01T00:00:00Z') });
    expect(a.skills).not.toBe(b.skills);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.skills)).toBe(false);
  });

  it('employeeFrom builds an Employee, or lists every problem', () => {
    const ok = employeeFrom({ ...body, skills: ['sql'] });
    expect(ok.ok && ok.employee).toEqual(new Employee('Ada', 100, ['sql'], new Date('2024-01-01T00:00:00Z')));
    expect(employeeFrom({ name: '', salary: -1, hiredAt: 'yesterday', boss: true })).toEqual({
      ok: false,
      problems: [
        'name: Too small: expected string to have >=1 characters',
        'salary: Too small: expected number to be >=0',
        'hiredAt: Invalid ISO datetime',
        '(root): Unrecognized key: "boss"',
      ],
    });
    expect(employeeFrom('Ada')).toEqual({
      ok: false,
      problems: ['(root): Invalid input: expected object, received string'],
    });
  });

  it('a skill list over the limit or with an empty skill names the position', () => {
    const result = employeeFrom({ ...body, skills: ['a', ''] });
    expect(result).toEqual({
      ok: false,
      problems: ['skills.1: Too small: expected string to have >=1 characters'],
    });
  });
});
