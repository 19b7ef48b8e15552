/** A to-do item: the record the immutable-update helpers below work on. */
export interface Todo {
  readonly title: string;
  readonly done: boolean;
}

/** A new list with `todo` appended (spread). */
export const addTodo = (todos: readonly Todo[], todo: Todo): Todo[] => [...todos, todo];

/** A new list with item `index` replaced by a toggled copy (`with`, ES2023). Out of range: RangeError. */
export function toggleTodo(todos: readonly Todo[], index: number): Todo[] {
  const todo = todos.at(index);
  if (todo === undefined) throw new RangeError(`no todo at index ${index} (there are ${todos.length})`);
  return todos.with(index, { ...todo, done: !todo.done });
}

/** A new list without item `index` (`toSpliced`, ES2023). */
export function removeTodo(todos: readonly Todo[], index: number): Todo[] {
  if (!Number.isInteger(index) || index < 0 || index >= todos.length)
    throw new RangeError(`no todo at index ${index} (there are ${todos.length})`);
  return todos.toSpliced(index, 1);
}

/** A new list in title order (`toSorted`, ES2023); `sort` would reorder the caller's array. */
export const byTitle = (todos: readonly Todo[]): Todo[] =>
  todos.toSorted((a, b) => a.title.localeCompare(b.title));

/** Overwrites one slot of the array it is given: O(1), and every holder of the array sees the change. */
export function setInPlace<T>(values: T[], index: number, value: T): T[] {
  values[index] = value;
  return values;
}

/** Copy-on-write with `with`: a new array of the same length, O(n), the original untouched. */
export const setWith = <T>(values: readonly T[], index: number, value: T): T[] => values.with(index, value);

/** Copy-on-write with a spread and an assignment: the pre-ES2023 spelling of `with`. */
export function setBySpread<T>(values: readonly T[], index: number, value: T): T[] {
  const copy = [...values];
  copy[index] = value;
  return copy;
}
