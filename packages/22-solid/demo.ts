import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { code, formatNumber, kv, lessonCheck, medianTimePerCall, runDemo, say, table } from '@lab/common';
import { manualClock } from '@lab/common/clock';
import {
  type BlobStore,
  CardProvider,
  CaseFoldingBlobStore,
  CryptoProvider,
  CsvOnlyExporter,
  chargeBySwitch,
  checkBlobStoreContract,
  contractChecks,
  csvExporter,
  exportAll,
  exportUsersCsv,
  FileBlobStore,
  feeRules,
  InMemoryUserRepository,
  InvoiceService,
  InvoiceServiceWithHiddenDeps,
  jsonLinesExporter,
  MemoryBlobStore,
  PaymentGateway,
  PayPalProvider,
  PlainUploader,
  ReadOnlyArchive,
  ReadOnlyBlobStore,
  RecordingMailer,
  SharedBufferBlobStore,
  SignupService,
  stubbedMethods,
  ThumbnailUploader,
  totalBytes,
  totalFeesMegamorphic,
  totalFeesMonomorphic,
  UncheckedKeyBlobStore,
  type Uploader,
  UserManager,
  WelcomeMailer,
} from './src/index.ts';

const ada = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };

/** What `run` threw, as a message, or 'returned' when it did not throw. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'returned';
  } catch (error) {
    return `threw ${(error as Error).name}: ${(error as Error).message}`;
  }
}

function srpSection(): void {
  const rows = (['full', 'first'] as const).map((nameStyle) => {
    const manager = new UserManager({ nameStyle });
    manager.register(ada);
    return {
      'UserManager nameStyle': nameStyle,
      email: manager.outbox[0]?.body,
      'finance CSV row': manager.exportCsv().split('\n')[1],
    };
  });
  table(rows);
  say("Marketing's change reached finance's export: one private helper served both.");
  const split = [undefined, (u: { firstName: string }) => u.firstName].map((greet, i) => {
    const users = new InMemoryUserRepository();
    const mailer = new RecordingMailer();
    new SignupService(users, new WelcomeMailer(mailer, greet)).register(ada);
    return {
      greeting: i === 0 ? 'full name' : 'first name',
      email: mailer.sent[0]?.body,
      'finance CSV row': exportUsersCsv(users.all()).split('\n')[1],
    };
  });
  table(split);
  say('Split by who asks for changes (SignupService, WelcomeMailer, exportUsersCsv), the CSV stays put.');
}

function ocpSection(): void {
  kv({ "chargeBySwitch('crypto', 10000)": outcome(() => chargeBySwitch('crypto', 10_000)) });
  const gateway = new PaymentGateway([new CardProvider(), new PayPalProvider()]);
  gateway.register(new CryptoProvider());
  table(gateway.methods.map((method) => ({ ...gateway.charge(method, 10_000) })));
  code(
    'gateway.register(new CryptoProvider());  // a new class, registered at start-up; no edit to checkout',
  );
}

async function lspSection(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'lab-22-demo-'));
  let n = 0;
  try {
    const candidates: Array<[string, () => BlobStore]> = [
      ['MemoryBlobStore', () => new MemoryBlobStore()],
      ['FileBlobStore', () => new FileBlobStore(join(root, String(++n)))],
      ['ReadOnlyBlobStore', () => new ReadOnlyBlobStore()],
      ['CaseFoldingBlobStore', () => new CaseFoldingBlobStore()],
      ['SharedBufferBlobStore', () => new SharedBufferBlobStore()],
      ['UncheckedKeyBlobStore', () => new UncheckedKeyBlobStore()],
    ];
    const failuresOf: Array<[string, Awaited<ReturnType<typeof checkBlobStoreContract>>]> = [];
    for (const [name, make] of candidates) failuresOf.push([name, await checkBlobStoreContract(make)]);
    table(
      failuresOf.map(([name, failures]) => ({
        implementation: name,
        passed: `${contractChecks.length - failures.length} of ${contractChecks.length}`,
        substitutable: failures.length === 0,
      })),
    );
    for (const [name, failures] of failuresOf.slice(3))
      for (const f of failures) say(`${name} ✗ ${f.check}: ${f.problem}`);
    say('Every class above compiles as a BlobStore; only the shared contract tells them apart.');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function varianceSection(): void {
  const uploaders: Array<[string, Uploader]> = [
    ['PlainUploader', new PlainUploader()],
    ['ThumbnailUploader', new ThumbnailUploader()],
  ];
  const file = { name: 'cat.png', bytes: new Uint8Array(5) };
  table(
    uploaders.map(([name, u]) => ({ 'as Uploader': name, 'upload(file)': outcome(() => u.upload(file)) })),
  );
  code(
    'interface Uploader { upload(file: Upload): string }            // method: bivariant, accepts the narrower class',
  );
  code(
    'interface StrictUploader { upload: (file: Upload) => string }  // property: tsc refuses ThumbnailUploader',
  );
}

async function ispSection(): Promise<void> {
  const rows = [{ day: '2025-03-01', orders: 3, revenueCents: 4_500 }];
  kv({
    'CsvOnlyExporter: fat-interface methods that throw': stubbedMethods(new CsvOnlyExporter(), rows).join(
      ', ',
    ),
  });
  const out = exportAll(rows, [csvExporter, jsonLinesExporter]);
  kv(
    Object.fromEntries(
      [...out].map(([format, text]) => [`TextExporter ${format}`, text.replaceAll('\n', ' ⏎ ')]),
    ),
  );
  const store = new MemoryBlobStore();
  await store.put('reports/march.csv', new TextEncoder().encode(out.get('csv')));
  const archive = new ReadOnlyArchive(store);
  kv({
    'totalBytes(store) / totalBytes(archive)': `${await totalBytes(store)} / ${await totalBytes(archive)}`,
    "'put' in archive": 'put' in archive,
  });
  say('The archive implements BlobReader only: passing it where a BlobStore is needed is a compile error.');
}

async function dipSection(): Promise<void> {
  const [a, b] = [new InvoiceServiceWithHiddenDeps(), new InvoiceServiceWithHiddenDeps()];
  await a.issue('order-1', 1_000);
  kv({ 'hidden deps: invoices seen by b after only a issued one': (await b.all()).length });
  const clock = manualClock(Date.UTC(2025, 2, 1, 12));
  const [c, d] = [new MemoryBlobStore(), new MemoryBlobStore()].map(
    (store) => new InvoiceService({ store, clock }),
  ) as [InvoiceService, InvoiceService];
  await c.issue('order-1', 1_000);
  const seenByD = (await d.all()).length;
  kv({
    'injected: invoices seen by d after only c issued one': seenByD,
    "d's first invoice number (manual clock at 2025-03-01)": (await d.issue('order-2', 2_000)).number,
  });
  code(
    'new InvoiceService({ store: new FileBlobStore(dir), clock: { now: Date.now } })  // the composition root',
  );
}

function dispatchSection(): void {
  const calls = 10_000;
  const mono = feeRules(1, calls);
  const mega = feeRules(8, calls);
  const options = { rounds: 15, warmupRounds: 10 };
  const monoNs = (medianTimePerCall(() => totalFeesMonomorphic(mono, 1_000), options) / calls) * 1e6;
  const megaNs = (medianTimePerCall(() => totalFeesMegamorphic(mega, 1_000), options) / calls) * 1e6;
  lessonCheck(
    megaNs > monoNs * 1.5,
    'an interface call site that sees 8 classes is slower than one that sees 1 (megamorphic: no inlining)',
    `${formatNumber(monoNs)} ns vs ${formatNumber(megaNs)} ns per call, ${formatNumber(megaNs / monoNs)}×`,
    'pnpm bench solid',
  );
  say('Nanoseconds: it matters in a loop over millions of rows, never next to a database round trip.');
}

await runDemo({
  title: 'SOLID',
  subtitle:
    'Part 3, Q2 — each principle as a violation and its fix, the Liskov contract suite, and what dispatch costs',
  sections: [
    {
      id: 'srp',
      title: 'S: one reason to change',
      why: 'A class that serves marketing and finance changes for both, and breaks one for the other.',
      run: srpSection,
    },
    {
      id: 'ocp',
      title: 'O: add a payment method without editing checkout',
      why: 'A switch must be edited for every provider; an interface plus a registry takes new classes.',
      run: ocpSection,
    },
    {
      id: 'lsp',
      title: 'L: one contract suite, every implementation',
      why: 'Substitutable means passing the same checks; the compiler accepts all six classes.',
      run: lspSection,
    },
    {
      id: 'variance',
      title: 'L: where tsc lets a violation through',
      why: 'Method parameters are bivariant: a subtype may demand more than the interface promised.',
      run: varianceSection,
    },
    {
      id: 'isp',
      title: 'I: small roles, no stubs',
      why: 'A fat interface forces stubs that throw; a role per capability turns the mistake into a type error.',
      run: ispSection,
    },
    {
      id: 'dip',
      title: 'D: inject the store and the clock',
      why: 'Hidden module-level dependencies leak state between instances and tie results to the real date.',
      run: dipSection,
    },
    {
      id: 'dispatch',
      title: 'What the abstraction costs at a hot call site',
      why: "V8's inline cache handles up to 4 classes per site; past that every call is a lookup.",
      run: dispatchSection,
    },
  ],
});
