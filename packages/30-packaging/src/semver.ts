/**
 * The part of npm's semver a package.json uses: versions, their order, and the range forms people write
 * (`^`, `~`, `1.x`, `*`, comparators, hyphen ranges, `||`). Written here, not imported, so a reader can see
 * exactly which versions each form admits; the rules follow node-semver with `includePrerelease` off.
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Dot-separated identifiers after `-`: `1.0.0-rc.1` → `['rc', 1]`. Empty for a release. */
  prerelease: readonly (string | number)[];
}

type Operator = '<' | '<=' | '>' | '>=' | '=';

interface Comparator {
  operator: Operator;
  version: Version;
}

/** One `||` alternative: every comparator must hold. An empty set admits every release. */
type ComparatorSet = readonly Comparator[];

const NUMBER = '0|[1-9]\\d*';
const IDENT = '[0-9A-Za-z-]+';
const VERSION_RE = new RegExp(
  `^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`,
);
/** A partial version in a range: `1`, `1.2`, `1.x`, `1.2.*`, `*`, with an optional prerelease on a full one. */
const PARTIAL_RE = new RegExp(
  `^v?(${NUMBER}|[xX*])(?:\\.(${NUMBER}|[xX*])(?:\\.(${NUMBER}|[xX*])(?:-(${IDENT}(?:\\.${IDENT})*))?)?)?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`,
);

export class SemverError extends Error {
  override name = 'SemverError';
}

function identifiers(text: string | undefined): (string | number)[] {
  if (!text) return [];
  return text.split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id));
}

/** Parses `1.2.3`, `1.2.3-rc.1`, `v1.2.3+build.5`; throws a SemverError on anything else. */
export function parseVersion(text: string): Version {
  const m = VERSION_RE.exec(text.trim());
  if (!m) throw new SemverError(`not a version: ${JSON.stringify(text)}`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: identifiers(m[4]) };
}

export function formatVersion(v: Version): string {
  const core = `${v.major}.${v.minor}.${v.patch}`;
  return v.prerelease.length ? `${core}-${v.prerelease.join('.')}` : core;
}

