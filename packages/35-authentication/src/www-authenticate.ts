/**
 * RFC 6750 §3 challenges for the `WWW-Authenticate` header of a Bearer-protected API. A 401 must carry one
 * (RFC 9110 §11.6.1) so the client knows which scheme to retry with.
 */

/** RFC 6750's error codes: 400, 401 and 403 respectively. */
export type BearerError = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

export interface Challenge {
  realm: string;
  error?: BearerError;
  /** Human text; RFC 6750 allows printable ASCII except `"` and `\`. */
  description?: string;
  scope?: string;
}

// %x20-21 / %x23-5B / %x5D-7E: printable ASCII without the quote and the backslash.
const QUOTABLE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

const quoted = (name: string, value: string) => {
  // Values here are fixed strings from this package; a bad one is a bug, and echoing input would be header injection.
  if (!QUOTABLE.test(value)) throw new RangeError(`${name} may not contain ${JSON.stringify(value)}`);
  return `${name}="${value}"`;
};

/** `Bearer realm="api", error="invalid_token", error_description="the token has expired"`. */
export function bearerChallenge({ realm, error, description, scope }: Challenge): string {
  const params = [quoted('realm', realm)];
  if (error) params.push(quoted('error', error));
  if (description) params.push(quoted('error_description', description));
  if (scope) params.push(quoted('scope', scope));
  return `Bearer ${params.join(', ')}`;
}
