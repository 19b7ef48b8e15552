/**
 * The storage abstraction the Liskov and interface-segregation examples share: split into the reading role
 * and the writing role, so a client that only reads asks for (and can be given) only a reader.
 */
import { textProblem } from './_text.ts';

/** Longest key accepted, in UTF-16 code units (S3 allows 1,024 bytes; this keeps well inside it). */
export const MAX_KEY_LENGTH = 512;

export interface BlobReader {
  /** A copy of the bytes stored under `key`, or undefined when there are none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Every key starting with `prefix`, exactly as stored, sorted by UTF-16 code unit. */
  list(prefix?: string): Promise<string[]>;
}

export interface BlobWriter {
  /** Stores a copy of `data` under `key`, replacing what was there. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** Removes `key`; true when something was removed. */
  delete(key: string): Promise<boolean>;
}

/** Both roles: what a service that owns the data depends on. */
export interface BlobStore extends BlobReader, BlobWriter {}

/** Thrown for a key no implementation may accept; part of the contract, so every store refuses alike. */
export class InvalidKeyError extends RangeError {
  override readonly name = 'InvalidKeyError';
}

/** Refuses an empty, too long, NUL-carrying or ill-formed key (a lone surrogate would not survive UTF-8). */
export function assertValidKey(key: unknown): asserts key is string {
  if (typeof key !== 'string') throw new InvalidKeyError('a key must be a string');
  const problem = textProblem(key, MAX_KEY_LENGTH);
  if (problem) throw new InvalidKeyError(`a key ${problem}`);
}

/** Sorted by UTF-16 code unit, the order the contract promises (the default sort's order for strings). */
export const sortKeys = (keys: Iterable<string>): string[] => [...keys].sort();
