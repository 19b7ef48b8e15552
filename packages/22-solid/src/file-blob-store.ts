import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertValidKey, type BlobStore, sortKeys } from './blob-store.ts';

const HEADER_BYTES = 4;

/**
 * A store on the local disk, one file per key. File names are the SHA-256 of the key, not the key: a key
 * may hold '/', '..', or 512 characters, and some file systems fold case ('A' and 'a' would collide on
 * macOS). The key itself is kept inside the file, ahead of the data.
 */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  #path(key: string): string {
    return join(this.dir, createHash('sha256').update(key).digest('hex'));
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    assertValidKey(key);
    await mkdir(this.dir, { recursive: true });
    const keyBytes = Buffer.from(key, 'utf8');
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32BE(keyBytes.length);
    // Write aside, then rename: a reader sees the old blob or the new one, never half of one.
    const temporary = `${this.#path(key)}.${randomUUID()}.tmp`;
    await writeFile(temporary, Buffer.concat([header, keyBytes, data]));
    await rename(temporary, this.#path(key));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    assertValidKey(key);
    const file = await readOrUndefined(this.#path(key));
    return file && new Uint8Array(file.subarray(HEADER_BYTES + file.readUInt32BE(0)));
  }

  async delete(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await rm(this.#path(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async list(prefix = ''): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const keys: string[] = [];
    for (const name of names.filter((n) => !n.endsWith('.tmp'))) {
      const file = await readOrUndefined(join(this.dir, name));
      if (!file) continue;
      const key = file.toString('utf8', HEADER_BYTES, HEADER_BYTES + file.readUInt32BE(0));
      if (key.startsWith(prefix)) keys.push(key);
    }
    return sortKeys(keys);
  }
}

/** The file's bytes, or undefined when it does not exist (deleted between listing and reading, too). */
async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
