import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../src/env-file.ts';

const valuesOf = (text: string) => Object.fromEntries(parseEnvFile(text).values);

describe('parseEnvFile reads what Node reads', () => {
  const agreeing = [
    'A=1',
    'A=1\nB=2',
    '# comment\n\nA=1',
    'export A=exported',
    '  A  =  spaced  ',
    'A=val # comment',
    'A=val#tight',
    'A=a=b=c',
    'A=',
    'A=""',
    "A='single \\n stays'",
    'A="double \\n expands"',
    'A="a \\t stays"',
    'A=`backticks`',
    'A="multi\nline"\nB=after',
    'A="quoted # not a comment"',
    'A="x" trailing ignored',
    'A=1\r\nB=2\r\n',
    'A=  "leading blanks before the quote"',
    'A=export is a value here',
    'CITY=Zürich ☕ 東京',
  ];
  it.each(agreeing)('%j', (text) => {
    const parsed = parseEnvFile(text);
    expect(parsed.problems).toEqual([]);
    expect(valuesOf(text)).toEqual(parseEnv(text));
  });

  it('old Mac line endings (a lone CR) end a line too', () => {
    expect(valuesOf('A=1\rB=2')).toEqual({ A: '1', B: '2' });
  });

  it('keeps each entry with its line number', () => {
    expect(parseEnvFile('# c\nA=1\n\nB="x\ny"\nC=3').entries).toEqual([
      { key: 'A', value: '1', line: 2 },
      { key: 'B', value: 'x\ny', line: 4 },
      { key: 'C', value: '3', line: 6 },
    ]);
  });
});

describe('parseEnvFile reports what Node drops or guesses', () => {
  it('a duplicate key: Node keeps the last silently; this keeps the last and names both lines', () => {
    const text = 'DATABASE_URL=postgres://a\nPORT=1\nDATABASE_URL=postgres://b';
    expect(parseEnv(text).DATABASE_URL).toBe('postgres://b');
    const parsed = parseEnvFile(text);
    expect(parsed.values.get('DATABASE_URL')).toBe('postgres://b');
    expect(parsed.problems).toEqual([{ line: 3, message: 'DATABASE_URL is already set on line 1' }]);
  });

  it('a key assigned three times is reported twice, against its first line', () => {
    expect(parseEnvFile('A=1\nA=2\nA=3').problems.map((p) => p.message)).toEqual([
      'A is already set on line 1',
      'A is already set on line 1',
    ]);
  });

  it('a line without "=" (Node 22+ skips it; Node 20 glues it to the next key, losing A)', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(parseEnv('JUSTAKEY\nA=1')).toEqual(major >= 22 ? { A: '1' } : { 'JUSTAKEY\nA': '1' });
    expect(parseEnvFile('JUSTAKEY\nA=1').problems).toEqual([{ line: 1, message: 'no "=" on this line' }]);
  });

  it('a key that is not an identifier (Node accepts "1K" and "K-K")', () => {
    expect(parseEnv('1K=v')).toEqual({ '1K': 'v' });
    expect(parseEnvFile('1K=v\nK-K=v\n=v').problems).toEqual([
      { line: 1, message: '"1K" is not a valid variable name' },
      { line: 2, message: '"K-K" is not a valid variable name' },
      { line: 3, message: '"" is not a valid variable name' },
    ]);
  });

  it('an unterminated quote (Node keeps the quote character in the value)', () => {
    expect(parseEnv('A="open\nB=1').A).toBe('"open');
    const parsed = parseEnvFile('A="open\nB=1');
    expect(parsed.problems).toEqual([{ line: 1, message: 'A: the " quote is never closed' }]);
    expect(parsed.entries).toEqual([]);
  });

  it('problems come sorted by line', () => {
    const lines = parseEnvFile('A=1\nbad\nA=2\n2X=1').problems.map((p) => p.line);
    expect(lines).toEqual([2, 3, 4]);
  });
});

describe('adversarial values pass through unchanged (the loader decides)', () => {
  it('NUL', () => {
    expect(parseEnvFile('A=a\u0000b').values.get('A')).toBe('a\u0000b');
  });

  it('10k characters', () => {
    const long = 'x'.repeat(10_000);
    expect(parseEnvFile(`A=${long}`).values.get('A')).toHaveLength(10_000);
  });

  it('a lone surrogate', () => {
    expect(parseEnvFile('A=\ud800').values.get('A')).toBe('\ud800');
  });
});
