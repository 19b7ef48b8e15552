import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSecretSchema, REDACTED, Secret, secret } from '../src/secret.ts';

const value = 'hunter2-hunter2';

describe('Secret', () => {
  const s = new Secret(value);

  it('prints [redacted] every way a logger looks at it', () => {
    expect(String(s)).toBe(REDACTED);
    expect(s.toString()).toBe(REDACTED);
    expect(`${s}`).toBe(REDACTED);
    expect(`x${s}`).toBe(`x${REDACTED}`);
    expect(JSON.stringify({ s })).toBe('{"s":"[redacted]"}');
    expect(inspect(s)).toBe(REDACTED);
    expect(inspect({ nested: { s } }, { depth: 5 })).toBe('{ nested: { s: [redacted] } }');
  });

  it('has no enumerable property a spread, Object.entries or structuredClone could copy', () => {
    expect(Object.keys(s)).toEqual([]);
    expect({ ...s }).toEqual({});
    expect(JSON.stringify(structuredClone(s))).toBe('{}');
  });

  it('gives the value to reveal() only, and is frozen', () => {
    expect(s.reveal()).toBe(value);
    expect(Object.isFrozen(s)).toBe(true);
  });
});

describe('secret() schemas', () => {
  it('validate with the inner schema, then wrap', () => {
    const schema = secret(z.string().min(3));
    const parsed = schema.parse('abcd');
    expect(parsed).toBeInstanceOf(Secret);
    expect(parsed.reveal()).toBe('abcd');
    expect(schema.safeParse('ab').success).toBe(false);
  });

  it('are recognised through .meta(), .describe(), .optional() and .default()', () => {
    const base = secret(z.string());
    expect(isSecretSchema(base)).toBe(true);
    expect(isSecretSchema(base.meta({ description: 'x' }))).toBe(true);
    expect(isSecretSchema(base.describe('x'))).toBe(true);
    expect(isSecretSchema(base.optional())).toBe(true);
    expect(isSecretSchema(base.optional().meta({ description: 'x' }))).toBe(true);
    for (const wrapped of [
      base.nullable(),
      base.readonly(),
      base.catch(new Secret('')),
      base.prefault('x'),
    ]) {
      expect(isSecretSchema(wrapped)).toBe(true);
    }
  });

  it('are not confused with ordinary schemas or transforms', () => {
    expect(isSecretSchema(z.string())).toBe(false);
    expect(isSecretSchema(z.string().transform((v) => new Secret(v)))).toBe(false);
    expect(isSecretSchema(z.string().optional())).toBe(false);
  });
});
