/**
 * The two alternatives to a version in the path, on one unversioned URL (`/api/users/7`):
 * a query parameter (`?version=2`) or a vendor media type (`Accept: application/vnd.lab.user+json; version=2`).
 * The query wins when both are given; neither means v1, the version unversioned clients were written against.
 */
export const SUPPORTED_VERSIONS = [1, 2] as const;
export type ApiVersion = (typeof SUPPORTED_VERSIONS)[number];
export const VENDOR_TYPE = 'application/vnd.lab.user+json';

export type Negotiated =
  | { ok: true; version: ApiVersion; source: 'query' | 'accept' | 'default' }
  | { ok: false; status: 400 | 406; code: 'invalid_version' | 'unsupported_version'; detail: string };

const isSupported = (n: number): n is ApiVersion => (SUPPORTED_VERSIONS as readonly number[]).includes(n);

/** The `version` parameter of the first vendor media range in an Accept header, if any. */
function acceptVersion(accept: string): string | undefined | null {
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((p) => p.trim());
    if (type.toLowerCase() !== VENDOR_TYPE) continue;
    for (const param of params) {
      const [name, value] = param.split('=').map((p) => p.trim());
      if (name?.toLowerCase() === 'version') return value?.replace(/^"(.*)"$/, '$1') ?? '';
    }
    return null; // the vendor type without a version: the default
  }
  return undefined;
}

export function negotiateVersion(query: unknown, accept: string | undefined): Negotiated {
  if (query !== undefined) {
    if (typeof query !== 'string' || !/^\d{1,3}$/.test(query)) {
      return {
        ok: false,
        status: 400,
        code: 'invalid_version',
        detail: 'version must be one number, e.g. ?version=2',
      };
    }
    const n = Number(query);
    if (!isSupported(n)) {
      return {
        ok: false,
        status: 400,
        code: 'unsupported_version',
        detail: `version ${n} does not exist; use 1 or 2`,
      };
    }
    return { ok: true, version: n, source: 'query' };
  }
  const fromAccept = accept === undefined ? undefined : acceptVersion(accept);
  if (typeof fromAccept === 'string') {
    const n = /^\d{1,3}$/.test(fromAccept) ? Number(fromAccept) : Number.NaN;
    if (!isSupported(n)) {
      return {
        ok: false,
        status: 406,
        code: 'unsupported_version',
        detail: `${VENDOR_TYPE} comes in version=1 and version=2`,
      };
    }
    return { ok: true, version: n, source: 'accept' };
  }
  return { ok: true, version: 1, source: 'default' };
}
