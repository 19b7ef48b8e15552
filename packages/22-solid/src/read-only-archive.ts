/**
 * The fix for ReadOnlyBlobStore (lsp-violations.ts) is not a better subclass but a smaller type: an archive
 * implements the reading role only, so nothing can hand it to code that writes, and the compiler says so.
 */
import type { BlobReader } from './blob-store.ts';

export class ReadOnlyArchive implements BlobReader {
  constructor(private readonly source: BlobReader) {}
  get(key: string): Promise<Uint8Array | undefined> {
    return this.source.get(key);
  }
  list(prefix?: string): Promise<string[]> {
    return this.source.list(prefix);
  }
}

/** A client that only reads, so it asks for a BlobReader: a full store and an archive both fit. */
export async function totalBytes(reader: BlobReader, prefix = ''): Promise<number> {
  let total = 0;
  for (const key of await reader.list(prefix)) total += (await reader.get(key))?.length ?? 0;
  return total;
}
