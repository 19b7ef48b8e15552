/**
 * Where a default lives decides whether instances share it. Python's trap is a mutable default argument
 * (evaluated once) or a mutable class attribute; `field(default_factory=list)` is the fix. In TypeScript,
 * parameter defaults and class field initialisers run per instance; the trap moves to defaults you hoist
 * into a module constant or put on the prototype.
 */

/** Per instance: the field initialiser runs in every constructor call (like assigning in `__init__`). */
export class FreshTags {
  tags: string[] = [];
  add(tag: string): this {
    this.tags.push(tag);
    return this;
  }
}

const NO_TAGS: string[] = [];

/** Shared: the "optimisation" of hoisting the empty array makes every instance push into one array. */
export class SharedTags {
  tags: string[];
  constructor(tags: string[] = NO_TAGS) {
    this.tags = tags;
  }
  add(tag: string): this {
    this.tags.push(tag);
    return this;
  }
}

/** Shared: a property on the prototype, which is what a Python class attribute `tags = []` is. */
export class PrototypeTags {
  declare tags: string[];
  add(tag: string): this {
    this.tags.push(tag);
    return this;
  }
}
PrototypeTags.prototype.tags = [];

/** Spreading a defaults object copies one level: nested arrays stay shared unless the factory builds them. */
export const DEFAULT_OPTIONS = { retries: 3, headers: [] as string[] };

/** `default_factory`: a function returning a fresh value for each caller. */
export const defaultOptions = (): { retries: number; headers: string[] } => ({ retries: 3, headers: [] });
