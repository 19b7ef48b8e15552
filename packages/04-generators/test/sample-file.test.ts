import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLine, writeSampleFile } from '../src/lines.ts';

// Kept apart from lines.test.ts, whose setup writes its big file with writeSampleFile: here a broken
// writer fails a test that names it.
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-generators-sample-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the sample file', () => {
  it('holds one line per event: zero-padded index, kind cycling click/view/buy, amount (i·37) mod 1000', async () => {
    const three = join(dir, 'three.log');
    await writeSampleFile(three, 3);
    expect(await readFile(three, 'utf8')).toBe(
      '00000000 event=click amount=0\n00000001 event=view amount=37\n00000002 event=buy amount=74\n',
    );
    expect(sampleLine(28)).toBe('00000028 event=view amount=36');
  });

  it('of zero lines is an empty file', async () => {
    const none = join(dir, 'none.log');
    await writeSampleFile(none, 0);
    expect(await readFile(none, 'utf8')).toBe('');
  });

  it.each([-1, 2.5, Number.NaN])('refuses count %s before creating the file', async (count) => {
    const bad = join(dir, `bad-${String(count)}.log`);
    await expect(writeSampleFile(bad, count)).rejects.toThrow(
      new RangeError(`writeSampleFile: count must be a non-negative integer, got ${String(count)}`),
    );
    await expect(stat(bad)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
