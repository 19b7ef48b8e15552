import { createHash } from 'node:crypto';

/**
 * An entity tag for a response body: a hash of its bytes, so equal bodies get equal tags on every
 * instance behind the load balancer (a tag from a per-process counter would not).
 *
 * `weak` (`W/"…"`) says "semantically the same", not "byte for byte": use it when one tag covers several
 * encodings of the body (identity, gzip, br), which a strong tag must not.
 */
export function entityTag(body: string | Buffer, { weak = false }: { weak?: boolean } = {}): string {
  const digest = createHash('sha1').update(body).digest('base64url');
  return `${weak ? 'W/' : ''}"${digest}"`;
}

const ENTITY_TAG = /(?:W\/)?"[^"]*"/g;
const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * Whether an `If-None-Match` header matches `etag`, by the weak comparison RFC 9110 prescribes for it
 * (`W/"x"` matches `"x"`). `*` matches any current representation.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(etag);
  return (header.match(ENTITY_TAG) ?? []).some((tag) => opaque(tag) === wanted);
}
