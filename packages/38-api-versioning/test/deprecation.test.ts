import { describe, expect, it } from 'vitest';
import { deprecationHeaders, parseHttpDate, parseLinkHeader, parseStructuredDate } from '../src/index.ts';

const policy = (deprecatedAt: string, sunset: string) => ({
  deprecatedAt: new Date(deprecatedAt),
  sunset: new Date(sunset),
  successor: '/api/v2/users/7',
  policyUrl: 'https://docs.example.test/deprecations',
});

describe('deprecationHeaders', () => {
  it('the three headers, Deprecation in whole seconds', () => {
    expect(deprecationHeaders(policy('2026-01-01T00:00:00.999Z', '2027-01-01T00:00:00Z'))).toEqual({
      Deprecation: '@1767225600',
      Sunset: 'Fri, 01 Jan 2027 00:00:00 GMT',
      Link: '</api/v2/users/7>; rel="successor-version", <https://docs.example.test/deprecations>; rel="deprecation"; type="text/html"',
    });
  });

  it('a sunset before the deprecation is refused; on the same instant it is allowed', () => {
    expect(() => deprecationHeaders(policy('2027-01-01T00:00:00Z', '2026-12-31T23:59:59Z'))).toThrow(
      new RangeError('a version cannot be sunset before it is deprecated'),
    );
    expect(deprecationHeaders(policy('2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).Sunset).toBe(
      'Fri, 01 Jan 2027 00:00:00 GMT',
    );
  });
});

describe('parseHttpDate reads IMF-fixdate only', () => {
  it('accepts the form toUTCString prints', () => {
    expect(parseHttpDate('Fri, 01 Jan 2027 00:00:00 GMT')).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it.each([
    ['ISO 8601', '2027-01-01T00:00:00Z'],
    ['a wrong weekday', 'Thu, 01 Jan 2027 00:00:00 GMT'],
    ['a day that does not exist (Date would roll it over)', 'Sun, 31 Feb 2027 00:00:00 GMT'],
    ['an hour that does not exist', 'Fri, 01 Jan 2027 25:00:00 GMT'],
    ['a one-digit day', 'Fri, 1 Jan 2027 00:00:00 GMT'],
    ['a five-digit year (Date reads it)', 'Sat, 01 Jan 10000 00:00:00 GMT'],
    ['another zone', 'Fri, 01 Jan 2027 00:00:00 UTC'],
  ])('refuses %s', (_, value) => {
    expect(parseHttpDate(value)).toBeUndefined();
  });
});

describe('parseStructuredDate reads @<unix seconds>', () => {
  it('whole seconds, before 1970 too', () => {
    expect(parseStructuredDate('@1767225600')).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(parseStructuredDate('@-86400')).toEqual(new Date('1969-12-31T00:00:00Z'));
  });

  it.each(['true', '1767225600', '@1767225600.5', ' @1767225600', '@1767225600 ', '@', 'x@1'])(
    'refuses %j',
    (value) => {
      expect(parseStructuredDate(value)).toBeUndefined();
    },
  );
});

describe('parseLinkHeader', () => {
  it('finds rel among other parameters, with or without spaces around the semicolons', () => {
    expect(
      parseLinkHeader('</a>;rel="successor-version", </b> ; type="text/html"; rel="deprecation"'),
    ).toEqual([
      { uri: '/a', rel: 'successor-version' },
      { uri: '/b', rel: 'deprecation' },
    ]);
  });

  it('skips a link without rel', () => {
    expect(parseLinkHeader('</a>; type="text/html", </b>; rel="next"')).toEqual([{ uri: '/b', rel: 'next' }]);
    expect(parseLinkHeader('')).toEqual([]);
  });
});
