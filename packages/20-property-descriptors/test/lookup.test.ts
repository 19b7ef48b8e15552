import { describe, expect, it } from 'vitest';
import { aSquare, Shape, Square } from '../src/_chain-examples.ts';
import {
  type Assignment,
  chainOf,
  explainAssignment,
  findProperty,
  nameOf,
  predictAssignment,
} from '../src/lookup.ts';

/** Runs the assignment for real and reports what happened, in the same vocabulary as the prediction. */
function actualAssignment(obj: Record<string, unknown>, key: string): string {
  const ownBefore = Object.hasOwn(obj, key);
  try {
    obj[key] = 'new value';
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
  if (ownBefore) return 'own updated';
  return Object.hasOwn(obj, key) ? 'own created' : 'no own property';
}

const asOutcome = (a: Assignment): string =>
  a.effect === 'throw'
    ? 'threw TypeError'
    : a.effect === 'update-own'
      ? 'own updated'
      : a.effect === 'create-own'
        ? 'own created'
        : 'no own property';

describe('the [[Get]] walk', () => {
  it('visits the object, then each prototype up to Object.prototype', () => {
    expect(chainOf(new Square()).map(nameOf)).toEqual([
      'a Square',
      'Square.prototype',
      'Shape.prototype',
      'Object.prototype',
    ]);
    expect(nameOf(Object.create(null))).toBe('null-prototype object');
  });

  it('answers from the nearest owner, whatever its kind', () => {
    const square = aSquare();
    expect(findProperty(square, 'sides')).toMatchObject({ depth: 1, ownerName: 'Square.prototype' });
    expect(findProperty(square, 'describe')).toMatchObject({
      depth: 2,
      summary: { kind: 'data', writable: true },
    });
    expect(findProperty(square, 'toString')).toMatchObject({ depth: 3, ownerName: 'Object.prototype' });
    expect(findProperty(square, 'missing')).toBeUndefined();
    // An own data property beats an inherited accessor: there is no "data descriptor first" rule.
    Object.defineProperty(square, 'label', { value: 'own', writable: true });
    expect(findProperty(square, 'label')).toMatchObject({ depth: 0, summary: { kind: 'data' } });
    expect(square.label).toBe('own');
  });
});

describe('the [[Set]] prediction matches the engine', () => {
  it.each([
    ['describe', 'create-own', 'own created'],
    ['label', 'call-setter', 'no own property'],
    ['sides', 'throw', 'threw TypeError'],
    ['kind', 'throw', 'threw TypeError'],
    ['missing', 'create-own', 'own created'],
  ])('%s: predicts %s, the engine does "%s"', (key, effect, outcome) => {
    const square = aSquare();
    const prediction = predictAssignment(square, key);
    expect(prediction.effect).toBe(effect);
    expect(asOutcome(prediction)).toBe(outcome);
    expect(actualAssignment(square, key)).toBe(outcome);
  });

  it('updates an own property in place, and refuses a new one on a non-extensible object', () => {
    const square = aSquare();
    square.extra = 1;
    expect(predictAssignment(square, 'extra')).toEqual({ effect: 'update-own' });
    expect(actualAssignment(square, 'extra')).toBe('own updated');
    Object.preventExtensions(square);
    expect(predictAssignment(square, 'other')).toEqual({
      effect: 'throw',
      reason: 'not-extensible',
      on: 'a Square',
    });
    expect(actualAssignment(square, 'other')).toBe('threw TypeError');
    expect(predictAssignment(square, 'extra')).toEqual({ effect: 'update-own' });
  });

  it('the setter really ran: the inherited setter trimmed the value', () => {
    const square = aSquare();
    square.label = '  boxed  ';
    expect(square.label).toBe('boxed');
    expect(Object.hasOwn(square, 'label')).toBe(false);
  });

  it('a read-only data property on the prototype blocks assignment but not defineProperty', () => {
    const square = aSquare();
    expect(predictAssignment(square, 'kind')).toEqual({
      effect: 'throw',
      reason: 'read-only',
      on: 'Shape.prototype',
    });
    Object.defineProperty(square, 'kind', { value: 'square' });
    expect(square.kind).toBe('square');
    expect((Shape.prototype as unknown as { kind: string }).kind).toBe('shape');
  });

  it('explains each prediction in one line', () => {
    const square = aSquare();
    expect(explainAssignment(predictAssignment(square, 'describe'))).toBe(
      "creates an own property that shadows Shape.prototype's",
    );
    expect(explainAssignment(predictAssignment(square, 'label'))).toBe('calls the setter on Shape.prototype');
    expect(explainAssignment(predictAssignment(square, 'sides'))).toBe(
      'TypeError (getter-only on Square.prototype)',
    );
    expect(explainAssignment(predictAssignment(square, 'missing'))).toBe('creates an own property');
    square.missing = 1;
    expect(explainAssignment(predictAssignment(square, 'missing'))).toBe('updates its own property');
  });
});

describe('nameOf names a prototype only when it owns a constructor that points back at it', () => {
  it('an object with an unrelated own `constructor` is an instance, not a prototype', () => {
    expect(nameOf({ constructor: Square })).toBe('an Object');
    expect(nameOf({ constructor: 'not a function' })).toBe('an Object');
    // A non-function `constructor` whose `prototype` points back is still not a class's prototype.
    const fake: { constructor?: unknown } = {};
    fake.constructor = { name: 'Fake', prototype: fake };
    expect(nameOf(fake)).toBe('an Object');
  });

  it('an object that only inherits a constructor pointing back at it is not named as the prototype', () => {
    // F.prototype is `obj`, and `obj` inherits `constructor: F` from its own prototype: the engine's `new F`
    // would make instances of it, but `obj` does not own the link, so it is named as an instance of F.
    function F(): void {}
    const parent = { constructor: F };
    const obj: object = Object.create(parent);
    F.prototype = obj;
    expect(nameOf(obj)).toBe('a F');
  });

  it("names an object whose prototype has no constructor 'an object'", () => {
    expect(nameOf(Object.create(Object.create(null)))).toBe('an object');
  });

  it('names Object.prototype itself', () => {
    expect(nameOf(Object.prototype)).toBe('Object.prototype');
  });
});
