import type { IncomingHttpHeaders } from 'node:http';
import { type Listening, listen } from '@lab/common/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  publicOnly,
  type Resolver,
  SafeFetchError,
  type SafeFetchOptions,
  safeFetch,
} from '../src/safe-fetch.ts';
import { onlyLoopbackServer } from './_app-fixture.ts';

/** A loopback server standing in for "some host on the internet"; every request it gets is recorded. */
let upstream: Listening;
let port: number;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
beforeAll(async () => {
  upstream = await listen((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const location = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (req.url?.startsWith('/redirect') && location) {
      res.writeHead(302, { location }).end();
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5_000));
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello from ${req.headers.host}`);
    }
  });
  port = Number(new URL(upstream.url).port);
});
afterAll(() => upstream.close());

/** A resolver from a table, counting its calls; unknown names fail like NXDOMAIN. */
function fakeDns(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: Resolver = async (hostname) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

/** "public.test" is our loopback server, allowed by exact address (as a trusted internal proxy would be). */
const options = (table: Record<string, string[]> = {}, extra: SafeFetchOptions = {}) => {
  const dns = fakeDns({ 'public.test': ['127.0.0.1'], ...table });
  return { dns, options: { resolve: dns.resolve, mayConnect: onlyLoopbackServer, ...extra } };
};

async function refusal(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

describe('what it fetches', () => {
  it('GETs an allowed host, sends its name in Host, and reports the pinned address', async () => {
    const { dns, options: o } = options();
    const result = await safeFetch(`http://public.test:${port}/hello?x=1`, o);
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe(`hello from public.test:${port}`);
    expect(result.contentType).toBe('text/plain');
    expect(result.hops).toEqual([{ url: `http://public.test:${port}/hello?x=1`, address: '127.0.0.1' }]);
    expect(dns.calls).toEqual(['public.test']);
    expect(seen.at(-1)?.url).toBe('/hello?x=1');
  });

  it('follows a redirect to another allowed host, resolving and checking each hop once', async () => {
    const { dns, options: o } = options({ 'other.test': ['127.0.0.1'] });
    const target = `http://other.test:${port}/final`;
    const result = await safeFetch(`http://public.test:${port}/redirect?to=${encodeURIComponent(target)}`, o);
    expect(result.url).toBe(target);
    expect(result.body.toString()).toBe(`hello from other.test:${port}`);
    expect(result.hops.map((h) => h.url)).toEqual([
      `http://public.test:${port}/redirect?to=${encodeURIComponent(target)}`,
      target,
    ]);
    expect(dns.calls).toEqual(['public.test', 'other.test']);
  });

  it('resolves a relative Location against the URL that sent it', async () => {
    const { options: o } = options();
    const result = await safeFetch(`http://public.test:${port}/redirect?to=%2Frelative`, o);
    expect(result.url).toBe(`http://public.test:${port}/relative`);
  });

  it('DNS rebinding: the name is resolved once per hop and the checked address is the one dialled', async () => {
    // First answer allowed, every later answer private: a resolver used again at connect time would flip.
    let answers = 0;
    const resolve: Resolver = async () => [
      { address: answers++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 },
    ];
    const result = await safeFetch(`http://rebind.test:${port}/`, {
      resolve,
      mayConnect: onlyLoopbackServer,
    });
    expect(result.status).toBe(200);
    expect(answers).toBe(1);
    expect(result.hops[0]?.address).toBe('127.0.0.1');
  });
});

