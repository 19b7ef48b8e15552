import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../src/diagnostic.ts';
import { parseBiomeJson, parseTscOutput, runNode } from '../src/run-tools.ts';

describe('parseTscOutput', () => {
  it('reads file, line, code, severity and message; drops continuation lines', () => {
    const out = [
      "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "  Type 'x' is not assignable.",
      'src/dir (1)/b.ts(10,1): warning TS6133: x is declared but never read.',
      '',
    ].join('\n');
    expect(parseTscOutput(out)).toEqual([
      {
        tool: 'tsc',
        code: 'TS2322',
        file: 'src/a.ts',
        line: 3,
        severity: 'error',
        message: "Type 'string' is not assignable to type 'number'.",
      },
      {
        tool: 'tsc',
        code: 'TS6133',
        file: 'src/dir (1)/b.ts',
        line: 10,
        severity: 'warning',
        message: 'x is declared but never read.',
      },
    ]);
  });

  it('finds nothing in empty or unrelated output, and in a 10k-character line', () => {
    expect(parseTscOutput('')).toEqual([]);
    expect(parseTscOutput('Version 5.9.3\nerror TS5058: The specified path does not exist')).toEqual([]);
    expect(parseTscOutput('x'.repeat(10_000))).toEqual([]);
  });

  it('keeps NUL and unicode in a message as they came', () => {
    const [d] = parseTscOutput("a.ts(1,1): error TS1: bad 'é\u0000☕'");
    expect(d?.message).toBe("bad 'é\u0000☕'");
  });

  it('keeps a message whole when it holds a line separator or a carriage return', () => {
    const out = 'a.ts(2,1): error TS2: one\u2028two\rthree\nb.ts(3,1): error TS3: x\r\n';
    expect(parseTscOutput(out).map((d) => [d.file, d.line, d.message])).toEqual([
      ['a.ts', 2, 'one\u2028two\rthree'],
      ['b.ts', 3, 'x'],
    ]);
  });
});

describe('parseBiomeJson', () => {
  it('maps categories, paths, lines and severities; a whole-file finding has line 0', () => {
    const json = JSON.stringify({
      summary: {},
      diagnostics: [
        {
          severity: 'warning',
          message: 'unused',
          category: 'lint/correctness/noUnusedVariables',
          location: { path: 'a.ts', start: { line: 4, column: 2 } },
        },
        { severity: 'error', message: 'would format', category: 'format', location: { path: 'a.ts' } },
        { severity: 'information', message: 'note', category: 'x' },
        { severity: 'fatal', message: 'crash', category: 'internalError/io' },
      ],
    });
    expect(parseBiomeJson(json).map((d) => [d.tool, d.code, d.file, d.line, d.severity, d.message])).toEqual([
      ['biome', 'lint/correctness/noUnusedVariables', 'a.ts', 4, 'warning', 'unused'],
      ['biome', 'format', 'a.ts', 0, 'error', 'would format'],
      ['biome', 'x', '', 0, 'information', 'note'],
      ['biome', 'internalError/io', '', 0, 'error', 'crash'],
    ]);
  });

  it('no diagnostics field is no findings; invalid JSON throws', () => {
    expect(parseBiomeJson('{}')).toEqual([]);
    expect(() => parseBiomeJson('not json')).toThrow(SyntaxError);
  });
});

describe('sortDiagnostics', () => {
  it('orders by file, then line, then code, without touching its input', () => {
    const base = { tool: 'tsc', severity: 'error', message: '' } as const;
    const input = [
      { ...base, file: 'b.ts', line: 1, code: 'TS1' },
      { ...base, file: 'a.ts', line: 9, code: 'TS2' },
      { ...base, file: 'a.ts', line: 9, code: 'TS1' },
      { ...base, file: 'a.ts', line: 2, code: 'TS9' },
    ];
    expect(sortDiagnostics(input).map((d) => `${d.file}:${d.line}:${d.code}`)).toEqual([
      'a.ts:2:TS9',
      'a.ts:9:TS1',
      'a.ts:9:TS2',
      'b.ts:1:TS1',
    ]);
    expect(input[0]?.file).toBe('b.ts');
  });
});

describe('runNode', () => {
  it('a non-zero exit is a result, with what the process printed', async () => {
    const run = await runNode(
      ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'],
      '.',
    );
    expect(run).toEqual({ code: 3, stdout: 'out', stderr: 'err' });
  });

  it('a process that cannot start (no such working directory) rejects', async () => {
    await expect(runNode(['-e', '0'], '/nonexistent/lab-code-quality')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
