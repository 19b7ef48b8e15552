/**
 * I — Interface Segregation: no client should depend on methods it does not use. The violation is one
 * exporter interface with every format; an implementation that supports one format stubs the rest with a
 * throw, and a caller holding the fat type finds out at run time. The fix: one small role per capability,
 * so "this exporter cannot do PDF" is a compile error.
 */
import { csvField } from './srp.ts';

export interface ReportRow {
  readonly day: string;
  readonly orders: number;
  readonly revenueCents: number;
}

// ---- The violation -----------------------------------------------------------------------------------

export interface ReportExporter {
  toCsv(rows: readonly ReportRow[]): string;
  toJsonLines(rows: readonly ReportRow[]): string;
  toPdf(rows: readonly ReportRow[]): Uint8Array;
  scheduleDaily(hourUtc: number): void;
}

/** Supports CSV; the interface forces it to pretend about everything else. */
export class CsvOnlyExporter implements ReportExporter {
  toCsv(rows: readonly ReportRow[]): string {
    return csvReport(rows);
  }
  toJsonLines(_rows: readonly ReportRow[]): string {
    throw new Error('JSON Lines not supported');
  }
  toPdf(_rows: readonly ReportRow[]): Uint8Array {
    throw new Error('PDF not supported');
  }
  scheduleDaily(_hourUtc: number): void {
    throw new Error('scheduling not supported');
  }
}

/** Calls each method of the fat interface once and names those that threw: the stubs a client can hit. */
export function stubbedMethods(exporter: ReportExporter, rows: readonly ReportRow[]): string[] {
  const calls: Record<keyof ReportExporter, () => unknown> = {
    toCsv: () => exporter.toCsv(rows),
    toJsonLines: () => exporter.toJsonLines(rows),
    toPdf: () => exporter.toPdf(rows),
    scheduleDaily: () => exporter.scheduleDaily(6),
  };
  return Object.entries(calls).flatMap(([name, call]) => {
    try {
      call();
      return [];
    } catch {
      return [name];
    }
  });
}

// ---- The fix -----------------------------------------------------------------------------------------

/** One role: turn rows into one text format. */
export interface TextExporter {
  readonly format: string;
  readonly contentType: string;
  export(rows: readonly ReportRow[]): string;
}

/** A separate role for a binary format; an exporter that cannot make PDFs simply does not implement it. */
export interface PdfExporter {
  exportPdf(rows: readonly ReportRow[]): Uint8Array;
}

function csvReport(rows: readonly ReportRow[]): string {
  const lines = rows.map((r) => [csvField(r.day), r.orders, r.revenueCents].join(','));
  return ['day,orders,revenue_cents', ...lines].join('\n');
}

export const csvExporter: TextExporter = {
  format: 'csv',
  contentType: 'text/csv',
  export: csvReport,
};

export const jsonLinesExporter: TextExporter = {
  format: 'jsonl',
  contentType: 'application/jsonl',
  export: (rows) => rows.map((r) => JSON.stringify(r)).join('\n'),
};

/** A client that needs only the text role: any TextExporter will do, and none carries stubs. */
export function exportAll(
  rows: readonly ReportRow[],
  exporters: readonly TextExporter[],
): Map<string, string> {
  return new Map(exporters.map((e) => [e.format, e.export(rows)]));
}
