import { type DescriptorSummary, describeOwn } from './descriptors.ts';

/** Where a property lookup found `key`: the object on the chain, how far up, and what it found there. */
export interface Found {
  /** 0 = the object itself, 1 = its prototype, … */
  depth: number;
  owner: object;
  /** The owner's constructor name, or `Object.prototype` / `null-prototype object`, for printing. */
  ownerName: string;
  summary: DescriptorSummary;
}

/** A printable name for an object on a prototype chain. */
export function nameOf(obj: object): string {
  if (obj === Object.prototype) return 'Object.prototype';
  if (Object.hasOwn(obj, 'constructor')) {
    const ctor = (obj as { constructor: unknown }).constructor;
    if (typeof ctor === 'function' && ctor.prototype === obj) return `${ctor.name}.prototype`;
  }
  const proto = Object.getPrototypeOf(obj) as object | null;
  if (proto === null) return 'null-prototype object';
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' ? withArticle(ctor.name) : 'an object';
}

/** `an Object`, `an Item`, `a Square`: the article by the name's first letter (a vowel letter, not a sound). */
const withArticle = (name: string): string => (/^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`);

/** Every object a lookup on `obj` visits, itself first, `Object.prototype` last (for ordinary objects). */
export function chainOf(obj: object): object[] {
  const chain: object[] = [];
  for (let o: object | null = obj; o !== null; o = Object.getPrototypeOf(o) as object | null) chain.push(o);
  return chain;
}

/**
 * The [[Get]] walk: the first object on the chain with `key` as an own property answers, whatever kind it
 * is. There is no priority between kinds (unlike Python, where a data descriptor on the class beats the
 * instance `__dict__`): the nearest one wins, always.
 */
export function findProperty(obj: object, key: PropertyKey): Found | undefined {
  const chain = chainOf(obj);
  for (const [depth, owner] of chain.entries()) {
    const summary = describeOwn(owner, key);
    if (summary) return { depth, owner, ownerName: nameOf(owner), summary };
  }
  return undefined;
}

/** What `obj[key] = value` does, by the [[Set]] algorithm (ECMA-262 OrdinarySet), before running it. */
export type Assignment =
  | { effect: 'update-own' }
  | { effect: 'create-own'; shadows?: string }
  | { effect: 'call-setter'; on: string }
  | { effect: 'throw'; reason: 'read-only' | 'getter-only' | 'not-extensible'; on: string };

/**
 * Predicts an assignment in strict code. The surprise is on the prototype: an inherited setter is called
 * (the instance never gets its own property), an inherited read-only data property refuses the write
 * even though the instance has no such property (the "override mistake"), and only an inherited writable
 * data property (or nothing) lets the instance get its own, shadowing copy.
 */
export function predictAssignment(obj: object, key: PropertyKey): Assignment {
  const found = findProperty(obj, key);
  if (found?.summary.kind === 'accessor') {
    if (found.summary.hasSetter) return { effect: 'call-setter', on: found.ownerName };
    return { effect: 'throw', reason: 'getter-only', on: found.ownerName };
  }
  if (found && !found.summary.writable) return { effect: 'throw', reason: 'read-only', on: found.ownerName };
  if (found?.depth === 0) return { effect: 'update-own' };
  if (!Object.isExtensible(obj)) return { effect: 'throw', reason: 'not-extensible', on: nameOf(obj) };
  return found ? { effect: 'create-own', shadows: found.ownerName } : { effect: 'create-own' };
}

/** One line for a prediction, as the demo prints it. */
export function explainAssignment(a: Assignment): string {
  switch (a.effect) {
    case 'update-own':
      return 'updates its own property';
    case 'create-own':
      return a.shadows ? `creates an own property that shadows ${a.shadows}'s` : 'creates an own property';
    case 'call-setter':
      return `calls the setter on ${a.on}`;
    case 'throw':
      return `TypeError (${a.reason} on ${a.on})`;
  }
}
