import { describe, expect, it } from 'vitest';
import { exportReport, spreadsheetModuleLoads } from '../src/lazy.ts';

const rows = [
  ['sku', 'name'],
  ['c-1', 'Coffee, "dark"'],
];

describe('lazy import()', () => {
  it('loads the heavy module on first use only, once; its XML escapes markup', async () => {
    expect(spreadsheetModuleLoads()).toBe(0);
    expect(await exportReport(rows, 'csv')).toBe('sku,name\nc-1,"Coffee, ""dark"""');
    expect(spreadsheetModuleLoads()).toBe(0);
    expect(await exportReport(rows, 'xml')).toBe(
      '<Workbook><Worksheet><Table>' +
        '<Row><Cell><Data>sku</Data></Cell><Cell><Data>name</Data></Cell></Row>' +
        '<Row><Cell><Data>c-1</Data></Cell><Cell><Data>Coffee, &quot;dark&quot;</Data></Cell></Row>' +
        '</Table></Worksheet></Workbook>',
    );
    expect(spreadsheetModuleLoads()).toBe(1);
    expect(await exportReport([['<b>&</b>']], 'xml')).toContain('<Data>&lt;b&gt;&amp;&lt;/b&gt;</Data>');
    expect(spreadsheetModuleLoads()).toBe(1);
  });

  it.each([
    ['NUL', 'a\u0000b', 'a cell must not contain NUL (U+0000)'],
    ['a lone surrogate', 'x\udc00', 'a cell must be well-formed UTF-16 (no lone surrogate)'],
  ])('refuses a cell with %s in both formats', async (_, cell, message) => {
    await expect(exportReport([[cell]], 'csv')).rejects.toThrow(message);
    await expect(exportReport([[cell]], 'xml')).rejects.toThrow(message);
  });

  it('keeps 10k-character cells and emoji whole; refuses non-strings and unknown formats', async () => {
    expect(await exportReport([['x'.repeat(10_000), '📦']], 'csv')).toBe(`${'x'.repeat(10_000)},📦`);
    await expect(exportReport([[42 as unknown as string]], 'csv')).rejects.toThrow(
      'a cell must be a string, got number',
    );
    await expect(exportReport(rows, 'pdf' as 'csv')).rejects.toThrow('unknown format: pdf');
  });

  it('quotes CSV cells with newlines and carriage returns', async () => {
    expect(await exportReport([['a\nb', 'c\rd', 'plain']], 'csv')).toBe('"a\nb","c\rd",plain');
  });
});
