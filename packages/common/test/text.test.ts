import { describe, expect, it } from 'vitest';
import { closestMatch, levenshtein } from '../src/text.ts';

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
