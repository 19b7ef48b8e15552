import { manualClock } from '@lab/common/clock';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BlobReader, BlobStore } from '../src/blob-store.ts';
import { InvoiceService, InvoiceServiceWithHiddenDeps } from '../src/dip.ts';
import {
  CsvOnlyExporter,
  csvExporter,
  exportAll,
  jsonLinesExporter,
  type PdfExporter,
  type ReportRow,
  stubbedMethods,
  type TextExporter,
} from '../src/isp.ts';
import { ReadOnlyBlobStore } from '../src/lsp-violations.ts';
import { MemoryBlobStore } from '../src/memory-blob-store.ts';
import { ReadOnlyArchive, totalBytes } from '../src/read-only-archive.ts';

const rows: ReportRow[] = [
  { day: '2025-03-01', orders: 3, revenueCents: 4_500 },
  { day: '2025-03-02', orders: 0, revenueCents: 0 },
];

describe('ISP: small roles instead of one fat interface', () => {
  it('the violation: three of the fat interface’s four methods are stubs that throw', () => {
    expect(stubbedMethods(new CsvOnlyExporter(), rows)).toEqual(['toJsonLines', 'toPdf', 'scheduleDaily']);
    expect(() => new CsvOnlyExporter().toPdf(rows)).toThrow('PDF not supported');
  });

  it('the fix: every TextExporter does the one thing it declares', () => {
    const out = exportAll(rows, [csvExporter, jsonLinesExporter]);
    expect([...out.keys()]).toEqual(['csv', 'jsonl']);
    expect(out.get('csv')).toBe('day,orders,revenue_cents\n2025-03-01,3,4500\n2025-03-02,0,0');
    expect(out.get('csv')).toBe(new CsvOnlyExporter().toCsv(rows));
    expect(
      out
        .get('jsonl')
        ?.split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(rows);
  });

  it('types: a text exporter is not a PDF exporter, so the mistake is a compile error', () => {
    expectTypeOf(csvExporter).toExtend<TextExporter>();
    expectTypeOf(csvExporter).not.toExtend<PdfExporter>();
    // @ts-expect-error — csvExporter has no exportPdf: caught by tsc, not by a customer
    const pdf: PdfExporter = csvExporter;
    expect(pdf).toBe(csvExporter);
  });

  it('the read-only archive implements the reading role only; a reader-only client takes both', async () => {
    const store = new MemoryBlobStore();
    await store.put('a/1', new Uint8Array(3));
    await store.put('a/2', new Uint8Array(4));
    await store.put('b/1', new Uint8Array(100));
    const archive = new ReadOnlyArchive(store);
    expect([
      await totalBytes(store, 'a/'),
      await totalBytes(archive, 'a/'),
      await totalBytes(archive),
    ]).toEqual([7, 7, 107]);
    expect(await archive.get('a/2')).toEqual(new Uint8Array(4));
    expect(await archive.get('zzz')).toBeUndefined();
    expect('put' in archive).toBe(false);
    expectTypeOf(archive).toExtend<BlobReader>();
    expectTypeOf(archive).not.toExtend<BlobStore>();
    // The LSP violator claims to be a full store: the compiler believes it.
    expectTypeOf(new ReadOnlyBlobStore()).toExtend<BlobStore>();
  });
});

describe('DIP: depend on injected abstractions', () => {
  it('the violation: separate instances share hidden module state', async () => {
    const first = new InvoiceServiceWithHiddenDeps();
    const second = new InvoiceServiceWithHiddenDeps();
    const before = (await second.all()).length;
    await first.issue('order-1', 1_000);
    // second never issued anything, yet it sees first's invoice.
    expect((await second.all()).length).toBe(before + 1);
    expect((await second.all()).at(-1)?.orderId).toBe('order-1');
  });

  it('the fix: each service has its own store, and an injected clock makes numbers exact', async () => {
    const clock = manualClock(Date.UTC(2025, 2, 1, 23, 59));
    const a = new InvoiceService({ store: new MemoryBlobStore(), clock });
    const b = new InvoiceService({ store: new MemoryBlobStore(), clock });
    expect(await a.issue('order-1', 1_000)).toEqual({
      number: 'INV-20250301-0001',
      orderId: 'order-1',
      amountCents: 1_000,
      issuedOn: '2025-03-01',
    });
    expect((await a.issue('order-2', 2_000)).number).toBe('INV-20250301-0002');
    expect((await b.issue('order-3', 3_000)).number).toBe('INV-20250301-0001');
    clock.advance(60_000);
    expect((await a.issue('order-4', 4_000)).number).toBe('INV-20250302-0001');
    expect((await a.all()).map((i) => i.number)).toEqual([
      'INV-20250301-0001',
      'INV-20250301-0002',
      'INV-20250302-0001',
    ]);
  });

  it('the fix takes any BlobStore, here one built for the test, and refuses a bad amount before writing', async () => {
    const writes: string[] = [];
    const inner = new MemoryBlobStore();
    const spy: BlobStore = {
      get: (k) => inner.get(k),
      list: (p) => inner.list(p),
      delete: (k) => inner.delete(k),
      put: (k, d) => {
        writes.push(k);
        return inner.put(k, d);
      },
    };
    const service = new InvoiceService({ store: spy, clock: manualClock(0) });
    await expect(service.issue('order-x', 0)).rejects.toThrow(RangeError);
    await service.issue('order-y', 5);
    expect(writes).toEqual(['invoices/INV-19700101-0001']);
  });
});
