// First import: defines Symbol.metadata before any class below is defined (see symbol-metadata.ts).
import './symbol-metadata.ts';
import { createRegistry } from './registry.ts';

/** What every exporter plugin does. */
export interface Exporter {
  export(rows: ReadonlyArray<Record<string, unknown>>): string;
}

/** The registry; each decorated class below adds itself as its module is evaluated. */
export const exporters = createRegistry<Exporter>('exporter');

@exporters.register('csv')
export class CsvExporter implements Exporter {
  export(rows: ReadonlyArray<Record<string, unknown>>): string {
    const columns = Object.keys(rows[0] ?? {});
    return [columns.join(','), ...rows.map((r) => columns.map((c) => String(r[c])).join(','))].join('\n');
  }
}

@exporters.register('json')
export class JsonExporter implements Exporter {
  export(rows: ReadonlyArray<Record<string, unknown>>): string {
    return JSON.stringify(rows);
  }
}

@exporters.register('ndjson')
export class NdjsonExporter extends JsonExporter {
  override export(rows: ReadonlyArray<Record<string, unknown>>): string {
    return rows.map((r) => JSON.stringify(r)).join('\n');
  }
}
