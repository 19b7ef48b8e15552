import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOfFile, readAllLines, readLines, sampleLine, writeSampleFile } from '../src/lines.ts';
import { collect } from './_collect.ts';

const LINES = 200_000; // about 7 MiB: many 64 KiB chunks
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-generators-lines-'));
  file = join(dir, 'events.log');
  await writeSampleFile(file, LINES);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading a file line by line vs whole', () => {
  it('both see the same lines, in order', async () => {
    const streamed = await collect(linesOfFile(file));
    const whole = await readAllLines(file);
    expect(streamed).toHaveLength(LINES);
    expect(streamed).toEqual(whole);
    expect(streamed[12_345]).toBe(sampleLine(12_345));
  });

  it('breaking early stops the reads and destroys the stream', async () => {
    const { size } = await stat(file);
    const stream = createReadStream(file, { encoding: 'utf8' });
    let seen = 0;
    for await (const _ of readLines(stream)) {
      if (++seen === 10) break;
    }
    expect(stream.destroyed).toBe(true);
    expect(stream.bytesRead).toBeGreaterThan(0);
    expect(stream.bytesRead).toBeLessThan(size / 4);
  });

  it('agree on CRLF, a missing final newline and an empty file', async () => {
    const crlf = join(dir, 'crlf.txt');
    await writeFile(crlf, 'a\r\nb\r\n\r\nc');
    expect(await collect(linesOfFile(crlf))).toEqual(['a', 'b', '', 'c']);
    expect(await readAllLines(crlf)).toEqual(['a', 'b', '', 'c']);
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    expect(await collect(linesOfFile(empty))).toEqual([]);
    expect(await readAllLines(empty)).toEqual([]);
    const newlineOnly = join(dir, 'newline.txt');
    await writeFile(newlineOnly, '\n');
    expect(await collect(linesOfFile(newlineOnly))).toEqual(['']);
    expect(await readAllLines(newlineOnly)).toEqual(['']);
  });

  it('agree on a UTF-8 character split between two 64 KiB reads: it comes out whole', async () => {
    const wide = join(dir, 'wide.txt');
    const long = `a${'é'.repeat(40_000)}`; // 'é' is 2 bytes: byte 65 536 falls inside one
    await writeFile(wide, `${long}\nz\n`);
    expect(await collect(linesOfFile(wide))).toEqual([long, 'z']);
    expect(await readAllLines(wide)).toEqual([long, 'z']);
  });

  it('a missing file fails with ENOENT either way', async () => {
    const missing = join(dir, 'missing.txt');
    await expect(collect(linesOfFile(missing))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readAllLines(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