function compareIdentifier(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  // Numeric identifiers sort before alphanumeric ones (semver.org §11).
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1 by semver precedence: a prerelease sorts before its release; build metadata is ignored. */
export function compareVersions(a: Version, b: Version): number {
  const core = Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length);
  }
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = compareIdentifier(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

const version = (major: number, minor: number, patch: number, prerelease: (string | number)[] = []) => ({
  major,
  minor,
  patch,
  prerelease,
});
/** `-0` is the lowest prerelease: `<2.0.0-0` stops before every 2.0.0 prerelease, not just 2.0.0. */
const below = (major: number, minor: number, patch: number): Comparator => ({
  operator: '<',
  version: version(major, minor, patch, [0]),
});
const atLeast = (v: Version): Comparator => ({ operator: '>=', version: v });

interface Partial {
  major?: number;
  minor?: number;
  patch?: number;
  prerelease: (string | number)[];
}

function parsePartial(text: string): Partial {
  const m = PARTIAL_RE.exec(text);
  if (!m) throw new SemverError(`not a version in a range: ${JSON.stringify(text)}`);
  const num = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  return { major, minor, patch, prerelease: patch === undefined ? [] : identifiers(m[4]) };
}

const floor = (p: Partial): Version => version(p.major ?? 0, p.minor ?? 0, p.patch ?? 0, p.prerelease);

/** `1.x` / `1.2` / `*`: the versions the given digits fix. */
function xRange(p: Partial): Comparator[] {
  if (p.major === undefined) return [];
  if (p.minor === undefined) return [atLeast(floor(p)), below(p.major + 1, 0, 0)];
  if (p.patch === undefined) return [atLeast(floor(p)), below(p.major, p.minor + 1, 0)];
  return [{ operator: '=', version: floor(p) }];
}

/** `^`: changes that do not modify the left-most non-zero digit (so `^0.2.3` stays within 0.2). */
function caret(p: Partial): Comparator[] {
  if (p.major === undefined) return [];
  const from = atLeast(floor(p));
  if (p.major > 0 || p.minor === undefined) return [from, below(p.major + 1, 0, 0)];
  if (p.minor > 0 || p.patch === undefined) return [from, below(0, p.minor + 1, 0)];
  return [from, below(0, 0, p.patch + 1)];
}

/** `~`: patch-level changes when a minor is given (`~1.2.3`, `~1.2`), minor-level when only a major is. */
function tilde(p: Partial): Comparator[] {
  if (p.major === undefined) return [];
  if (p.minor === undefined) return [atLeast(floor(p)), below(p.major + 1, 0, 0)];
  return [atLeast(floor(p)), below(p.major, p.minor + 1, 0)];
}

/** `>1.2` means above every 1.2.x; `<=1.2` means up to and including every 1.2.x. */
function primitive(operator: Operator, p: Partial): Comparator[] {
  if (operator === '=') return xRange(p);
  if (p.major === undefined) {
    // `>*` and `<*` admit nothing; `>=*` and `<=*` admit everything.
    return operator === '>' || operator === '<' ? [below(0, 0, 0)] : [];
  }
  const full = p.patch !== undefined;
  if (full) return [{ operator, version: floor(p) }];
  const next = p.minor === undefined ? version(p.major + 1, 0, 0) : version(p.major, p.minor + 1, 0);
  if (operator === '>') return [atLeast(next)];
  if (operator === '<=') return [below(next.major, next.minor, next.patch)];
  if (operator === '<') return [below(p.major, p.minor ?? 0, 0)];
  return [atLeast(floor(p))];
}

/** `1.2 - 2.3.4`: inclusive on both ends, a partial upper end covering everything it names. */
function hyphen(from: Partial, to: Partial): Comparator[] {
  const lower = from.major === undefined ? [] : [atLeast(floor(from))];
  return [...lower, ...primitive('<=', to)];
}

function parseSet(text: string): ComparatorSet {
  const trimmed = text.trim();
  const hyphenMatch = /^(\S+)\s+-\s+(\S+)$/.exec(trimmed);
  if (hyphenMatch) return hyphen(parsePartial(hyphenMatch[1] ?? ''), parsePartial(hyphenMatch[2] ?? ''));
  // `>= 1.2.3` is written with a space as often as without: glue operators to their version first.
  const tokens = trimmed
    .replace(/(\^|~>?|[<>]=?|=)\s+/g, '$1')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return tokens.flatMap((token) => {
    const m = /^(\^|~>?|[<>]=?|=)?(.*)$/.exec(token);
    const operator = m?.[1];
    const partial = parsePartial(m?.[2] ?? '');
    if (operator === '^') return caret(partial);
    if (operator === '~' || operator === '~>') return tilde(partial);
    return primitive((operator ?? '=') as Operator, partial);
  });
}

export interface Range {
  /** What was written in package.json. */
  raw: string;
  /** The `||` alternatives, each an AND of comparators: the form npm normalises every range to. */
  sets: readonly ComparatorSet[];
}

/** Parses a dependency range; throws a SemverError on a malformed one (npm refuses those too). */
export function parseRange(raw: string): Range {
  if (typeof raw !== 'string') throw new SemverError('a range must be a string');
  if (raw.includes('\u0000') || raw.length > 256) throw new SemverError('range refused: NUL or too long');
  return { raw, sets: raw.split('||').map(parseSet) };
}

function holds(c: Comparator, v: Version): boolean {
  const order = compareVersions(v, c.version);
  switch (c.operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}

const sameCore = (a: Version, b: Version) =>
  a.major === b.major && a.minor === b.minor && a.patch === b.patch;

function setAdmits(set: ComparatorSet, v: Version): boolean {
  if (!set.every((c) => holds(c, v))) return false;
  if (v.prerelease.length === 0) return true;
  // A prerelease is admitted only when the range names a prerelease of the same x.y.z: `^1.2.3-rc.1`
  // admits 1.2.3-rc.2 but never 1.3.0-beta, so nobody gets a beta by accident.
  return set.some((c) => c.version.prerelease.length > 0 && sameCore(c.version, v));
}

/** Whether `version` (string or parsed) is admitted by `range`: `satisfies('1.9.0', '^1.2.3')` is true. */
export function satisfies(versionText: string | Version, range: string | Range): boolean {
  const v = typeof versionText === 'string' ? parseVersion(versionText) : versionText;
  const r = typeof range === 'string' ? parseRange(range) : range;
  return r.sets.some((set) => setAdmits(set, v));
}

/** The highest of `versions` the range admits: what a fresh `npm install` picks. */
export function maxSatisfying(versions: readonly string[], range: string): string | undefined {
  const r = parseRange(range);
  let best: Version | undefined;
  for (const text of versions) {
    const v = parseVersion(text);
    if (satisfies(v, r) && (!best || compareVersions(v, best) > 0)) best = v;
  }
  return best && formatVersion(best);
}

/** A range in npm's normal form (`>=1.2.3 <2.0.0-0`), for showing what a shorthand really means. */
export function describeRange(range: string): string {
  const parts = parseRange(range).sets.map((set) =>
    set.length === 0
      ? '*'
      : set.map((c) => `${c.operator === '=' ? '' : c.operator}${formatVersion(c.version)}`).join(' '),
  );
  return parts.join(' || ');
}
