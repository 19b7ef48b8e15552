import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureHeapAsync } from '@lab/common';
import { measureBench, timeBench } from '@lab/common/bench';
import { linesOfFile, readAllLines, writeSampleFile } from '../src/lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'lab-generators-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function streamed(path: string, sample: () => void = () => {}): Promise<number> {
  let chars = 0;
  let lines = 0;
  for await (const line of linesOfFile(path)) {
    chars += line.length;
    if (++lines % 4096 === 0) sample();
  }
  return chars;
}

async function whole(path: string, sample: () => void = () => {}): Promise<number> {
  const lines = await readAllLines(path);
  sample();
  let chars = 0;
  for (const line of lines) chars += line.length;
  return chars;
}

const small = join(dir, 'small.log');

export default [
  measureBench({
    title: 'Peak heap reading a 1M-line (~30 MiB) log file (smoke: 100k lines)',
    baseline: 'readFile + split (whole file)',
    unit: 'bytes',
    better: 'lower',
    measure: async ({ smoke }) => {
      const path = join(dir, 'big.log');
      await writeSampleFile(path, smoke ? 100_000 : 1_000_000);
      const rounds = smoke ? 1 : 3;
      const out = {
        'readFile + split (whole file)': [] as number[],
        'readline (line by line)': [] as number[],
      };
      for (let r = 0; r < rounds; r++) {
        out['readFile + split (whole file)'].push((await measureHeapAsync((s) => whole(path, s))).peakBytes);
        out['readline (line by line)'].push((await measureHeapAsync((s) => streamed(path, s))).peakBytes);
      }
      rmSync(path);
      return out;
    },
    claims: [
      {
        says: 'Reading a 30 MiB file line by line peaks at under a quarter of the heap of reading it whole',
        subject: 'readline (line by line)',
        below: 0.25,
        seed: 'The series lists "reading large files line by line" as a generator use case; it gives no figure',
      },
    ],
  }),
  timeBench({
    title: 'Time to read a 200k-line (~6 MiB) log file',
    baseline: 'readFile + split (whole file)',
    setup: () => writeSampleFile(small, 200_000),
    tasks: {
      'readFile + split (whole file)': () => whole(small),
      'readline (line by line)': () => streamed(small),
    },
    minSamples: 10,
    claims: [
      {
        says: 'Line by line is not free: it takes longer than reading the whole file at once',
        subject: 'readline (line by line)',
        above: 1.2,
      },
    ],
  }),
];
