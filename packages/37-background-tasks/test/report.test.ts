/** The report itself: a deterministic render of the request, and where the handler publishes it. */
import { describe, expect, it } from 'vitest';
import { renderReport, reportSink } from '../src/report.ts';

const REQUEST = { userId: 'u-1', kind: 'usage', month: '2024-06' } as const;

/** The checksum as specified: over `rows` rows, each char of `userId|kind|month`, h = (h*31 + c + row) mod 2^32. */
function expectedChecksum(seed: string, rows: number): number {
  let h = 0n;
  for (let row = 0; row < rows; row++)
    for (const ch of seed) h = (h * 31n + BigInt(ch.charCodeAt(0)) + BigInt(row)) % 2n ** 32n;
  return Number(h);
}

describe('renderReport', () => {
  it('returns the request, the row count and a checksum over every row of the seed', () => {
    expect(renderReport(REQUEST, 3)).toEqual({
      userId: 'u-1',
      kind: 'usage',
      month: '2024-06',
      rows: 3,
      checksum: expectedChecksum('u-1|usage|2024-06', 3),
    });
  });

  it('renders 2,000 rows by default', () => {
    const report = renderReport(REQUEST);
    expect(report.rows).toBe(2_000);
    expect(report.checksum).toBe(expectedChecksum('u-1|usage|2024-06', 2_000));
  });

  it('is deterministic, and any field of the request or the row count changes the checksum', () => {
    const base = renderReport(REQUEST, 5).checksum;
    expect(renderReport({ ...REQUEST }, 5).checksum).toBe(base);
    expect(renderReport({ ...REQUEST, userId: 'u-2' }, 5).checksum).not.toBe(base);
    expect(renderReport({ ...REQUEST, kind: 'sales' }, 5).checksum).not.toBe(base);
    expect(renderReport({ ...REQUEST, month: '2024-07' }, 5).checksum).not.toBe(base);
    expect(renderReport(REQUEST, 6).checksum).not.toBe(base);
  });

  it('renders no rows to a checksum of 0', () => {
    expect(renderReport(REQUEST, 0)).toEqual({ ...REQUEST, rows: 0, checksum: 0 });
  });
});

describe('reportSink', () => {
  it('names the reports hash and the deliveries hash under the prefix', () => {
    expect(reportSink('t:37:')).toEqual({ reports: 't:37:reports', deliveries: 't:37:deliveries' });
  });
});
