/**
 * The key of an object's own deep-copy method, the counterpart of Python's `__deepcopy__(self, memo)`.
 * `deepClone` calls `value[deepCloneHook](clone)` instead of copying the object itself; `clone` copies a
 * child with the same memo, so shared references stay shared. Use it for what a property walk cannot copy:
 * private `#fields`, handles, caches that should start empty.
 */
export const deepCloneHook: unique symbol = Symbol.for('interview-lab.deepClone');

/** Copies one child value inside a `deepCloneHook` method, sharing the caller's memo. */
export type CloneChild = <U>(value: U) => U;

/** An object that copies itself. */
export interface SelfCloning {
  [deepCloneHook](clone: CloneChild): unknown;
}

const hasHook = (value: object): value is SelfCloning =>
  typeof (value as Partial<SelfCloning>)[deepCloneHook] === 'function';

const IN_PROGRESS = Symbol('in progress');

// Objects whose state lives in internal slots that no walk can read: refused rather than copied empty.
const UNCLONEABLE: ReadonlyArray<[new (...args: never[]) => object, string]> = [
  [WeakMap, 'its entries cannot be enumerated'],
  [WeakSet, 'its entries cannot be enumerated'],
  [WeakRef, 'its target cannot be copied'],
  [Promise, 'its state cannot be read'],
];

/**
 * A hand-written deep copy. What it does, so you can decide whether it is the copy you want:
 *
 * - every object is copied once (a memo keyed by the original), so cycles and shared references come out
 *   as cycles and shared references in the copy, as with Python's `deepcopy` memo;
 * - the prototype is kept, so class instances keep their methods and `instanceof` (structuredClone does not);
 *   constructors are not run (Python's deepcopy does not call `__init__` either);
 * - own properties are copied with their attributes, string and symbol keys, enumerable or not; getters and
 *   setters are copied as accessors, not read; frozen, sealed and non-extensible objects stay so;
 * - arrays are copied element by element with their holes; named extra properties on an array (`arr.label`)
 *   are not copied, a trade for speed (structuredClone keeps them);
 * - Map keys and values, Set members, Dates, RegExps, ArrayBuffers and typed arrays are copied;
 * - functions are shared, not copied (as Python's deepcopy treats functions as atomic);
 * - an object with a `[deepCloneHook]` method copies itself;
 * - private `#fields` cannot be read from outside a class: an instance that has them is copied without them,
 *   and its methods that touch them throw on the copy. Give such classes a `[deepCloneHook]`;
 * - WeakMap, WeakSet, WeakRef and Promise are refused with a TypeError naming the path.
 */
export function deepClone<T>(value: T): T {
  return copy(value, new Map(), undefined) as T;
}

/**
 * Where a value sits, as a linked list built only for objects and rendered only for an error message:
 * formatting a path string for every element made copying a 10,000-number array ten times slower.
 */
interface Where {
  readonly up: Where | undefined;
  readonly step: PropertyKey;
  /** How `step` is written: `[0]`, `.name`, or a label such as `<key #0>`. */
  readonly as: 'index' | 'property' | 'label';
}

function render(where: Where | undefined): string {
  let text = '';
  for (let at = where; at; at = at.up) {
    const step = String(at.step);
    text =
      (at.as === 'index' || typeof at.step === 'symbol'
        ? `[${step}]`
        : at.as === 'label'
          ? step
          : `.${step}`) + text;
  }
  return `$${text}`;
}

type Memo = Map<object, unknown>;

