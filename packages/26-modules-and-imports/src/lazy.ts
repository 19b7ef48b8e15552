/** How many times the heavy spreadsheet module has been evaluated in this process. */
export function spreadsheetModuleLoads(): number {
  return (globalThis as { [key: symbol]: number | undefined })[Symbol.for('lab26.spreadsheet.loads')] ?? 0;
}

/**
 * Cells come from users. NUL cannot appear in XML 1.0 at all and is refused by most CSV consumers; a lone
 * surrogate cannot be encoded as UTF-8 (it would silently become U+FFFD). Both formats refuse both.
 */
function checkCell(cell: unknown): string {
  if (typeof cell !== 'string') throw new TypeError(`a cell must be a string, got ${typeof cell}`);
  if (cell.includes('\u0000')) throw new RangeError('a cell must not contain NUL (U+0000)');
  if (/\p{Surrogate}/u.test(cell))
    throw new RangeError('a cell must be well-formed UTF-16 (no lone surrogate)');
  return cell;
}

const csvCell = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * CSV is the common case and costs nothing to load; the spreadsheet writer is loaded with import() the
 * first time someone asks for it, and import() caches it: later calls reuse the evaluated module. Start-up
 * (and every CSV request) never pays for it. A static import would load it in every process.
 */
export async function exportReport(
  rows: readonly (readonly string[])[],
  format: 'csv' | 'xml',
): Promise<string> {
  if (format !== 'csv' && format !== 'xml') throw new TypeError(`unknown format: ${String(format)}`);
  const checked = rows.map((row) => row.map(checkCell));
  if (format === 'csv') return checked.map((row) => row.map(csvCell).join(',')).join('\n');
  const { toSpreadsheetXml } = await import('./_spreadsheet.ts');
  return toSpreadsheetXml(checked);
}
