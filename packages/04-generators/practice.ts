import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'lazy-order',
      prompt: 'Both helpers are generators. In what order do the lines print?',
      code: `import { map, take, naturals } from './src/lazy.ts';

const squares = map(naturals(1), (n) => {
  console.log('square', n);
  return n * n;
});
console.log('built');
for (const s of take(squares, 2)) console.log('got', s);`,
      output: 'built\nsquare 1\ngot 1\nsquare 2\ngot 4',
      explain:
        'Nothing runs when a generator chain is built; each value is computed when the for…of pulls it, and take(…, 2) stops before pulling a third.',
      see: { section: 'lazy', file: 'src/lazy.ts' },
    },
    {
      id: 'break-runs-finally',
      prompt: 'The loop leaves early. Does the generator’s finally run, and when?',
      code: `function* numbers() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log('cleanup');
  }
}
for (const n of numbers()) {
  console.log(n);
  break;
}
console.log('after loop');`,
      output: '1\ncleanup\nafter loop',
      explain:
        'break makes for…of call return() on the generator, which resumes it at the yield as if it returned there: its finally runs before the loop statement ends.',
      see: { section: 'finally', file: 'src/cleanup.ts' },
    },
    {
      id: 'exhausted-once',
      prompt: 'A generator object is iterated twice. What prints?',
      code: `function* twoLetters() {
  yield 'a';
  yield 'b';
}
const letters = twoLetters();
console.log([...letters].join(','));
console.log([...letters].length);`,
      output: 'a,b\n0',
      explain:
        'A generator object is a one-shot iterator, like a Python generator: the second spread finds it exhausted. An array, or calling twoLetters() again, gives a fresh pass.',
      see: { section: 'lazy', file: 'src/lazy.ts' },
    },
    {
      id: 'return-value-skipped',
      prompt: 'A generator both yields and returns a value. What do spread, yield* and next() see?',
      code: `function* inner() {
  yield 'a';
  return 'done';
}
function* outer() {
  const result = yield* inner();
  yield result;
}
console.log([...inner()].join(','));
console.log([...outer()].join(','));
const it = inner();
console.log(JSON.stringify([it.next(), it.next(), it.next()]));`,
      output: 'a\na,done\n[{"value":"a","done":false},{"value":"done","done":true},{"done":true}]',
      explain:
        "The return value rides on the { done: true } result, which for…of and spread throw away; only yield* hands it over, as the value of the yield* expression (Python's yield from does the same). After that the generator is finished: next() gives { value: undefined, done: true }, and JSON drops the undefined.",
      see: { section: 'yield-star', file: 'src/flatten.ts' },
    },
  ],
});