function copy(value: unknown, memo: Memo, where: Where | undefined): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (memo.has(value)) {
    const done = memo.get(value);
    if (done === IN_PROGRESS)
      throw new TypeError(
        `deepClone: ${render(where)} leads back into an object whose [deepCloneHook] is still running`,
      );
    return done;
  }
  for (const [type, why] of UNCLONEABLE)
    if (value instanceof type) throw new TypeError(`deepClone: ${render(where)} is a ${type.name}; ${why}`);

  if (hasHook(value)) {
    memo.set(value, IN_PROGRESS);
    const inHook: Where = { up: where, step: '<hook>', as: 'label' };
    const result = value[deepCloneHook](<U>(child: U) => copy(child, memo, inHook) as U);
    memo.set(value, result);
    return result;
  }

  const proto = Object.getPrototypeOf(value) as object | null;
  const result = shell(value, memo, where);
  if (Object.getPrototypeOf(result) !== proto) Object.setPrototypeOf(result, proto);
  memo.set(value, result);

  if (value instanceof Map) {
    let i = 0;
    for (const [k, v] of value) {
      (result as Map<unknown, unknown>).set(
        copy(k, memo, { up: where, step: `<key #${i}>`, as: 'label' }),
        copy(v, memo, { up: where, step: `<value #${i}>`, as: 'label' }),
      );
      i++;
    }
  } else if (value instanceof Set) {
    let i = 0;
    for (const member of value)
      (result as Set<unknown>).add(copy(member, memo, { up: where, step: `<item #${i++}>`, as: 'label' }));
  }
  if (Array.isArray(value)) copyElements(value, result as unknown[], memo, where);
  // A typed array's own properties are its elements, already copied with the buffer.
  else if (!ArrayBuffer.isView(value)) copyOwnProperties(value, result, proto, memo, where);

  if (Object.isFrozen(value)) Object.freeze(result);
  else if (Object.isSealed(value)) Object.seal(result);
  else if (!Object.isExtensible(value)) Object.preventExtensions(result);
  return result;
}

/** A new, empty object of the same kind, holding the internal state (time, bytes, pattern) of `value`. */
function shell(value: object, memo: Memo, where: Where | undefined): object {
  if (Array.isArray(value)) return new Array<unknown>(value.length);
  if (value instanceof Map) return new Map();
  if (value instanceof Set) return new Set();
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (value instanceof ArrayBuffer) return value.slice(0);
  const atBuffer: Where = { up: where, step: 'buffer', as: 'property' };
  if (value instanceof DataView) {
    const buffer = copy(value.buffer, memo, atBuffer) as ArrayBuffer;
    return new DataView(buffer, value.byteOffset, value.byteLength);
  }
  if (ArrayBuffer.isView(value)) {
    // Copy the whole buffer through the memo, so two views of one buffer still share one buffer.
    const view = value as unknown as { buffer: ArrayBuffer; byteOffset: number; length: number };
    const buffer = copy(view.buffer, memo, atBuffer) as ArrayBuffer;
    const Typed = value.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => object;
    return new Typed(buffer, view.byteOffset, view.length);
  }
  return {};
}

/** Elements by index, holes kept. Named extra properties are skipped: listing them costs more than the copy. */
function copyElements(source: unknown[], target: unknown[], memo: Memo, where: Where | undefined): void {
  for (let i = 0; i < source.length; i++) {
    if (!(i in source)) continue;
    const item = source[i];
    target[i] =
      typeof item === 'object' && item !== null
        ? copy(item, memo, { up: where, step: i, as: 'index' })
        : item;
  }
}

function copyOwnProperties(
  source: object,
  target: object,
  proto: object | null,
  memo: Memo,
  where: Where | undefined,
): void {
  const record = target as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(source)) {
    const descriptor = Object.getOwnPropertyDescriptor(source, key);
    if (!descriptor) continue;
    if (!('value' in descriptor)) {
      Object.defineProperty(target, key, descriptor);
      continue;
    }
    const item: unknown = descriptor.value;
    const value =
      typeof item === 'object' && item !== null
        ? copy(item, memo, { up: where, step: key, as: 'property' })
        : item;
    // Plain assignment is several times faster than defineProperty; it is only safe for an ordinary data
    // property that no prototype intercepts (`__proto__` would set the prototype, an inherited setter would run).
    if (descriptor.writable && descriptor.enumerable && descriptor.configurable && assignable(proto, key))
      record[key] = value;
    else Object.defineProperty(target, key, { ...descriptor, value });
  }
}

const assignable = (proto: object | null, key: PropertyKey): boolean =>
  key !== '__proto__' && (proto === null || proto === Object.prototype || !(key in proto));
