import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../src/blob-store.ts';
import { checkBlobStoreContract } from '../src/contract.ts';
import { MemoryBlobStore } from '../src/memory-blob-store.ts';

/** A correct in-memory store with some methods replaced: one planted bug per case below. */
function broken(overrides: (inner: MemoryBlobStore) => Partial<BlobStore>): () => BlobStore {
  return () => {
    const inner = new MemoryBlobStore();
    return {
      get: (k) => inner.get(k),
      put: (k, d) => inner.put(k, d),
      delete: (k) => inner.delete(k),
      list: (p) => inner.list(p),
      ...overrides(inner),
    };
  };
}

describe('each contract check catches the bug it is named for', () => {
  it.each([
    [
      'a missing key reads as an empty blob',
      broken((inner) => ({ get: async (k) => (await inner.get(k)) ?? new Uint8Array() })),
      [
        { check: 'get of a missing key is undefined', problem: 'got []' },
        {
          check: 'delete removes once, then reports false',
          problem: 'delete, delete, get gave true, false, []',
        },
      ],
    ],
    [
      'put drops the last byte',
      broken((inner) => ({ put: (k, d) => inner.put(k, d.subarray(0, Math.max(1, d.length - 1))) })),
      [
        { check: 'get returns what put stored', problem: 'got [1,2]' },
        { check: 'put replaces the previous value', problem: 'got [2]' },
        {
          check: 'stored bytes are a copy, both ways',
          problem: 'after the caller edited its buffers, got [7]',
        },
      ],
    ],
    [
      'get returns the bytes in the wrong order',
      broken((inner) => ({ get: async (k) => (await inner.get(k))?.reverse() })),
      [{ check: 'get returns what put stored', problem: 'got [3,2,1]' }],
    ],
    [
      'put keeps the first value',
      broken((inner) => ({
        put: async (k, d) => {
          if ((await inner.get(k)) === undefined) await inner.put(k, d);
        },
      })),
      [{ check: 'put replaces the previous value', problem: 'got [1]' }],
    ],
    [
      'delete always reports true',
      broken((inner) => ({ delete: async (k) => (await inner.delete(k)) || true })),
      [
        {
          check: 'delete removes once, then reports false',
          problem: 'delete, delete, get gave true, true, undefined',
        },
      ],
    ],
    [
      'delete reports but does not remove',
      broken((inner) => ({ delete: async (k) => (await inner.get(k)) !== undefined })),
      [
        {
          check: 'delete removes once, then reports false',
          problem: 'delete, delete, get gave true, true, [1]',
        },
      ],
    ],
    [
      'list ignores the prefix',
      broken((inner) => ({ list: () => inner.list() })),
      [
        {
          check: 'list returns the keys with the prefix, as stored, sorted',
          problem:
            'got ["inv/A.pdf","inv/B.pdf","inv/a.pdf","other/x"], want ["inv/A.pdf","inv/B.pdf","inv/a.pdf"]',
        },
      ],
    ],
    [
      'list in reverse order',
      broken((inner) => ({ list: async (p) => (await inner.list(p)).reverse() })),
      [
        {
          check: 'list returns the keys with the prefix, as stored, sorted',
          problem: 'got ["inv/a.pdf","inv/B.pdf","inv/A.pdf"], want ["inv/A.pdf","inv/B.pdf","inv/a.pdf"]',
        },
      ],
    ],
    [
      'non-ASCII keys silently dropped on put',
      broken((inner) => ({
        put: async (k, d) => {
          if (/^[\x20-\x7e]*$/.test(k)) await inner.put(k, d);
        },
      })),
      [
        { check: 'any well-formed Unicode key round-trips', problem: 'lost ["naïve/日本語","emoji/🧾"]' },
        // Dropping a write silently also "accepts" the NUL and lone-surrogate keys it should refuse.
        { check: 'invalid keys are refused with InvalidKeyError', problem: '"a\\u0000b", "lone \\ud800"' },
      ],
    ],
    [
      'invalid keys refused with a plain Error',
      broken((inner) => ({
        put: async (k, d) => {
          if (k === '') throw new Error('empty key');
          await inner.put(k, d);
        },
      })),
      [
        {
          check: 'invalid keys are refused with InvalidKeyError',
          problem: '"" (threw Error: empty key)',
        },
      ],
    ],
  ])('%s', async (_, make, expected) => {
    const failures = await checkBlobStoreContract(make);
    expect(failures.map((f) => ({ ...f, problem: f.problem.replace(/^accepted /, '') }))).toEqual(expected);
  });
});
