import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  describeRange,
  formatVersion,
  maxSatisfying,
  parseRange,
  parseVersion,
  SemverError,
  satisfies,
} from '../src/semver.ts';

describe('parseVersion and compareVersions', () => {
  it('reads major, minor, patch, prerelease identifiers, and ignores build metadata', () => {
    expect(parseVersion('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(parseVersion('v1.2.3-rc.10+build.7')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['rc', 10],
    });
    expect(formatVersion(parseVersion('1.0.0-alpha.1+sha.5'))).toBe('1.0.0-alpha.1');
  });

  it.each(['1.2', '01.2.3', '1.2.3.4', 'latest', '', '1.2.3-', ' 1.2.3 x'])('refuses %j', (text) => {
    expect(() => parseVersion(text)).toThrow(SemverError);
  });

  it('orders by semver precedence, prerelease before release, numbers before words', () => {
    const sorted = [
      '1.0.0',
      '1.0.0-rc.1',
      '1.0.0-beta.11',
      '1.0.0-beta.2',
      '1.0.0-beta',
      '1.0.0-alpha.1',
      '0.9.9',
      '1.0.0-1',
      '2.0.0',
      '1.10.0',
      '1.9.0',
    ]
      .map(parseVersion)
      .sort(compareVersions)
      .map(formatVersion);
    expect(sorted).toEqual([
      '0.9.9',
      '1.0.0-1',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.9.0',
      '1.10.0',
      '2.0.0',
    ]);
    expect(compareVersions(parseVersion('1.2.3+a'), parseVersion('1.2.3+b'))).toBe(0);
  });
});

describe('what each range form admits (node-semver rules, prereleases off)', () => {
  const cases: [range: string, admits: string[], refuses: string[]][] = [
    [
      '^1.2.3',
      ['1.2.3', '1.2.4', '1.3.0', '1.99.99'],
      ['1.2.2', '2.0.0', '2.0.0-0', '1.3.0-beta', '1.2.3-rc.1'],
    ],
    ['^0.2.3', ['0.2.3', '0.2.9'], ['0.2.2', '0.3.0', '1.0.0']],
    ['^0.0.3', ['0.0.3'], ['0.0.4', '0.0.2', '0.1.0']],
    ['^0.0', ['0.0.0', '0.0.9'], ['0.1.0']],
    ['^1', ['1.0.0', '1.9.9'], ['0.9.9', '2.0.0']],
    ['~1.2.3', ['1.2.3', '1.2.99'], ['1.2.2', '1.3.0']],
    ['~1.2', ['1.2.0', '1.2.5'], ['1.1.9', '1.3.0']],
    ['~1', ['1.0.0', '1.9.0'], ['2.0.0', '0.9.0']],
    ['~0.2.3', ['0.2.3', '0.2.4'], ['0.3.0']],
    ['1.x', ['1.0.0', '1.5.2'], ['2.0.0', '0.9.9']],
    ['1.2.*', ['1.2.0', '1.2.7'], ['1.3.0', '1.1.9']],
    ['1', ['1.0.0', '1.99.0'], ['2.0.0']],
    ['*', ['0.0.1', '99.0.0'], ['1.0.0-rc.1']],
    ['', ['3.1.4'], ['1.0.0-alpha']],
    ['>=1.2.3', ['1.2.3', '5.0.0'], ['1.2.2', '1.2.3-rc.1']],
    ['> 1.2.3', ['1.2.4'], ['1.2.3']],
    ['<1.2.3', ['1.2.2', '0.0.1'], ['1.2.3', '1.2.3-rc.1']],
    ['<=1.2.3', ['1.2.3'], ['1.2.4']],
    ['>1.2', ['1.3.0'], ['1.2.9']],
    ['<=1.2', ['1.2.9'], ['1.3.0']],
    ['<1.2', ['1.1.9'], ['1.2.0']],
    ['>=1.2', ['1.2.0'], ['1.1.9']],
    ['>1', ['2.0.0'], ['1.9.9']],
    ['=1.2.3', ['1.2.3'], ['1.2.4']],
    ['1.2.3', ['1.2.3'], ['1.2.4', '1.2.2']],
    ['>=1.2.0 <1.4.0', ['1.2.0', '1.3.9'], ['1.4.0', '1.1.0']],
    ['1.2.3 - 2.3.4', ['1.2.3', '2.3.4'], ['2.3.5', '1.2.2']],
    ['1.2 - 2', ['1.2.0', '2.9.9'], ['3.0.0', '1.1.9']],
    ['^1.2.3 || ^2.0.0', ['1.5.0', '2.1.0'], ['3.0.0', '1.2.2']],
    [
      '^1.2.3-beta.2',
      ['1.2.3-beta.2', '1.2.3-beta.10', '1.2.3', '1.9.0'],
      ['1.2.3-beta.1', '1.3.0-beta.1', '2.0.0'],
    ],
    ['~1.2.3-rc.1', ['1.2.3-rc.2', '1.2.4'], ['1.2.4-rc.1', '1.3.0']],
    ['<1.2.3-rc.2', ['1.2.3-rc.1', '1.2.2'], ['1.2.3-rc.2', '1.2.2-rc.9']],
    ['>*', [], ['1.0.0', '0.0.0']],
    ['<*', [], ['1.0.0']],
    ['>=*', ['1.0.0'], []],
  ];

  it.each(cases)('%j', (range, admits, refuses) => {
    for (const v of admits) expect(satisfies(v, range), `${v} in ${range}`).toBe(true);
    for (const v of refuses) expect(satisfies(v, range), `${v} not in ${range}`).toBe(false);
  });

  it('normalises each shorthand the way npm does', () => {
    expect(describeRange('^1.2.3')).toBe('>=1.2.3 <2.0.0-0');
    expect(describeRange('~1.2.3')).toBe('>=1.2.3 <1.3.0-0');
    expect(describeRange('1.x')).toBe('>=1.0.0 <2.0.0-0');
    expect(describeRange('^0.2.3')).toBe('>=0.2.3 <0.3.0-0');
    expect(describeRange('>=1.2.3')).toBe('>=1.2.3');
    expect(describeRange('*')).toBe('*');
    expect(describeRange('1.2.3')).toBe('1.2.3');
    expect(describeRange('<=1.2')).toBe('<1.3.0-0');
    expect(describeRange('^1 || 2.x')).toBe('>=1.0.0 <2.0.0-0 || >=2.0.0 <3.0.0-0');
  });
});

