import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../src/blob-store.ts';
import { checkBlobStoreContract, contractChecks } from '../src/contract.ts';
import { FileBlobStore } from '../src/file-blob-store.ts';
import {
  CaseFoldingBlobStore,
  ReadOnlyBlobStore,
  SharedBufferBlobStore,
  UncheckedKeyBlobStore,
} from '../src/lsp-violations.ts';
import { MemoryBlobStore } from '../src/memory-blob-store.ts';

const root = await mkdtemp(join(tmpdir(), 'lab-22-contract-'));
let dirs = 0;
afterAll(() => rm(root, { recursive: true, force: true }));

const failedChecks = async (make: () => BlobStore) =>
  (await checkBlobStoreContract(make)).map((f) => f.check);

describe('the BlobStore contract, run against every implementation', () => {
  it.each([
    ['MemoryBlobStore', () => new MemoryBlobStore()],
    // A fresh directory per check: the contract wants an empty store each time.
    ['FileBlobStore (real files)', () => new FileBlobStore(join(root, `store-${++dirs}`))],
  ])('%s keeps every promise', async (_, make) => {
    expect(await checkBlobStoreContract(make)).toEqual([]);
  });

  it('has nine named checks, run in a fixed order', () => {
    expect(contractChecks).toHaveLength(9);
    expect(contractChecks[0]).toBe('get of a missing key is undefined');
    expect(contractChecks.at(-1)).toBe('invalid keys are refused with InvalidKeyError');
  });
});

describe('each LSP-violating subtype fails exactly the promises it breaks', () => {
  it('ReadOnlyBlobStore fails every check that writes, and passes the one that only reads', async () => {
    expect(await failedChecks(() => new ReadOnlyBlobStore())).toEqual(contractChecks.slice(1));
  });

  it('ReadOnlyBlobStore reports the throw as the problem', async () => {
    const [first] = await checkBlobStoreContract(() => new ReadOnlyBlobStore());
    expect(first).toEqual({ check: 'get returns what put stored', problem: 'threw archive is read-only' });
  });

  it('CaseFoldingBlobStore fails the two case checks only', async () => {
    const failures = await checkBlobStoreContract(() => new CaseFoldingBlobStore());
    expect(failures).toEqual([
      {
        check: 'list returns the keys with the prefix, as stored, sorted',
        problem: 'got ["inv/a.pdf","inv/b.pdf"], want ["inv/A.pdf","inv/B.pdf","inv/a.pdf"]',
      },
      { check: 'keys that differ only in case are different blobs', problem: 'got [2], [2]' },
    ]);
  });

  it('SharedBufferBlobStore fails the copy check only: the fake your tests trust differs from production', async () => {
    expect(await checkBlobStoreContract(() => new SharedBufferBlobStore())).toEqual([
      {
        check: 'stored bytes are a copy, both ways',
        problem: 'after the caller edited its buffers, got [0,0]',
      },
    ]);
  });

  it('UncheckedKeyBlobStore fails the invalid-key check, listing each key it accepted', async () => {
    const failures = await checkBlobStoreContract(() => new UncheckedKeyBlobStore());
    expect(failures.map((f) => f.check)).toEqual(['invalid keys are refused with InvalidKeyError']);
    expect(failures[0]?.problem).toBe(`accepted "", "a\\u0000b", "lone \\ud800", "xxxxxxxxxxxx", 42`);
  });
});

describe('FileBlobStore beyond the contract', () => {
  it('keeps blobs across instances on the same directory, and an absent directory lists nothing', async () => {
    const dir = join(root, 'shared');
    expect(await new FileBlobStore(dir).list()).toEqual([]);
    await new FileBlobStore(dir).put('a/b', new Uint8Array([9]));
    expect(await new FileBlobStore(dir).get('a/b')).toEqual(new Uint8Array([9]));
    expect(await new FileBlobStore(dir).list('a/')).toEqual(['a/b']);
    expect(await new FileBlobStore(dir).list('b')).toEqual([]);
  });

  it('list skips a half-written .tmp file left by a crashed put', async () => {
    const dir = join(root, 'crashed');
    const store = new FileBlobStore(dir);
    await store.put('done', new Uint8Array([1]));
    await writeFile(join(dir, 'abc.0000.tmp'), new Uint8Array([0, 0, 0, 9, 1]));
    expect(await store.list()).toEqual(['done']);
  });

  it('a key like ../../etc/passwd stays inside the directory (file names are hashes)', async () => {
    const dir = join(root, 'traversal');
    await new FileBlobStore(dir).put('../../escape', new Uint8Array([1]));
    expect(await new FileBlobStore(join(root, 'escape')).list()).toEqual([]);
    expect(await new FileBlobStore(dir).list()).toEqual(['../../escape']);
  });
});
