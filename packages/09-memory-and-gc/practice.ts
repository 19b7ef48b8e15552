import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'cycle-collected',
      prompt:
        '`makeCycle()` returns `a` where `a.other = b` and `b.other = a`. `isCollected` forces full GCs and watches a FinalizationRegistry. What prints?',
      code: `import { isCollected, makeCycle } from './src/reachability.ts';

const kept = makeCycle();
console.log(await isCollected(makeCycle));
console.log(await isCollected(() => kept, 3));`,
      output: 'true\nfalse',
      explain:
        'V8 does not count references; it traces from the roots. A cycle nobody reaches is garbage like anything else, while the same shape held by a live variable survives any number of collections. CPython needs its separate cycle collector for the first case.',
      see: { section: 'cycles', file: 'src/reachability.ts' },
    },
    {
      id: 'weakref-same-job',
      prompt:
        'The only strong reference is dropped and a full GC is forced — twice. What does `deref()` give each time?',
      code: `import { forceGc } from '@lab/common';

let report: { rows: number[] } | null = { rows: [1, 2, 3] };
const ref = new WeakRef(report);
report = null;
forceGc();
console.log(ref.deref() === undefined);
await new Promise((resolve) => setImmediate(resolve));
forceGc();
console.log(ref.deref() === undefined);`,
      output: 'false\ntrue',
      explain:
        'Creating (or dereferencing) a WeakRef keeps its target alive until the current job ends, so code that checks deref() twice in a row never sees the object vanish in between. Only after yielding to the event loop can a GC clear it.',
      see: { section: 'weak-cache', file: 'src/reachability.ts' },
    },
    {
      id: 'off-needs-same-function',
      prompt: 'Each request adds a listener and then tries to remove it. How many listeners are left?',
      code: `import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
for (let request = 0; request < 3; request++) {
  const rows = new Array(10_000).fill(request);
  bus.on('shutdown', () => rows.length);
  bus.off('shutdown', () => rows.length);
}
console.log(bus.listenerCount('shutdown'));`,
      output: '3',
      explain:
        'off() removes the function it is given, compared by identity; a second arrow with the same text is a different function, so nothing is removed. Every listener keeps its request’s rows reachable from a long-lived emitter: a leak. Keep the function in a variable and pass that same one to off().',
      see: { section: 'leaks', file: 'src/leaks.ts' },
    },
    {
      id: 'weakmap-not-enumerable',
      prompt: 'A WeakMap holds one entry. What can you learn about its contents?',
      code: `const cache = new WeakMap<object, string>();
const user = { id: 1 };
cache.set(user, 'profile');
console.log(cache.has(user), Reflect.get(cache, 'size'));
console.log(typeof Reflect.get(cache, 'keys'));
try {
  // @ts-expect-error: the types already refuse a string key
  cache.set('user-1', 'profile');
} catch (error) {
  console.log((error as Error).name);
}`,
      output: 'true undefined\nundefined\nTypeError',
      explain:
        'A WeakMap has no size, no keys() and no iteration: whether an entry still exists depends on when the collector runs, so the language hides it. Keys must be objects (or non-registered symbols); a string key throws, because a string is never collected.',
      see: { section: 'weak-cache', file: 'src/reachability.ts' },
    },
  ],
});
