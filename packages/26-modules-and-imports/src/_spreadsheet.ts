// A stand-in for a heavy, rarely used dependency (an XLSX writer): counts how often it is evaluated.
const loads = Symbol.for('lab26.spreadsheet.loads');
const counter = globalThis as { [loads]?: number };
counter[loads] = (counter[loads] ?? 0) + 1;

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

export function toSpreadsheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((row) => `<Row>${row.map((cell) => `<Cell><Data>${escapeXml(cell)}</Data></Cell>`).join('')}</Row>`)
    .join('');
  return `<Workbook><Worksheet><Table>${body}</Table></Worksheet></Workbook>`;
}
