import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Lines of a stream, one at a time: memory stays at about one chunk (64 KiB) plus the lines in flight,
 * whatever the file size. `finally` closes readline and destroys the stream, so a consumer that breaks out
 * early releases the file descriptor and stops the reads.
 */
export async function* readLines(input: Readable): AsyncGenerator<string, void, undefined> {
  // crlfDelay: Infinity treats \r\n as one line break even when \r and \n arrive in different chunks.
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of reader) yield line;
  } finally {
    reader.close();
    input.destroy();
  }
}

/** `readLines` over a file. */
export function linesOfFile(path: string): AsyncGenerator<string, void, undefined> {
  return readLines(createReadStream(path, { encoding: 'utf8' }));
}

/**
 * The whole file as one string, then split: simple, and fine for small files, but it holds the text and
 * every line at once, so memory grows with the file.
 */
export async function readAllLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start an empty one (readline agrees). The same pop
  // turns an empty file's [''] into no lines at all.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line `i` of the sample files the demo, tests and benches write. */
export const sampleLine = (i: number): string =>
  `${String(i).padStart(8, '0')} event=${['click', 'view', 'buy'][i % 3]} amount=${(i * 37) % 1000}`;

/**
 * Writes `count` sample lines to `path`. A generator feeds the write stream through `Readable.from`, in
 * batches of lines so each write is a sizeable chunk, and `pipeline` waits for the stream (back-pressure
 * included) without the file ever being built in memory.
 */
export async function writeSampleFile(path: string, count: number): Promise<void> {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`writeSampleFile: count must be a non-negative integer, got ${String(count)}`);
  }
  function* chunks(): Generator<string, void, undefined> {
    const batch = 1000;
    for (let start = 0; start < count; start += batch) {
      let chunk = '';
      for (let i = start; i < Math.min(count, start + batch); i++) chunk += `${sampleLine(i)}\n`;
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
}