describe('maxSatisfying: what a fresh install (no lockfile) picks', () => {
  const published = ['1.2.3', '1.2.4', '1.3.0', '1.4.0-beta.1', '2.0.0', '2.1.0-rc.1'];

  it('picks the highest admitted release, never a prerelease it did not ask for', () => {
    expect(maxSatisfying(published, '^1.2.3')).toBe('1.3.0');
    expect(maxSatisfying(published, '~1.2.3')).toBe('1.2.4');
    expect(maxSatisfying(published, '1.2.3')).toBe('1.2.3');
    expect(maxSatisfying(published, '>=1.2.3')).toBe('2.0.0');
    expect(maxSatisfying(published, '^2.1.0-rc.0')).toBe('2.1.0-rc.1');
  });

  it('is undefined when nothing fits', () => {
    expect(maxSatisfying(published, '^3.0.0')).toBeUndefined();
    expect(maxSatisfying([], '*')).toBeUndefined();
  });
});

describe('adversarial ranges', () => {
  it('refuses a NUL and a 10k-character range before parsing', () => {
    expect(() => parseRange('^1.2.3\u0000')).toThrow('range refused: NUL or too long');
    expect(() => parseRange('1'.repeat(10_000))).toThrow('range refused: NUL or too long');
    expect(() => parseRange(`${'1.2.3 '.repeat(42)}1.2`)).not.toThrow();
  });

  it('refuses a lone surrogate, garbage and the wrong type with a SemverError', () => {
    expect(() => parseRange('^1.2.\ud800')).toThrow(SemverError);
    expect(() => parseRange('^^1.2.3')).toThrow(SemverError);
    expect(() => parseRange('latest')).toThrow(SemverError);
    expect(() => parseRange(42 as unknown as string)).toThrow('a range must be a string');
    expect(() => satisfies('1.2', '^1.0.0')).toThrow(SemverError);
  });
});

