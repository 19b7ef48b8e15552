import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'esm-promise-before-tick',
      prompt: 'This file is an ES module (the repo is ESM). In what order do the lines print?',
      code: `process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
console.log('sync');`,
      output: 'sync\npromise\nnextTick',
      explain:
        'Usually nextTick callbacks run before promise callbacks. But an ES module’s top-level code itself runs as a promise job, so the microtask queue is drained before Node gets to the nextTick queue. In a CommonJS file (or inside any callback) nextTick comes first.',
      see: { section: 'order', file: 'src/loop-order.ts' },
    },
    {
      id: 'immediate-wins-in-io-callback',
      prompt: 'Both are scheduled from inside an fs.readFile callback. Which prints first?',
      code: `import { readFile } from 'node:fs';

readFile(new URL(import.meta.url), () => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});`,
      output: 'immediate\ntimeout',
      explain:
        'An I/O callback runs in the poll phase; the check phase (setImmediate) comes right after it, while timers wait for the next turn of the loop. From the main module the same two lines race.',
      see: { section: 'order', file: 'src/loop-order.ts' },
    },
    {
      id: 'async-body-runs-at-call',
      prompt: 'Nothing awaits the call at first. What prints, in order?',
      code: `async function load() {
  console.log('load starts');
  await null;
  console.log('load resumes');
}
const pending = load();
console.log('after the call');
await pending;
console.log('done');`,
      output: 'load starts\nafter the call\nload resumes\ndone',
      explain:
        'Calling an async function runs its body at once, up to the first await; the rest is a microtask. A Python coroutine would print nothing until awaited.',
      see: { section: 'eager', file: 'src/eager.ts' },
    },
    {
      id: 'forgotten-await-in-try',
      prompt: 'The save fails. Does the catch block see it?',
      code: `async function save() {
  await null;
  throw new Error('disk full');
}
process.on('unhandledRejection', (e) => console.log('unhandled:', (e as Error).message));
try {
  save();
  console.log('saved?');
} catch {
  console.log('caught');
}`,
      output: 'saved?\nunhandled: disk full',
      explain:
        'Without await, save() returns a pending promise and the try block ends; the rejection comes later, where no catch is waiting. Without the listener, Node 15+ would end the process with exit code 1.',
      see: { section: 'pitfalls', file: 'src/pitfalls.ts' },
    },
    {
      id: 'race-does-not-cancel',
      prompt: 'A race between a slow and a fast task. What prints?',
      code: `const task = (name: string, ms: number) =>
  new Promise<string>((resolve) =>
    setTimeout(() => {
      console.log(name, 'finished');
      resolve(name);
    }, ms),
  );
const winner = await Promise.race([task('slow', 50), task('fast', 10)]);
console.log('winner', winner);`,
      output: 'fast finished\nwinner fast\nslow finished',
      explain:
        'Promise.race settles with the first, but cannot stop the other: the slow task still runs to the end (and keeps the process alive until then). Real cancellation needs an AbortSignal the work listens to.',
      see: { section: 'combinators', file: 'src/combinators.ts' },
    },
  ],
});
