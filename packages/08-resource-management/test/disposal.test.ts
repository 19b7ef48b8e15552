import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFile, stopwatch, tempDir, tracked } from '../src/index.ts';

describe('using', () => {
  it('disposes in reverse order of acquisition', () => {
    const log: string[] = [];
    {
      using _a = tracked('a', log);
      using _b = tracked('b', log);
      using _c = tracked('c', log);
      log.push('body');
    }
    expect(log).toEqual([
      'acquire a',
      'acquire b',
      'acquire c',
      'body',
      'dispose c',
      'dispose b',
      'dispose a',
    ]);
  });

  it('disposes on throw, and the body error reaches the caller', () => {
    const log: string[] = [];
    const run = () => {
      using _a = tracked('a', log);
      throw new Error('body failed');
    };
    expect(run).toThrow('body failed');
    expect(log).toEqual(['acquire a', 'dispose a']);
  });

  it('wraps a disposal error around the body error in a SuppressedError', () => {
    const log: string[] = [];
    let caught: unknown;
    try {
      using _a = tracked('a', log, true);
      throw new Error('body failed');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'SuppressedError' });
    const suppressed = caught as SuppressedError;
    expect((suppressed.error as Error).message).toBe('a failed to dispose');
    expect((suppressed.suppressed as Error).message).toBe('body failed');
  });

  it('still disposes every resource when several disposals fail', () => {
    const log: string[] = [];
    let caught: unknown;
    try {
      using _a = tracked('a', log, true);
      using _b = tracked('b', log, true);
      using _c = tracked('c', log);
    } catch (error) {
      caught = error;
    }
    expect(log.filter((l) => l.startsWith('dispose'))).toEqual(['dispose c', 'dispose b', 'dispose a']);
    const outer = caught as SuppressedError;
    expect((outer.error as Error).message).toBe('a failed to dispose');
    expect((outer.suppressed as Error).message).toBe('b failed to dispose');
  });
});

describe('real resources', () => {
  it('a temp dir is removed when the scope ends, even by an exception', () => {
    let path = '';
    expect(() => {
      using dir = tempDir();
      path = dir.path;
      writeFileSync(join(dir.path, 'scratch.txt'), 'x');
      expect(existsSync(join(path, 'scratch.txt'))).toBe(true);
      throw new Error('stop');
    }).toThrow('stop');
    expect(path).not.toBe('');
    expect(existsSync(path)).toBe(false);
  });

  it('a temp dir is made under the OS temp folder, named by its prefix', () => {
    using byDefault = tempDir();
    using named = tempDir('report-');
    expect(dirname(byDefault.path)).toBe(tmpdir());
    expect(basename(byDefault.path)).toMatch(/^lab-.{6}$/);
    expect(basename(named.path)).toMatch(/^report-.{6}$/);
  });

  it('a temp dir the scope already removed is not an error at dispose', () => {
    let path = '';
    {
      using dir = tempDir();
      path = dir.path;
      rmSync(dir.path, { recursive: true });
    }
    expect(existsSync(path)).toBe(false);
  });

  it('a stopwatch reports once, on dispose, with the injected clock', () => {
    const reports: Array<[string, number]> = [];
    let clock = 100;
    {
      using _t = stopwatch(
        'work',
        (label, ms) => reports.push([label, ms]),
        () => clock,
      );
      clock = 142;
      expect(reports).toEqual([]);
    }
    expect(reports).toEqual([['work', 42]]);
  });

  it('a stopwatch without a clock measures with performance.now(): a number of ms, never NaN', () => {
    const reports: number[] = [];
    {
      using _t = stopwatch('work', (_label, ms) => reports.push(ms));
    }
    expect(reports).toHaveLength(1);
    expect(reports[0]).toBeGreaterThanOrEqual(0);
  });

  it('a file handle is closed after an await using scope', async () => {
    using dir = tempDir();
    const file = join(dir.path, 'data.txt');
    writeFileSync(file, 'hello');
    let scoped: Awaited<ReturnType<typeof openFile>> | undefined;
    let text = '';
    {
      await using f = await openFile(file);
      scoped = f;
      text = await f.handle.readFile('utf8');
      expect(f.handle.fd).not.toBe(-1);
    }
    expect(text).toBe('hello');
    // A FileHandle reports fd -1 once closed: leaving the block is what closed it.
    expect(scoped?.handle.fd).toBe(-1);
  });
});
