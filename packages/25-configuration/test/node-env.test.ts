import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnvFileInChild, roundTripThroughProcessEnv } from '../src/node-env.ts';

const dir = mkdtempSync(join(tmpdir(), 'lab-node-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Node's process.loadEnvFile", () => {
  const path = join(dir, '.env');
  writeFileSync(
    path,
    'PORT=3000\nLOG_LEVEL=debug\nLOG_LEVEL=trace\nGREETING="hello\\nworld"\nRAW=\'a\\nb\'\n',
  );

  it('does NOT override a variable that is already set', () => {
    const after = loadEnvFileInChild(path, { PORT: '8080' }, ['PORT']);
    expect(after).toEqual({ PORT: '8080' });
  });

  it('sets what was unset; a duplicate key silently takes the last value', () => {
    const after = loadEnvFileInChild(path, {}, ['PORT', 'LOG_LEVEL', 'ABSENT']);
    expect(after).toEqual({ PORT: '3000', LOG_LEVEL: 'trace', ABSENT: null });
  });

  it('expands \\n in double quotes only', () => {
    expect(loadEnvFileInChild(path, {}, ['GREETING', 'RAW'])).toEqual({
      GREETING: 'hello\nworld',
      RAW: 'a\\nb',
    });
  });

  it('throws ENOENT for a missing file', () => {
    expect(() => loadEnvFileInChild(join(dir, 'missing.env'), {}, ['X'])).toThrow(/ENOENT/);
  });
});

describe('process.env is a view of the C environment (a fresh main thread)', () => {
  const [nul, surrogate, five, no, undef, long] = roundTripThroughProcessEnv([
    'abc\u0000def',
    'x\ud800y',
    5,
    false,
    undefined,
    'é☕'.repeat(5_000),
  ]);

  it('cuts a value at the first NUL', () => {
    expect(nul).toBe('abc');
  });

  it('replaces a lone surrogate with U+FFFD', () => {
    expect(surrogate).toBe('x\ufffdy');
  });

  it('turns every value into a string, undefined included', () => {
    expect([five, no, undef]).toEqual(['5', 'false', 'undefined']);
  });

  it('keeps 10k characters and unicode whole', () => {
    expect(long).toBe('é☕'.repeat(5_000));
  });
});
