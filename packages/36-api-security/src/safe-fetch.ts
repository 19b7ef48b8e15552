/**
 * A fetch for URLs a client chose (webhooks, link previews, "import from URL"): server-side request forgery
 * is the client making *our* server call what it cannot reach itself — 127.0.0.1, the cloud metadata service
 * at 169.254.169.254, the database on 10.0.0.5. Checking the URL's text is not enough; the check runs on the
 * addresses DNS returns, and the connection goes to the very address that was checked.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { type AddressKind, classifyAddress } from './ip-ranges.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Hostname → every address it resolves to. Injected in tests; the default asks the OS resolver. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

export type SafeFetchErrorCode =
  | 'invalid_url'
  | 'scheme_not_allowed'
  | 'credentials_in_url'
  | 'dns_failed'
  | 'forbidden_address'
  | 'too_many_redirects'
  | 'response_too_large'
  | 'upstream_failed';

/** Why a fetch was refused or failed; `code` is stable, `message` is safe to show the client. */
export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
    /** For `forbidden_address`: the address DNS gave and what kind it is. */
    readonly address?: { address: string; kind: AddressKind },
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }

  /** The refusals are the client's doing (4xx); an upstream that misbehaves is not (502). */
  get refused(): boolean {
    return this.code !== 'upstream_failed' && this.code !== 'response_too_large';
  }
}

export interface SafeFetchOptions {
  resolve?: Resolver;
  /** Redirects followed, each re-checked like the first URL. Default 3. */
  maxRedirects?: number;
  /** The body is cut off (and the fetch fails) past this many bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Socket inactivity limit. Default 5 s. */
  timeoutMs?: number;
  /**
   * Whether a checked address may be dialled. Default: public unicast only. Replace it to exempt an
   * internal proxy you mean to reach, or (the tests) to allow nothing but a loopback server, so that even
   * a public address in a generated URL never leaves the machine.
   */
  mayConnect?: (address: string, kind: AddressKind) => boolean;
}

export interface SafeFetchResult {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** Every hop: the URL and the address it was pinned to. */
  hops: Array<{ url: string; address: string }>;
}

/** The default policy: a server-side fetch reaches public unicast addresses and nothing else. */
export const publicOnly = (_address: string, kind: AddressKind): boolean => kind === 'public';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A Location header, relative to the URL that sent it. */
function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new SafeFetchError('upstream_failed', 'the upstream redirected to an invalid URL');
  }
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('invalid_url', 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SafeFetchError(
      'scheme_not_allowed',
      `only http and https URLs are fetched, not ${url.protocol}`,
    );
  // user:pass@ in a URL is a classic confusion trick (https://trusted.com@evil.test/) and a credential leak.
  if (url.username !== '' || url.password !== '')
    throw new SafeFetchError('credentials_in_url', 'URLs with user information are refused');
  return url;
}

/** Resolves the URL's host and checks every address; returns the one to connect to. */
async function pinAddress(
  url: URL,
  resolve: Resolver,
  mayConnect: NonNullable<SafeFetchOptions['mayConnect']>,
): Promise<string> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // WHATWG URL already turned 2130706433 or 0x7f.1 into 127.0.0.1: an IP literal needs no DNS.
  let addresses: readonly ResolvedAddress[];
  const literal = classifyAddress(host) !== 'not-an-ip';
  if (literal) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new SafeFetchError('dns_failed', `the host ${host} did not resolve`);
    }
  }
  if (addresses.length === 0) throw new SafeFetchError('dns_failed', `the host ${host} did not resolve`);
  // ANY bad address refuses the host: the OS may connect to whichever one it likes (and retries the next).
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (!mayConnect(address, kind))
      throw new SafeFetchError(
        'forbidden_address',
        `${host} ${literal ? 'is' : 'resolves to'} a ${kind} address`,
        {
          address,
          kind,
        },
      );
  }
  return (addresses[0] as ResolvedAddress).address;
}

interface Answer {
  status: number;
  location: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

/** One GET to the pinned address, with the URL's host in Host (and in TLS SNI and certificate checks). */
function requestPinned(url: URL, address: string, maxBytes: number, timeoutMs: number): Promise<Answer> {
  const secure = url.protocol === 'https:';
  const transport = secure ? https : http;
  return new Promise((resolveAnswer, reject) => {
    const fail = (message: string, code: SafeFetchErrorCode = 'upstream_failed') =>
      reject(new SafeFetchError(code, message));
    const req = transport.request(
      {
        host: address,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { host: url.host, accept: '*/*' },
        // Certificates are checked against the name, not the address we dialled.
        ...(secure && classifyAddress(url.hostname) === 'not-an-ip' ? { servername: url.hostname } : {}),
        // A fresh socket per hop: a pooled one could be a connection to an address checked for another URL.
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            fail(`the response is larger than ${maxBytes} bytes`, 'response_too_large');
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          resolveAnswer({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', () => fail('the upstream response broke off'));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      fail('the upstream did not answer in time');
    });
    req.on('error', () => fail('the upstream could not be reached'));
    req.end();
  });
}

/**
 * GETs a URL a client supplied, refusing what SSRF needs: non-http(s) schemes, credentials in the URL,
 * hosts that resolve to any loopback/private/link-local/unique-local/unspecified address (IPv4-mapped
 * IPv6 included), and redirects to such hosts (redirects are followed by hand and re-checked).
 */
export async function safeFetch(target: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const {
    resolve = systemResolver,
    maxRedirects = 3,
    maxBytes = 1024 * 1024,
    timeoutMs = 5_000,
    mayConnect = publicOnly,
  } = options;
  const hops: SafeFetchResult['hops'] = [];
  let url = parseTarget(target);
  for (;;) {
    // Resolve once per hop and dial that address: resolving again at connect time lets a DNS answer with a
    // 0-second TTL change between the check and the connection (DNS rebinding).
    const address = await pinAddress(url, resolve, mayConnect);
    hops.push({ url: url.href, address });
    const answer = await requestPinned(url, address, maxBytes, timeoutMs);
    if (!REDIRECTS.has(answer.status) || answer.location === undefined)
      return {
        url: url.href,
        status: answer.status,
        contentType: answer.contentType,
        body: answer.body,
        hops,
      };
    if (hops.length > maxRedirects)
      throw new SafeFetchError('too_many_redirects', `more than ${maxRedirects} redirects`);
    url = parseTarget(resolveLocation(answer.location, url));
  }
}
