/**
 * What an attacker does to a JWT, for the tests and the demo: a JWT is base64url text anyone can decode and
 * re-encode; only the signature stops them, and only if the verifier insists on it.
 */

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (segment: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;

/** Header and payload of a compact JWT, decoded without verifying anything (never trust them). */
export function decodeSegments(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = token.split('.');
  return { header: decode(header), payload: decode(payload) };
}

/** The "unsecured JWT" of RFC 7519 §6: `alg: none` and an empty signature. */
export function algNoneToken(payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  return `${encode({ ...header, alg: 'none' })}.${encode(payload)}.`;
}

/** The same token with `changes` merged into its payload and the original signature kept. */
export function tamperPayload(token: string, changes: Record<string, unknown>): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return `${header}.${encode({ ...decode(payload), ...changes })}.${signature}`;
}
