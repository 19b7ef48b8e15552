export { DEFAULT_OPTIONS, defaultOptions, FreshTags, PrototypeTags, SharedTags } from './defaults.ts';
export { Employee, type EmployeeData } from './employee.ts';
export { uniqueBy, valueEquals } from './equality.ts';
export { type DeepReadonly, deepFreeze, tryWrite } from './immutability.ts';
export { compareBy, descending, type SortKey } from './ordering.ts';
export { Point } from './point.ts';
export { replace, replaceInstance } from './replace.ts';
export { type EmployeeInput, EmployeeRecord, employeeFrom, type RecordResult } from './schemas.ts';
