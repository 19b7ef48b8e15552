import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'narrowed-parameter-compiles',
      prompt:
        'ThumbnailUploader.upload takes an ImageUpload (an Upload plus width), yet `implements Uploader` compiles. What prints?',
      code: `import { ThumbnailUploader, type Uploader } from './src/lsp-variance.ts';

const uploader: Uploader = new ThumbnailUploader();
try {
  console.log(uploader.upload({ name: 'cat.png', bytes: new Uint8Array(3) }));
} catch (error) {
  console.log((error as Error).name);
}`,
      output: 'TypeError',
      explain:
        'TypeScript compares method parameters bivariantly, so a subtype may demand more than the interface promised (a stronger precondition) and still type-check. Declare the member as a function-typed property (upload: (file: Upload) => string) and strictFunctionTypes refuses the class.',
      see: { section: 'variance', file: 'src/lsp-variance.ts' },
    },
    {
      id: 'read-only-subclass-is-a-store',
      prompt: 'A read-only archive subclasses the in-memory store. What prints?',
      code: `import { ReadOnlyBlobStore } from './src/lsp-violations.ts';
import { MemoryBlobStore } from './src/memory-blob-store.ts';

const archive = new ReadOnlyBlobStore();
console.log(archive instanceof MemoryBlobStore);
console.log(await archive.get('report.csv'));
await archive.put('report.csv', new Uint8Array(1)).catch((e: Error) => console.log(e.message));`,
      output: 'true\nundefined\narchive is read-only',
      explain:
        'instanceof and the compiler both say it is a store, so any code that writes to a store accepts it and fails at run time. That is the Liskov violation; the fix is a smaller type (a BlobReader), not a cleverer override.',
      see: { section: 'lsp', file: 'src/lsp-violations.ts' },
    },
    {
      id: 'fake-shares-its-buffer',
      prompt: 'The same three steps against the real in-memory store and a "faster" fake. What prints?',
      code: `import { SharedBufferBlobStore } from './src/lsp-violations.ts';
import { MemoryBlobStore } from './src/memory-blob-store.ts';

for (const store of [new MemoryBlobStore(), new SharedBufferBlobStore()]) {
  const data = new Uint8Array([1, 2, 3]);
  await store.put('k', data);
  data[0] = 9;
  console.log([...((await store.get('k')) ?? [])].join(','));
}`,
      output: '1,2,3\n9,2,3',
      explain:
        'The fake keeps the caller’s buffer instead of a copy, so editing it later edits the stored blob. Tests run against such a fake pass where the real store behaves differently: run the same contract suite against fakes too.',
      see: { section: 'lsp', file: 'src/contract.ts' },
    },
    {
      id: 'hidden-module-state',
      prompt: 'Two separately constructed invoice services; only the first issues an invoice. What prints?',
      code: `import { InvoiceServiceWithHiddenDeps } from './src/dip.ts';

const a = new InvoiceServiceWithHiddenDeps();
const b = new InvoiceServiceWithHiddenDeps();
await a.issue('order-1', 1_000);
console.log((await b.all()).length);
console.log((await b.issue('order-2', 2_000)).number.endsWith('-0002'));`,
      output: '1\ntrue',
      explain:
        'The store is created once at module load and shared by every instance, so state leaks between them (and between tests in one file). Depend on an injected BlobStore and each instance owns its state.',
      see: { section: 'dip', file: 'src/dip.ts' },
    },
  ],
});
