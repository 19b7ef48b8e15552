import { describe, expect, it } from 'vitest';
import { parseFindings, probeShapes } from '../src/shape-probe.ts';

describe('probeShapes (V8 asked directly, in a child process with --allow-natives-syntax)', () => {
  it('answers every question, with V8’s hidden-class rules', async () => {
    const findings = await probeShapes();
    const answers = Object.fromEntries(findings.map((f) => [f.id, f.answer]));
    expect(answers).toEqual({
      'same-class': true,
      'literal-order': false,
      'class-vs-literal': false,
      'conditional-field': false,
      'added-later': false,
      'added-later-fast': true,
      'delete-middle-fast': false,
      'delete-first-literal-fast': false,
      // V8 11 (Node 20) undid the last transition on delete of the last-added field; V8 12+ (Node 22+) does not.
      'delete-last-fast': Number(process.versions.v8.split('.')[0]) < 12,
      'undefined-instead': true,
      'many-keys-fast': false,
      'sealed-fast': true,
      'sealed-same': true,
    });
  });

  it('leaves this process without natives syntax', () => {
    expect(() => new Function('a', 'b', 'return %HaveSameMap(a, b)')).toThrow(SyntaxError);
  });
});

describe('parseFindings', () => {
  it('keeps the findings in order', () => {
    const out = '[{"id":"a","question":"q1","answer":true},{"id":"b","question":"q2","answer":false}]';
    expect(parseFindings(out).map((f) => `${f.id}=${f.answer}`)).toEqual(['a=true', 'b=false']);
  });

  it('refuses output that is not an array, or a finding without a boolean answer', () => {
    expect(() => parseFindings('{}')).toThrow('expected a JSON array');
    expect(() => parseFindings('[{"id":"a","question":"q","answer":"yes"}]')).toThrow('finding 0');
    expect(() => parseFindings('[null]')).toThrow('finding 0');
    expect(() => parseFindings('[{"question":"q","answer":true}]')).toThrow('finding 0');
    expect(() => parseFindings('[{"id":"a","answer":true}]')).toThrow('finding 0');
    expect(() => parseFindings('[{"id":"a","question":"q","answer":true},{"id":"b"}]')).toThrow('finding 1');
  });
});
