import { describe, expect, it } from 'vitest';
import { closestMatch, levenshtein, unstorableText } from '../src/text.ts';

describe('levenshtein', () => {
  it('computes edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });
});

describe('closestMatch', () => {
  it('finds the nearest candidate within the distance, case-insensitively', () => {
    expect(closestMatch('tiemout', ['timeout', 'retries'])).toBe('timeout');
    expect(closestMatch('RETRIES', ['timeout', 'retries'])).toBe('retries');
    expect(closestMatch('verbose', ['timeout', 'retries'])).toBeUndefined();
  });
});

describe('unstorableText', () => {
  it('accepts ordinary and astral text, empty too (length is the field rule, not this one)', () => {
    for (const ok of ['', 'Ada', 'ünïcödé', 'emoji 😀 pair', '\uD83D\uDE00', 'x'.repeat(10_000)]) {
      expect(unstorableText(ok), JSON.stringify(ok)).toBeUndefined();
    }
  });

  it('names NUL anywhere, before a lone surrogate', () => {
    expect(unstorableText('\u0000')).toBe('contains NUL (U+0000)');
    expect(unstorableText('a\u0000b')).toBe('contains NUL (U+0000)');
    expect(unstorableText('\uD800\u0000')).toBe('contains NUL (U+0000)');
  });

  it('names a high half alone, a low half alone, and halves in the wrong order', () => {
    for (const bad of [
      '\uD800',
      'a\uD800b',
      '\uDC00',
      'x\uDFFF',
      '\uDE00\uD83D',
      `${'x'.repeat(9_999)}\uD800`,
    ]) {
      expect(unstorableText(bad), JSON.stringify(bad)).toBe('contains a lone surrogate');
    }
  });
});
