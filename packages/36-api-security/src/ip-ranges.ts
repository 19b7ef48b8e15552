/**
 * Which IP addresses a server-side fetch must never reach. Parsed by hand (no regex on strings): a
 * blocklist of hostname spellings misses `2130706433`, `0x7f.1` and `::ffff:7f00:1`, which are all
 * 127.0.0.1. Classification works on the numeric address, after DNS, so every spelling lands in one place.
 */
import { isIP } from 'node:net';

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'not-an-ip';

interface Range4 {
  base: number;
  bits: number;
  kind: AddressKind;
}

const v4 = (dotted: string, bits: number, kind: AddressKind): Range4 => ({
  base: parseIPv4(dotted) ?? 0,
  bits,
  kind,
});

/** IANA special-purpose IPv4 ranges a fetch has no business reaching (RFC 6890 and friends). */
const IPV4_RANGES: readonly Range4[] = [
  v4('0.0.0.0', 8, 'unspecified'), // "this network": 0.0.0.0 reaches the local host on Linux
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'shared'), // carrier-grade NAT: another customer's network
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'), // 169.254.169.254: the cloud metadata service and its credentials
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'),
  v4('192.0.2.0', 24, 'documentation'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'),
  v4('198.51.100.0', 24, 'documentation'),
  v4('203.0.113.0', 24, 'documentation'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved'), // includes 255.255.255.255
];

/** A dotted quad as an unsigned 32-bit number, or undefined. Only the canonical form: DNS returns nothing else. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = value * 256 + byte;
  }
  return value;
}

function classifyIPv4(value: number): AddressKind {
  for (const range of IPV4_RANGES) {
    // Arithmetic, not `>>>`: the top bit of a 32-bit value would make a bitwise result negative.
    const size = 2 ** (32 - range.bits);
    if (Math.floor(value / size) === Math.floor(range.base / size)) return range.kind;
  }
  return 'public';
}

/** An IPv6 address as 8 16-bit groups (`::` expanded, a trailing dotted quad folded in), or undefined. */
export function parseIPv6(text: string): number[] | undefined {
  if (isIP(text) !== 6) return undefined;
  let body = text.split('%')[0] ?? text; // a zone id (fe80::1%eth0) names an interface, not an address
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted?.[1] !== undefined) {
    const quad = parseIPv4(dotted[1]);
    if (quad === undefined) return undefined;
    tail.push(Math.floor(quad / 65536), quad % 65536);
    // Keep the colon before the quad: `::ffff:1.2.3.4` → `::ffff:` → groups [ffff] + the quad's two.
    body = `${body.slice(0, dotted.index)}:`;
  }
  const [head = '', rest] = body.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').filter((g) => g !== ''));
  const left = groups(head).map((g) => Number.parseInt(g, 16));
  const right = rest === undefined ? [] : groups(rest).map((g) => Number.parseInt(g, 16));
  const missing = 8 - left.length - right.length - tail.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return undefined;
  return [...left, ...new Array<number>(missing).fill(0), ...right, ...tail];
}

function classifyIPv6(groups: readonly number[]): AddressKind {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = () => classifyIPv4(g6 * 65536 + g7);
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    // ::ffff:a.b.c.d (IPv4-mapped) is how a dual-stack socket spells an IPv4 peer: it reaches that peer.
    if (g5 === 0xffff) return embedded();
    if (g5 === 0 && g6 === 0) return g7 === 0 ? 'unspecified' : g7 === 1 ? 'loopback' : 'reserved';
    // ::a.b.c.d, the deprecated IPv4-compatible form: no business on the wire.
    if (g5 === 0) return 'reserved';
  }
  // 64:ff9b::/96, NAT64: the gateway forwards to the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded();
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7, IPv6's 10.0.0.0/8
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, deprecated site-local
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  return 'public';
}

/** What kind of address `ip` is (a literal IPv4 or IPv6 address, brackets allowed). */
export function classifyAddress(ip: string): AddressKind {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const four = parseIPv4(text);
  if (four !== undefined) return classifyIPv4(four);
  const six = parseIPv6(text);
  return six ? classifyIPv6(six) : 'not-an-ip';
}

/** True when a server-side request may connect to `ip`: only public unicast addresses. */
export const isPublicAddress = (ip: string): boolean => classifyAddress(ip) === 'public';