describe('what it refuses before connecting', () => {
  it.each([
    ['loopback literal', 'http://127.0.0.1/', 'loopback'],
    ['decimal loopback (WHATWG URL makes it 127.0.0.1)', 'http://2130706433/', 'loopback'],
    ['hex loopback', 'http://0x7f.1/', 'loopback'],
    ['IPv6 loopback', 'http://[::1]/', 'loopback'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/', 'loopback'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['private 10/8', 'http://10.1.2.3/', 'private'],
    ['private 192.168/16', 'https://192.168.0.10/', 'private'],
    ['unspecified', 'http://0.0.0.0/', 'unspecified'],
    ['unique-local IPv6', 'http://[fd12::1]/', 'unique-local'],
  ])('%s', async (_, url, kind) => {
    const error = await refusal(safeFetch(url, { resolve: fakeDns({}).resolve }));
    expect(error.code).toBe('forbidden_address');
    expect(error.address?.kind).toBe(kind);
  });

  it('a hostname that resolves to a private address (the check is after DNS, not on the text)', async () => {
    const { options: o } = options({ 'innocent.test': ['10.0.0.7'] });
    const error = await refusal(safeFetch('http://innocent.test/', o));
    expect(error.code).toBe('forbidden_address');
    expect(error.address).toEqual({ address: '10.0.0.7', kind: 'private' });
    expect(error.message).toBe('innocent.test resolves to a private address');
  });

  it('a hostname with one public and one private address: ANY bad address refuses it', async () => {
    // The default policy: 8.8.8.8 alone would pass, the mapped metadata address must not.
    const { resolve } = fakeDns({ 'mixed.test': ['8.8.8.8', '::ffff:169.254.169.254'] });
    const error = await refusal(safeFetch('http://mixed.test/', { resolve }));
    expect(error.address).toEqual({ address: '::ffff:169.254.169.254', kind: 'link-local' });
  });

  it('localhost, resolved by the real resolver, is refused', async () => {
    const error = await refusal(safeFetch(`http://localhost:${port}/`));
    expect(error.code).toBe('forbidden_address');
    expect(error.address?.kind).toBe('loopback');
  });

  it('a policy can refuse public addresses too (the tests allow nothing but their server)', async () => {
    const error = await refusal(safeFetch('http://8.8.8.8/', { mayConnect: onlyLoopbackServer }));
    expect(error.address).toEqual({ address: '8.8.8.8', kind: 'public' });
  });

  it('the default policy allows public unicast only', () => {
    expect([
      publicOnly('8.8.8.8', 'public'),
      publicOnly('10.0.0.1', 'private'),
      publicOnly('::1', 'loopback'),
    ]).toEqual([true, false, false]);
  });

  it('the loopback exemption is per exact address: 127.0.0.2 is still refused', async () => {
    const { options: o } = options({ 'near.test': ['127.0.0.2'] });
    expect((await refusal(safeFetch('http://near.test/', o))).code).toBe('forbidden_address');
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['gopher:', 'gopher://127.0.0.1:6379/_FLUSHALL'],
    ['ftp:', 'ftp://example.test/'],
    ['data:', 'data:text/plain,hi'],
    ['javascript:', 'javascript:alert(1)'],
  ])('the %s scheme', async (scheme, url) => {
    const error = await refusal(safeFetch(url));
    expect(error.code).toBe('scheme_not_allowed');
    expect(error.message).toBe(`only http and https URLs are fetched, not ${scheme}`);
  });

  it.each(['http://user:pass@public.test/', 'http://public.test@10.0.0.1/', 'http://user@public.test/'])(
    'credentials in %s',
    async (url) => {
      expect((await refusal(safeFetch(url, options().options))).code).toBe('credentials_in_url');
    },
  );

  it.each(['not a url', '', '/relative/path', 'http://', '\u0000', `http://${'a'.repeat(10_000)}\ud800`])(
    'an invalid URL %j',
    async (url) => {
      expect((await refusal(safeFetch(url))).code).toBe('invalid_url');
    },
  );

  it('a host that does not resolve', async () => {
    const { options: o } = options();
    const error = await refusal(safeFetch('http://nowhere.test/', o));
    expect(error.code).toBe('dns_failed');
    expect(error.refused).toBe(true);
  });

  it('a resolver that returns no address at all', async () => {
    const error = await refusal(safeFetch('http://empty.test/', { resolve: async () => [] }));
    expect(error.code).toBe('dns_failed');
  });
});

describe('redirects and responses', () => {
  it.each([
    ['a private literal', 'http://10.0.0.1/admin'],
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/iam/'],
    ['loopback by name', 'http://internal.test/'],
    ['a non-http scheme', 'file:///etc/passwd'],
  ])('a redirect to %s is re-checked and refused', async (_, to) => {
    const { options: o } = options({ 'internal.test': ['::1'] });
    const before = seen.length;
    const error = await refusal(
      safeFetch(`http://public.test:${port}/redirect?to=${encodeURIComponent(to)}`, o),
    );
    expect(['forbidden_address', 'scheme_not_allowed']).toContain(error.code);
    // Only the first hop reached a server; the redirect target was never contacted.
    expect(seen.length - before).toBe(1);
  });

  it('follows maxRedirects redirects and refuses one more', async () => {
    const chain = (n: number): string => {
      let url = `http://public.test:${port}/end`;
      for (let i = 0; i < n; i++) url = `http://public.test:${port}/redirect?to=${encodeURIComponent(url)}`;
      return url;
    };
    const { options: o } = options({}, { maxRedirects: 2 });
    expect((await safeFetch(chain(2), o)).hops).toHaveLength(3);
    const error = await refusal(safeFetch(chain(3), o));
    expect(error.code).toBe('too_many_redirects');
  });

  it('a body over maxBytes fails as response_too_large (an upstream fault, not a refusal)', async () => {
    const { options: o } = options({}, { maxBytes: 4_999 });
    const error = await refusal(safeFetch(`http://public.test:${port}/big`, o));
    expect(error.code).toBe('response_too_large');
    expect(error.refused).toBe(false);
    expect(
      (await safeFetch(`http://public.test:${port}/big`, options({}, { maxBytes: 5_000 }).options)).body,
    ).toHaveLength(5_000);
  });

  it('an allowed host with nothing listening fails as upstream_failed', async () => {
    const closed = await listen((_req, res) => res.end());
    const closedPort = new URL(closed.url).port;
    await closed.close();
    const error = await refusal(safeFetch(`http://public.test:${closedPort}/`, options().options));
    expect(error.code).toBe('upstream_failed');
    expect(error.refused).toBe(false);
  });
});
