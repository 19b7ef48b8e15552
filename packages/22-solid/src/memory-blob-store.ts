import { assertValidKey, type BlobStore, sortKeys } from './blob-store.ts';

/** The in-memory store tests and local runs use; it must keep the same contract as the real one. */
export class MemoryBlobStore implements BlobStore {
  readonly #blobs = new Map<string, Uint8Array>();

  async put(key: string, data: Uint8Array): Promise<void> {
    assertValidKey(key);
    // Copied in and out: a caller mutating its buffer later must not change what is stored.
    this.#blobs.set(key, data.slice());
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    assertValidKey(key);
    return this.#blobs.get(key)?.slice();
  }

  async delete(key: string): Promise<boolean> {
    assertValidKey(key);
    return this.#blobs.delete(key);
  }

  async list(prefix = ''): Promise<string[]> {
    return sortKeys([...this.#blobs.keys()].filter((k) => k.startsWith(prefix)));
  }
}
