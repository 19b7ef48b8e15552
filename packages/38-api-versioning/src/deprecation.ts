/**
 * The headers a deprecated version sends on every response:
 * - `Deprecation: @1767225600` (RFC 9745): a structured-field Date, Unix seconds, when it was deprecated;
 * - `Sunset: Fri, 01 Jan 2027 00:00:00 GMT` (RFC 8594): an HTTP-date (IMF-fixdate), when it stops working;
 * - `Link` with rel="successor-version" (where to move) and rel="deprecation" (the human-readable policy).
 */
export interface DeprecationPolicy {
  deprecatedAt: Date;
  sunset: Date;
  /** The successor's path for this resource, e.g. `/api/v2/users/7`. */
  successor: string;
  /** A page that explains the deprecation and the migration. */
  policyUrl: string;
}

export function deprecationHeaders(policy: DeprecationPolicy): Record<string, string> {
  if (policy.sunset.getTime() < policy.deprecatedAt.getTime()) {
    throw new RangeError('a version cannot be sunset before it is deprecated');
  }
  return {
    Deprecation: `@${Math.floor(policy.deprecatedAt.getTime() / 1000)}`,
    // toUTCString() is exactly IMF-fixdate: "Fri, 01 Jan 2027 00:00:00 GMT".
    Sunset: policy.sunset.toUTCString(),
    Link: `<${policy.successor}>; rel="successor-version", <${policy.policyUrl}>; rel="deprecation"; type="text/html"`,
  };
}

const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Reads an IMF-fixdate (the only HTTP-date form a sender may generate); undefined for anything else. */
export function parseHttpDate(value: string): Date | undefined {
  if (!IMF_FIXDATE.test(value)) return undefined;
  const date = new Date(value);
  // Date accepts impossible days (31 Feb rolls over); a round trip catches them and a wrong weekday, and an
  // invalid Date prints "Invalid Date", so it fails the round trip too.
  return date.toUTCString() === value ? date : undefined;
}

/** Reads `@<integer>` (an RFC 9651 Date item); undefined for anything else, `true` included (an old draft's form). */
export function parseStructuredDate(value: string): Date | undefined {
  const m = /^@(-?\d{1,15})$/.exec(value);
  return m ? new Date(Number(m[1]) * 1000) : undefined;
}

/** The `Link` header's entries: `[{ uri, rel, params }]`, enough to find rel="successor-version". */
export function parseLinkHeader(value: string): { uri: string; rel: string }[] {
  const links: { uri: string; rel: string }[] = [];
  for (const m of value.matchAll(/<([^>]*)>((?:\s*;\s*[a-zA-Z*-]+="[^"]*")*)/g)) {
    const rel = /;\s*rel="([^"]*)"/.exec(m[2] ?? '')?.[1];
    if (rel !== undefined) links.push({ uri: m[1] ?? '', rel });
  }
  return links;
}
