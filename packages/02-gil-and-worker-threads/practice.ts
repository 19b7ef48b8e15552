import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'cpu-blocks-timer',
      prompt:
        'A 0 ms timer is set, then the thread does a long synchronous loop. What prints, in what order?',
      code: `import { cpuHeavy } from './src/cpu-job.ts';

setTimeout(() => console.log('timer'), 0);
console.log('loop starts');
const checksum = cpuHeavy(20_000_000);
console.log('loop done', checksum > 0);`,
      output: 'loop starts\nloop done true\ntimer',
      explain:
        'JavaScript runs each piece of work to completion on one thread: the timer is due after 0 ms, but its callback can only run once the loop returns and the event loop gets control back. No GIL to release, and nothing to preempt.',
      see: { section: 'one-thread', file: 'src/cpu-job.ts' },
    },
    {
      id: 'promise-all-is-sequential',
      prompt:
        'Two async jobs that never await are started with Promise.all. In what order do the lines print?',
      code: `async function job(name: string) {
  console.log('start', name);
  let h = 0;
  for (let i = 0; i < 1_000_000; i++) h = (h + i) | 0;
  console.log('end', name);
  return h;
}
console.log('before');
await Promise.all([job('a'), job('b')]);
console.log('after');`,
      output: 'before\nstart a\nend a\nstart b\nend b\nafter',
      explain:
        "An async function runs synchronously until its first await; these have none, so job('a') runs to the end before job('b') is even called. Promise.all only waits for answers — it never makes CPU work run in parallel (asyncio.gather over coroutines that never await).",
      see: { section: 'speed-up', file: 'src/strategies.ts' },
    },
    {
      id: 'nexttick-starves-immediate',
      prompt: 'Why does partition.ts yield with setImmediate and not process.nextTick? What does this print?',
      code: `setImmediate(() => console.log('immediate'));

let slices = 0;
function nextSlice() {
  slices++;
  console.log('slice', slices);
  if (slices < 3) process.nextTick(nextSlice);
}
process.nextTick(nextSlice);`,
      output: 'slice 1\nslice 2\nslice 3\nimmediate',
      explain:
        'Node drains the whole nextTick queue (and the promise microtasks) before the event loop moves on, and a tick scheduled from a tick joins the same queue. Work chunked with nextTick therefore starves timers and I/O exactly like one long loop; setImmediate puts each slice behind them.',
      see: { section: 'partition', file: 'src/partition.ts' },
    },
    {
      id: 'clone-drops-prototype',
      prompt:
        'postMessage to a worker uses the structured clone algorithm, the same one as structuredClone(). What prints?',
      code: `class Money {
  constructor(readonly cents: number) {}
}
const copy = structuredClone(new Money(100));
console.log(copy instanceof Money, copy.cents);
console.log(structuredClone(new Map([['a', 1]])).get('a'));
try {
  structuredClone({ onDone: () => 1 });
} catch (error) {
  console.log((error as Error).name);
}`,
      output: 'false 100\n1\nDataCloneError',
      explain:
        'A clone keeps own data but not the class: the copy is a plain object with a cents field, so methods and instanceof are gone. Map, Set, Date and Error survive; a function cannot be cloned at all and is refused in the sender with DataCloneError.',
      see: { section: 'clone', file: 'src/structured-clone.ts' },
    },
  ],
});
