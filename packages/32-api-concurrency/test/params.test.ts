import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { intQuery } from '../src/_params.ts';
import { BadRequestError } from '../src/index.ts';

// intQuery reads only req.query; a request carrying just that is what Express hands it after parsing.
const req = (query: Record<string, string | string[]>): Request => ({ query }) as unknown as Request;

describe('intQuery', () => {
  it('returns an integer within the range, bounds included', () => {
    expect(intQuery(req({ n: '0' }), 'n', 0, 10)).toBe(0);
    expect(intQuery(req({ n: '10' }), 'n', 0, 10)).toBe(10);
    expect(intQuery(req({ n: '7' }), 'n', 0, 10, 3)).toBe(7);
  });

  it('uses the fallback only when the parameter is absent', () => {
    expect(intQuery(req({}), 'n', 0, 10, 3)).toBe(3);
    expect(() => intQuery(req({}), 'n', 0, 10)).toThrow(
      new BadRequestError('query parameter "n" must be an integer between 0 and 10'),
    );
    // Present but empty is bad input, not "absent".
    expect(() => intQuery(req({ n: '' }), 'n', 0, 10, 3)).toThrow(BadRequestError);
  });

  it.each([['abc'], ['-1'], ['1.5'], ['1e3'], [' 1']])(
    'refuses %j as not an integer, naming the parameter and the range',
    (raw) => {
      expect(() => intQuery(req({ n: raw }), 'n', 0, 10)).toThrow(
        new BadRequestError('query parameter "n" must be an integer between 0 and 10'),
      );
    },
  );

  it('refuses a repeated parameter (Express parses it into an array)', () => {
    expect(() => intQuery(req({ n: ['1', '2'] }), 'n', 0, 10)).toThrow(BadRequestError);
    // One element stringifies to "5" and would pass the digit check: only the type check refuses it
    // (Express's extended query parser makes one from `n[]=5`).
    expect(() => intQuery(req({ n: ['5'] }), 'n', 0, 10)).toThrow(
      new BadRequestError('query parameter "n" must be an integer between 0 and 10'),
    );
  });

  it('refuses an integer outside the range, quoting what was sent', () => {
    expect(() => intQuery(req({ n: '11' }), 'n', 0, 10)).toThrow(
      new BadRequestError('query parameter "n" must be between 0 and 10, got 11'),
    );
    expect(() => intQuery(req({ n: '0' }), 'n', 1, 10)).toThrow(
      new BadRequestError('query parameter "n" must be between 1 and 10, got 0'),
    );
  });
});
