import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  /** The path inside the package, without npm's `package/` prefix. */
  path: string;
  size: number;
  /** Unix permission bits (npm normalises files to 0644 and keeps bins executable via the install). */
  mode: number;
}

const BLOCK = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * Lists the files in an npm tarball (`.tgz`: a gzipped ustar archive whose paths all start `package/`).
 * Read here rather than trusting `npm pack --json`, so a test can compare the two.
 */
export function listTarball(tgz: Buffer): TarEntry[] {
  const tar = gunzipSync(tgz);
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    const name = field(header, 0, 100);
    if (name === '') break; // two zero blocks end the archive
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const mode = Number.parseInt(field(header, 100, 8).trim() || '0', 8);
    const type = field(header, 156, 1);
    const prefix = field(header, 345, 155);
    const full = prefix ? `${prefix}/${name}` : name;
    if (type === '0' || type === '') entries.push({ path: full.replace(/^package\//, ''), size, mode });
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The Subresource Integrity string npm writes into package-lock.json for a tarball's exact bytes. */
export function integrityOf(tgz: Buffer): string {
  return `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
}

export const readTarball = (path: string): Buffer => readFileSync(path);
