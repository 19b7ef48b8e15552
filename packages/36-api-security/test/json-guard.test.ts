import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JSON_LIMITS,
  ForbiddenKeyError,
  forbiddenKeyReviver,
  jsonDocumentProblem,
} from '../src/json-guard.ts';
import { hasBadText } from '../src/text.ts';

const parse = (text: string) => JSON.parse(text, forbiddenKeyReviver) as unknown;

describe('forbiddenKeyReviver', () => {
  it.each([
    ['top-level __proto__', '{"__proto__":{"x":1}}', '__proto__'],
    ['nested __proto__', '{"a":[{"b":{"__proto__":null}}]}', '__proto__'],
    ['__proto__ with a scalar', '{"__proto__":1}', '__proto__'],
    ['constructor.prototype', '{"constructor":{"prototype":{"x":1}}}', 'constructor.prototype'],
    ['nested constructor.prototype', '{"a":{"constructor":{"prototype":1}}}', 'constructor.prototype'],
  ])('refuses %s', (_, text, key) => {
    let thrown: unknown;
    try {
      parse(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenKeyError);
    expect((thrown as ForbiddenKeyError).key).toBe(key);
    expect((thrown as Error).message).toBe(`the JSON body contains the key "${key}", which is refused`);
  });

  it.each([
    ['a plain "constructor" field', '{"constructor":"Ada Lovelace"}'],
    ['constructor object without prototype', '{"constructor":{"name":"x"}}'],
    ['"prototype" on its own', '{"prototype":1}'],
    ['"__proto__" as a value', '{"key":"__proto__"}'],
    ['"__proto__x" lookalike', '{"__proto__x":1}'],
  ])('lets %s through unchanged', (_, text) => {
    expect(parse(text)).toEqual(JSON.parse(text));
  });
});

describe('jsonDocumentProblem', () => {
  const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nest(depth - 1) });

  it('accepts an ordinary document', () => {
    expect(
      jsonDocumentProblem({ theme: 'dark', sizes: [1, 2], ui: { dense: true, sidebar: null } }),
    ).toBeUndefined();
  });

  it.each([[null], [[1]], ['text'], [1]])('refuses a non-object %j', (value) => {
    expect(jsonDocumentProblem(value)).toBe('must be a JSON object');
  });

  it('allows maxDepth levels of nesting and refuses one more', () => {
    expect(jsonDocumentProblem(nest(DEFAULT_JSON_LIMITS.maxDepth + 1))).toBeUndefined();
    expect(jsonDocumentProblem(nest(DEFAULT_JSON_LIMITS.maxDepth + 2))).toBe(
      'a.a.a.a.a: nested deeper than 4 levels',
    );
  });

  it('survives nesting ten thousand deep without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(jsonDocumentProblem({ deep })).toMatch(/nested deeper/);
  });

  it('counts keys and items over the whole document: 200 pass, 201 do not', () => {
    const wide = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(jsonDocumentProblem(wide(200))).toBeUndefined();
    expect(jsonDocumentProblem(wide(201))).toBe('more than 200 keys and items in all');
    expect(jsonDocumentProblem({ list: Array.from({ length: 199 }, () => 0) })).toBeUndefined();
    expect(jsonDocumentProblem({ list: Array.from({ length: 200 }, () => 0) })).toBe(
      'more than 200 keys and items in all',
    );
  });

  it.each([
    ['NUL in a value', { a: 'x\u0000' }, 'a: contains U+0000 or a lone surrogate'],
    ['lone surrogate in a value', { a: ['ok', '\ud800'] }, 'a.1: contains U+0000 or a lone surrogate'],
    ['1001-character string', { a: 'x'.repeat(1_001) }, 'a: longer than 1000 characters'],
    ['NUL in a key', { 'k\u0000': 1 }, ': a key is empty, longer than 64 characters, or not storable text'],
    ['empty key', { '': 1 }, ': a key is empty, longer than 64 characters, or not storable text'],
    [
      '65-character key',
      { ['k'.repeat(65)]: 1 },
      ': a key is empty, longer than 64 characters, or not storable text',
    ],
  ])('refuses %s', (_, value, problem) => {
    expect(jsonDocumentProblem(value)).toBe(problem);
  });

  it('accepts the limits exactly: a 1000-character string, a 64-character key, a surrogate pair', () => {
    expect(jsonDocumentProblem({ ['k'.repeat(64)]: 'x'.repeat(1_000), emoji: '😀' })).toBeUndefined();
  });
});

describe('hasBadText', () => {
  it.each([
    ['plain', 'hello', false],
    ['a surrogate pair (emoji)', 'a😀b', false],
    ['NUL', 'a\u0000b', true],
    ['lone high surrogate', 'a\ud800b', true],
    ['lone high surrogate at the end', 'a\ud800', true],
    ['lone low surrogate', '\udc00a', true],
    ['reversed pair', '\ude00\ud83d', true],
  ])('%s → %s', (_, text, bad) => {
    expect(hasBadText(text)).toBe(bad);
  });
});
