import { describe, expect, it } from 'vitest';
import { describeValue } from '../src/config-error.ts';
import { deepFreeze } from '../src/deep-freeze.ts';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays, and returns the same object', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    const frozen = deepFreeze(value);
    expect(frozen).toBe(value);
    expect([Object.isFrozen(value.a), Object.isFrozen(value.a.b), Object.isFrozen(value.a.b[1])]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('survives a cycle', () => {
    const node: { self?: unknown; child: { parent?: unknown } } = { child: {} };
    node.self = node;
    node.child.parent = node;
    expect(Object.isFrozen(deepFreeze(node).child)).toBe(true);
  });

  it('leaves primitives alone', () => {
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBe(null);
  });
});

describe('describeValue', () => {
  it('quotes up to 40 characters whole, cuts from 41', () => {
    expect(describeValue('x'.repeat(40), false)).toBe(`"${'x'.repeat(40)}"`);
    expect(describeValue('x'.repeat(41), false)).toBe(`"${'x'.repeat(40)}"… (41 characters)`);
  });

  it('names the type of a non-string, null included', () => {
    expect([describeValue(null, false), describeValue(1, false), describeValue({}, false)]).toEqual([
      'a null',
      'a number',
      'a object',
    ]);
  });

  it('never quotes a secret, whatever its length', () => {
    expect(describeValue('', true)).toBe('[redacted] (0 characters)');
    expect(describeValue(undefined, true)).toBe('nothing');
  });
});