describe('edges the main tables do not reach', () => {
  const v = parseVersion;

  it('names its error and quotes the text it refused', () => {
    const error = (() => {
      try {
        parseVersion('latest');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SemverError);
    expect((error as SemverError).name).toBe('SemverError');
    expect((error as SemverError).message).toBe('not a version: "latest"');
    expect(() => parseRange('^1.2.3.4')).toThrow(new SemverError('not a version in a range: "1.2.3.4"'));
  });

  it('trims a version, and reads only all-digit identifiers as numbers', () => {
    expect(parseVersion(' 1.2.3 ')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(parseVersion('1.0.0-a1.1a.7').prerelease).toEqual(['a1', '1a', 7]);
  });

  it('compares prerelease identifiers pairwise: numbers below words, words by code unit, shorter first', () => {
    expect(compareVersions(v('1.0.0-1'), v('1.0.0-a'))).toBe(-1);
    expect(compareVersions(v('1.0.0-a'), v('1.0.0-1'))).toBe(1);
    expect(compareVersions(v('1.0.0-alpha'), v('1.0.0-beta'))).toBe(-1);
    expect(compareVersions(v('1.0.0-beta'), v('1.0.0-alpha'))).toBe(1);
    expect(compareVersions(v('1.0.0-beta'), v('1.0.0-beta'))).toBe(0);
    expect(compareVersions(v('1.0.0-alpha'), v('1.0.0-alpha.1'))).toBe(-1);
    expect(compareVersions(v('1.0.0-alpha.1'), v('1.0.0-alpha'))).toBe(1);
  });

  it.each([
    ['>1.2', '>=1.3.0'],
    ['>1', '>=2.0.0'],
    ['1.x.3', '>=1.0.0 <2.0.0-0'],
    ['1.2.x-rc.1', '>=1.2.0 <1.3.0-0'],
    ['^*', '*'],
    ['~*', '*'],
    ['^0', '>=0.0.0 <1.0.0-0'],
    ['* - 2', '<3.0.0-0'],
    ['~>1.2.3', '>=1.2.3 <1.3.0-0'],
    ['~ 1.2.3', '>=1.2.3 <1.3.0-0'],
    ['>=  1.2.3', '>=1.2.3'],
    ['1.2.3  -  2.3.4', '>=1.2.3 <=2.3.4'],
    ['1.0.0 || 1.2.3 - 2.3.4 ', '1.0.0 || >=1.2.3 <=2.3.4'],
  ])('%j is %j', (range, normal) => {
    expect(describeRange(range)).toBe(normal);
  });

  it('admits every release for ^* and ~*', () => {
    expect(satisfies('7.0.0', '^*')).toBe(true);
    expect(satisfies('7.0.0', '~*')).toBe(true);
  });

  it('takes a hyphen range only when it is the whole set', () => {
    expect(() => parseRange('1.0.0 1.2.3 - 2.3.4')).toThrow(SemverError);
    expect(() => parseRange('1.2.3 - 2.3.4 5.0.0')).toThrow(SemverError);
  });

  it('admits a prerelease only of the exact x.y.z a comparator names', () => {
    expect(satisfies('1.2.3-beta.3', '^1.2.3-beta.2')).toBe(true);
    expect(satisfies('1.3.3-beta.1', '^1.2.3-beta.2')).toBe(false);
    expect(satisfies('1.5.3-beta.1', '^1.2.3-beta.2')).toBe(false);
    expect(satisfies('2.2.3-beta.1', '>=1.2.3-beta.2')).toBe(false);
    expect(satisfies('1.2.4-beta.3', '>=1.2.3-beta.2')).toBe(false);
  });

  it('allows a range of exactly 256 characters and refuses 257', () => {
    const longest = `${'1.2.3 '.repeat(42)}1.23`;
    expect(longest).toHaveLength(256);
    expect(() => parseRange(longest)).not.toThrow();
    expect(() => parseRange(`${longest}4`)).toThrow('range refused: NUL or too long');
  });

  it('maxSatisfying keeps the highest, whatever order the versions come in', () => {
    expect(maxSatisfying(['1.3.0', '1.2.4', '1.2.3'], '^1.2.3')).toBe('1.3.0');
  });
});
