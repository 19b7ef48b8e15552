import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/app-error.ts';
import { causeChain, describeChain, parseJsonBody } from '../src/cause.ts';
import { errorMessage, toError } from '../src/unknown.ts';

describe('cause chaining (raise … from)', () => {
  it('wraps the parser error and keeps it as the cause', () => {
    let caught: unknown;
    try {
      parseJsonBody('{"a":');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).code).toBe('invalid_json');
    expect((caught as Error).cause).toBeInstanceOf(SyntaxError);
    expect(causeChain(caught).map((e) => (e as Error).name)).toEqual(['ValidationError', 'SyntaxError']);
  });

  it('returns the parsed value when the JSON is valid', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
  });

  it('describes a three-level chain outermost first, non-Error causes included', () => {
    const error = new Error('checkout failed', {
      cause: new Error('payment declined', { cause: { status: 402 } }),
    });
    expect(describeChain(error)).toBe(
      'Error: checkout failed ← Error: payment declined ← thrown {"status":402}',
    );
  });

  it('stops at a cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    expect(causeChain(a)).toEqual([a, b]);
  });
});

describe('unknown in catch', () => {
  it('errorMessage handles every kind of thrown value without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(
      [new Error('e'), 'text', 42, null, undefined, { code: 'X' }, 10n, cyclic].map(errorMessage),
    ).toEqual(['e', 'text', '42', 'null', 'undefined', '{"code":"X"}', '10', '[object Object]']);
  });

  it('toError keeps Errors and wraps anything else with the original as cause', () => {
    const error = new RangeError('r');
    expect(toError(error)).toBe(error);
    const wrapped = toError('disk full');
    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toBe('non-Error thrown: disk full');
    expect(wrapped.cause).toBe('disk full');
  });
});
