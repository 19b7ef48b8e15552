/**
 * D — Dependency Inversion: high-level policy (issue an invoice) depends on abstractions (a BlobStore, a
 * clock) that the low-level details implement, and the details are chosen at the composition root. The
 * violation reaches for its own: a module-level store every instance shares, and the real date.
 */
import type { BlobStore } from './blob-store.ts';
import { MemoryBlobStore } from './memory-blob-store.ts';
import { assertAmount } from './ocp.ts';

export interface Invoice {
  readonly number: string;
  readonly orderId: string;
  readonly amountCents: number;
  readonly issuedOn: string;
}

/** Wall-clock time in epoch milliseconds (the kit's manualClock(start) fits it; `{ now: Date.now }` too). */
export interface WallClock {
  now(): number;
}

const PREFIX = 'invoices/';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Numbers are per day and sequential: INV-20250301-0001, INV-20250301-0002, … */
async function issueInto(
  store: BlobStore,
  epochMs: number,
  orderId: string,
  amountCents: number,
): Promise<Invoice> {
  assertAmount(amountCents);
  const issuedOn = new Date(epochMs).toISOString().slice(0, 10);
  const day = issuedOn.replaceAll('-', '');
  const sameDay = await store.list(`${PREFIX}INV-${day}-`);
  const invoice = {
    number: `INV-${day}-${String(sameDay.length + 1).padStart(4, '0')}`,
    orderId,
    amountCents,
    issuedOn,
  };
  await store.put(`${PREFIX}${invoice.number}`, encoder.encode(JSON.stringify(invoice)));
  return invoice;
}

async function readAll(store: BlobStore): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  for (const key of await store.list(PREFIX)) {
    const data = await store.get(key);
    if (data) invoices.push(JSON.parse(decoder.decode(data)) as Invoice);
  }
  return invoices;
}

// ---- The violation -----------------------------------------------------------------------------------

// The hidden dependency: created at import, shared by every instance, invisible in any signature.
const storage = new MemoryBlobStore();

export class InvoiceServiceWithHiddenDeps {
  issue(orderId: string, amountCents: number): Promise<Invoice> {
    return issueInto(storage, Date.now(), orderId, amountCents);
  }
  all(): Promise<Invoice[]> {
    return readAll(storage);
  }
}

// ---- The fix -----------------------------------------------------------------------------------------

export interface InvoiceServiceDeps {
  readonly store: BlobStore;
  readonly clock: WallClock;
}

export class InvoiceService {
  constructor(private readonly deps: InvoiceServiceDeps) {}
  issue(orderId: string, amountCents: number): Promise<Invoice> {
    return issueInto(this.deps.store, this.deps.clock.now(), orderId, amountCents);
  }
  all(): Promise<Invoice[]> {
    return readAll(this.deps.store);
  }
}
