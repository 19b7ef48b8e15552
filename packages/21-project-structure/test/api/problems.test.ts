import { problemViolations } from '@lab/common/problem';
import { describe, expect, it } from 'vitest';
import { HttpError, problemForError } from '../../src/api/problems.ts';
import { DuplicateKeyError } from '../../src/repositories/errors.ts';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../../src/services/errors.ts';

const bodyParserError = (status: number, type?: string) => Object.assign(new Error('raw'), { status, type });
const brief = (error: unknown) => {
  const body = problemForError(error);
  expect(problemViolations(body, body.status)).toEqual([]);
  return `${body.status} ${body.code}: ${body.detail}`;
};

describe('problemForError', () => {
  it('maps each domain error class to its status, keeping its code and message', () => {
    expect(brief(new NotFoundError('user', 3))).toBe('404 user_not_found: no user with id 3');
    expect(brief(new ConflictError('email_taken', 'taken'))).toBe('409 email_taken: taken');
    const invalid = problemForError(new ValidationError([{ path: 'name', message: 'blank' }]));
    expect(invalid).toMatchObject({
      status: 422,
      code: 'validation_failed',
      issues: [{ path: 'name', message: 'blank' }],
    });
  });

  it('answers 400 for a domain error of a class it does not know', () => {
    class RuleBroken extends DomainError {
      readonly code = 'rule_broken';
    }
    expect(brief(new RuleBroken('no'))).toBe('400 rule_broken: no');
  });

  it("answers the HTTP layer's own refusals with their status", () => {
    const error = new HttpError(404, 'route_not_found', 'no route GET /x');
    expect(error.name).toBe('HttpError');
    expect(brief(error)).toBe('404 route_not_found: no route GET /x');
    expect(brief(new HttpError(400, 'invalid_id', 'bad id'))).toBe('400 invalid_id: bad id');
  });

  it.each([
    ['entity.parse.failed', 400, '400 malformed_json: the request body is not a JSON object or array'],
    ['entity.too.large', 413, '413 payload_too_large: request refused (payload_too_large)'],
    ['charset.unsupported', 415, '415 unsupported_charset: request refused (unsupported_charset)'],
    ['encoding.unsupported', 415, '415 unsupported_encoding: request refused (unsupported_encoding)'],
    ['request.aborted', 400, '400 request_aborted: request refused (request_aborted)'],
    ['request.size.invalid', 400, '400 bad_request: request refused (bad_request)'],
    ['something.new', 400, '400 bad_request: request refused (bad_request)'],
  ])("maps body-parser's %s to a problem", (type, status, expected) => {
    expect(brief(bodyParserError(status, type))).toBe(expected);
  });

  it('trusts a body-parser status from 400 to 499 only; otherwise it is a 500', () => {
    expect(brief(bodyParserError(499))).toBe('499 bad_request: request refused (bad_request)');
    expect(brief(bodyParserError(400))).toBe('400 bad_request: request refused (bad_request)');
    expect(brief(bodyParserError(399))).toBe('500 internal_error: internal error');
    expect(brief(bodyParserError(500, 'entity.parse.failed'))).toBe('500 internal_error: internal error');
    expect(brief(Object.assign(new Error('x'), { status: '400' }))).toBe(
      '500 internal_error: internal error',
    );
  });

  it('answers anything else with a 500 that reveals nothing', () => {
    expect(brief(new DuplicateKeyError('users_email_key'))).toBe('500 internal_error: internal error');
    expect(brief(new Error('SELECT * FROM users'))).toBe('500 internal_error: internal error');
    expect(brief(undefined)).toBe('500 internal_error: internal error');
    expect(brief(null)).toBe('500 internal_error: internal error');
    expect(brief('a string')).toBe('500 internal_error: internal error');
  });
});
