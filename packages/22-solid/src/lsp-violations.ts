/**
 * L — Liskov Substitution: a subtype must keep its parent's promises, so code written against the parent
 * works with any subtype. Each class here compiles as a `BlobStore` and breaks one promise of it; the
 * shared contract (contract.ts) catches every one, which the type checker cannot.
 */
import { MemoryBlobStore } from './memory-blob-store.ts';

/** The classic: "an archive is a store you cannot write to". It strengthens put's precondition to "never". */
export class ReadOnlyBlobStore extends MemoryBlobStore {
  override async put(_key: string, _data: Uint8Array): Promise<void> {
    throw new Error('archive is read-only');
  }
  override async delete(_key: string): Promise<boolean> {
    throw new Error('archive is read-only');
  }
}

/**
 * What a case-insensitive file system (macOS, Windows defaults) does to keys: 'Invoice.pdf' comes back
 * from list as 'invoice.pdf', and 'A' and 'a' are one blob. It weakens list's postcondition.
 */
export class CaseFoldingBlobStore extends MemoryBlobStore {
  override put(key: string, data: Uint8Array): Promise<void> {
    return super.put(fold(key), data);
  }
  override get(key: string): Promise<Uint8Array | undefined> {
    return super.get(fold(key));
  }
  override delete(key: string): Promise<boolean> {
    return super.delete(fold(key));
  }
  override list(prefix = ''): Promise<string[]> {
    return super.list(prefix.toLowerCase());
  }
}

// Only strings are folded: anything else goes through unchanged, for the parent's key check to refuse.
const fold = (key: string) => (typeof key === 'string' ? key.toLowerCase() : key);

/**
 * The in-memory fake that hands out its own buffer: faster, and "the same" until a caller reuses the
 * buffer it got, which silently edits the stored blob. Tests on this fake pass where the real store differs.
 */
export class SharedBufferBlobStore extends MemoryBlobStore {
  readonly #blobs = new Map<string, Uint8Array>();
  override async put(key: string, data: Uint8Array): Promise<void> {
    await super.put(key, data);
    this.#blobs.set(key, data);
  }
  override async get(key: string): Promise<Uint8Array | undefined> {
    await super.get(key);
    return this.#blobs.get(key);
  }
  override async delete(key: string): Promise<boolean> {
    this.#blobs.delete(key);
    return super.delete(key);
  }
}

/** A store that skips the key check: it accepts NUL and lone surrogates the real one refuses. */
export class UncheckedKeyBlobStore extends MemoryBlobStore {
  readonly #blobs = new Map<string, Uint8Array>();
  override async put(key: string, data: Uint8Array): Promise<void> {
    this.#blobs.set(key, data.slice());
  }
  override async get(key: string): Promise<Uint8Array | undefined> {
    return this.#blobs.get(key)?.slice();
  }
  override async delete(key: string): Promise<boolean> {
    return this.#blobs.delete(key);
  }
  override async list(prefix = ''): Promise<string[]> {
    return [...this.#blobs.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
