/**
 * Pushes onto the array the caller passed. JavaScript passes object references by value ("call by
 * sharing"): the parameter and the caller's variable name one array, so the caller sees the push.
 */
export function addTagInPlace(tags: string[], tag: string): string[] {
  tags.push(tag);
  return tags;
}

/**
 * Rebinds the parameter to a new array. Only this function's own name moves; the caller's variable still
 * names the old array, which is untouched. (There is no pass-by-reference that could rebind the caller's name.)
 */
export function replaceTags(tags: string[], next: readonly string[]): string[] {
  tags = [...next];
  return tags;
}

/** A new array with `tag` appended; the caller's array is not changed. */
export const withTag = (tags: readonly string[], tag: string): string[] => [...tags, tag];

/**
 * A grid built with `fill(row)`: `fill` stores the one row object in every slot, so writing one cell writes
 * that column in every row. The JavaScript twin of Python's `[[0] * cols] * rows`.
 */
export function gridSharingOneRow(rows: number, cols: number, value = 0): number[][] {
  return new Array<number[]>(rows).fill(new Array<number>(cols).fill(value));
}

/** A grid whose rows are separate arrays: `Array.from` calls the factory once per row. */
export function gridWithOwnRows(rows: number, cols: number, value = 0): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(value));
}
