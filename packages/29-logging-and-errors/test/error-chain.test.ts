import { ConflictError, DuplicateKeyError } from '@lab/project-structure';
import { describe, expect, it } from 'vitest';
import { errorChain, MAX_CHAIN_DEPTH } from '../src/error-chain.ts';

describe('errorChain', () => {
  it('lists the layers outermost first, with their codes', () => {
    const driver = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: '23505',
        detail: 'Key (email)=(ada@example.com) already exists.',
      },
    );
    const repository = new DuplicateKeyError('users_email_key', { cause: driver });
    const service = new ConflictError('email_taken', 'that email is already registered', {
      cause: repository,
    });
    expect(errorChain(service)).toEqual([
      { type: 'ConflictError', message: 'that email is already registered', code: 'email_taken' },
      { type: 'DuplicateKeyError', message: 'duplicate key violates users_email_key' },
      {
        type: 'Error',
        message: 'duplicate key value violates unique constraint "users_email_key"',
        code: '23505',
      },
    ]);
  });

  it("leaves out a driver error's detail (the row's values)", () => {
    const driver = Object.assign(new Error('dup'), {
      code: '23505',
      detail: 'Key (email)=(ada@example.com)',
    });
    expect(JSON.stringify(errorChain(driver))).not.toContain('ada@example.com');
  });

  it('ignores a code that is not a string', () => {
    expect(errorChain(Object.assign(new Error('x'), { code: 42 }))).toEqual([
      { type: 'Error', message: 'x' },
    ]);
  });

  it('describes thrown non-errors', () => {
    expect(errorChain('timeout after 30s')).toEqual([{ type: 'string', message: 'timeout after 30s' }]);
    expect(errorChain(null)).toEqual([{ type: 'object', message: 'null' }]);
    expect(errorChain(undefined)).toEqual([]);
  });

  it('ends at a non-error cause, listing it', () => {
    expect(errorChain(new Error('outer', { cause: 404 }))).toEqual([
      { type: 'Error', message: 'outer' },
      { type: 'number', message: '404' },
    ]);
  });

  it('stops at a cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(errorChain(a).map((l) => l.message)).toEqual(['a', 'b']);
  });

  it(`stops after ${MAX_CHAIN_DEPTH} links`, () => {
    let error = new Error('0');
    for (let i = 1; i <= 20; i++) error = new Error(String(i), { cause: error });
    const chain = errorChain(error);
    expect(MAX_CHAIN_DEPTH).toBe(8);
    expect(chain).toHaveLength(8);
    expect(chain.at(-1)?.message).toBe('13');
  });

  it('cuts a 10k-character message to 300', () => {
    expect(errorChain(new Error('x'.repeat(10_000)))[0]?.message).toHaveLength(300);
    expect(errorChain('y'.repeat(10_000))[0]?.message).toHaveLength(300);
  });
});
