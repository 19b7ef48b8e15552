import { describe, expect, it } from 'vitest';
import { acceptRequestId, MAX_REQUEST_ID_LENGTH, RequestContext } from '../src/request-context.ts';

const fresh = () => 'generated-1';

describe('acceptRequestId', () => {
  it('keeps a well-formed incoming id', () => {
    const uuid = '0b7c6f1e-2f4a-4d6b-9a51-3c2d1e0f9a8b';
    expect(acceptRequestId(uuid, fresh)).toEqual({ requestId: uuid, source: 'header' });
    expect(acceptRequestId('trace_1.2:3', fresh)).toEqual({ requestId: 'trace_1.2:3', source: 'header' });
  });

  it('generates one when there is no header, without calling it a refusal', () => {
    expect(acceptRequestId(undefined, fresh)).toEqual({ requestId: 'generated-1', source: 'generated' });
  });

  it('generates a UUID by default', () => {
    expect(acceptRequestId(undefined).requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('accepts exactly MAX_REQUEST_ID_LENGTH characters and refuses one more', () => {
    expect(MAX_REQUEST_ID_LENGTH).toBe(128);
    expect(acceptRequestId('a'.repeat(128), fresh).source).toBe('header');
    expect(acceptRequestId('a'.repeat(129), fresh)).toEqual({
      requestId: 'generated-1',
      source: 'generated',
      refused: 'too_long',
    });
  });

  it('refuses 10k characters', () => {
    expect(acceptRequestId('a'.repeat(10_000), fresh).refused).toBe('too_long');
  });

  it('refuses NUL', () => {
    expect(acceptRequestId('abc\u0000def', fresh)).toEqual({
      requestId: 'generated-1',
      source: 'generated',
      refused: 'bad_characters',
    });
  });

  it('refuses control characters (CR LF would split a text log line)', () => {
    expect(acceptRequestId('abc\r\nlevel=error', fresh).refused).toBe('bad_characters');
    expect(acceptRequestId('abc\tdef', fresh).refused).toBe('bad_characters');
  });

  it('refuses a lone surrogate and non-ASCII', () => {
    expect(acceptRequestId('id-\ud800', fresh).refused).toBe('bad_characters');
    expect(acceptRequestId('café', fresh).refused).toBe('bad_characters');
  });

  it('refuses two headers joined by Node ("a, b") and a space', () => {
    expect(acceptRequestId('a, b', fresh).refused).toBe('bad_characters');
  });

  it('refuses an empty value', () => {
    expect(acceptRequestId('', fresh)).toEqual({
      requestId: 'generated-1',
      source: 'generated',
      refused: 'empty',
    });
  });

  it('refuses wrong types: an array, a number, null', () => {
    for (const value of [['a', 'b'], 42, null]) {
      expect(acceptRequestId(value, fresh)).toEqual({
        requestId: 'generated-1',
        source: 'generated',
        refused: 'not_a_string',
      });
    }
  });
});

describe('RequestContext', () => {
  it('has no request outside run, and the store inside', () => {
    const context = new RequestContext();
    expect(context.current()).toBeUndefined();
    expect(context.requestId()).toBeUndefined();
    const seen = context.run({ requestId: 'r1' }, () => [context.requestId(), context.current()]);
    expect(seen).toEqual(['r1', { requestId: 'r1' }]);
    expect(context.requestId()).toBeUndefined();
  });

  it('returns what the callback returns', () => {
    expect(new RequestContext().run({ requestId: 'r' }, () => 42)).toBe(42);
  });

  it('nests: the inner run wins, the outer id comes back after it', () => {
    const context = new RequestContext();
    const seen = context.run({ requestId: 'outer' }, () => {
      const inner = context.run({ requestId: 'inner' }, () => context.requestId());
      return [inner, context.requestId()];
    });
    expect(seen).toEqual(['inner', 'outer']);
  });

  it('keeps two instances apart', () => {
    const a = new RequestContext();
    const b = new RequestContext();
    expect(a.run({ requestId: 'a' }, () => b.requestId())).toBeUndefined();
  });

  it('bind pins a function to the context current when bound', () => {
    const context = new RequestContext();
    const bound = context.run({ requestId: 'at-bind' }, () =>
      context.bind((x: number) => `${context.requestId()}:${x}`),
    );
    expect(bound(1)).toBe('at-bind:1');
    expect(context.run({ requestId: 'at-call' }, () => bound(2))).toBe('at-bind:2');
  });
});
