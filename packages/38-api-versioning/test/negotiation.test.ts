import { describe, expect, it } from 'vitest';
import { negotiateVersion, VENDOR_TYPE } from '../src/index.ts';

const accept = (params: string) => `${VENDOR_TYPE}; ${params}`;

describe('negotiateVersion: which version, and where it came from', () => {
  it('the query, then the Accept header, then v1 by default, with or without an Accept header', () => {
    expect(negotiateVersion('2', accept('version=1'))).toEqual({ ok: true, version: 2, source: 'query' });
    expect(negotiateVersion(undefined, accept('version=2'))).toEqual({
      ok: true,
      version: 2,
      source: 'accept',
    });
    expect(negotiateVersion(undefined, 'application/json')).toEqual({
      ok: true,
      version: 1,
      source: 'default',
    });
    expect(negotiateVersion(undefined, undefined)).toEqual({ ok: true, version: 1, source: 'default' });
    expect(negotiateVersion(undefined, VENDOR_TYPE)).toEqual({ ok: true, version: 1, source: 'default' });
  });

  it('the vendor type anywhere in a list, in any case, next to other parameters', () => {
    for (const header of [
      `text/html;q=0.9, ${accept('version=2')}`,
      'Application/Vnd.Lab.User+JSON; version=2',
      accept('q=0.5; version=2'),
      accept('version="2"'),
      accept('version = 2'),
    ]) {
      expect(negotiateVersion(undefined, header), header).toMatchObject({ ok: true, version: 2 });
    }
  });
});

describe('what it refuses', () => {
  it('a query version that is not one number of up to three digits is invalid', () => {
    for (const query of ['two', '', '1000', '+2', ['2']]) {
      expect(negotiateVersion(query, undefined), JSON.stringify(query)).toEqual({
        ok: false,
        status: 400,
        code: 'invalid_version',
        detail: 'version must be one number, e.g. ?version=2',
      });
    }
  });

  it('a number that is no version is unsupported, and the detail names it', () => {
    expect(negotiateVersion('10', undefined)).toEqual({
      ok: false,
      status: 400,
      code: 'unsupported_version',
      detail: 'version 10 does not exist; use 1 or 2',
    });
  });

  it('in Accept, anything but version=1 or version=2 is 406, an empty or spelled-out number too', () => {
    for (const params of ['version=3', 'version', 'version=', 'version=+2', 'version=2.0', 'version=two']) {
      expect(negotiateVersion(undefined, accept(params)), params).toEqual({
        ok: false,
        status: 406,
        code: 'unsupported_version',
        detail: `${VENDOR_TYPE} comes in version=1 and version=2`,
      });
    }
  });
});
