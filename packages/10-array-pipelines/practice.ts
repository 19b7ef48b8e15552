import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'eager-chain-order',
      prompt: 'Both steps log what they do. In what order do the lines print?',
      code: `const result = [1, 2, 3]
  .filter((x) => {
    console.log('filter', x);
    return x !== 2;
  })
  .map((x) => {
    console.log('map', x);
    return x * 10;
  });
console.log(result.join(','));`,
      output: 'filter 1\nfilter 2\nfilter 3\nmap 1\nmap 3\n10,30',
      explain:
        'Array methods are eager: filter runs over the whole array and builds a new one before map starts, so every filter line comes first. A generator pipeline (or Node 22’s iterator helpers) would interleave them, one element at a time, like a Python generator expression.',
      see: { section: 'counterparts', file: 'src/comprehensions.ts' },
    },
    {
      id: 'foreach-async-returns-early',
      prompt:
        '`processWithForEach` calls `items.forEach(async (item) => { await worker(item); })`. What prints?',
      code: `import { processWithForEach } from './src/async-foreach.ts';

const ioTurn = () => new Promise((resolve) => setImmediate(resolve));
const saved: string[] = [];
await processWithForEach(['a', 'b', 'c'], async (item) => {
  await ioTurn(); // stands in for a database write
  saved.push(item);
});
console.log('returned, saved:', saved.length);
await ioTurn();
console.log('later, saved:', saved.join(','));`,
      output: 'returned, saved: 0\nlater, saved: a,b,c',
      explain:
        'forEach ignores what its callback returns, so the three promises are dropped and the function returns as soon as each callback reaches its first await — even though the caller awaited it. The work finishes later, unobserved. Use for…of with await (in order) or await Promise.all(items.map(worker)) (concurrently).',
      see: { section: 'foreach', file: 'src/async-foreach.ts' },
    },
    {
      id: 'sparse-array-map',
      prompt: 'Two ways to build [0, 1, 2]. What does each give?',
      code: `const viaMap = new Array(3).map((_, i) => i);
const viaFrom = Array.from({ length: 3 }, (_, i) => i);
console.log(viaMap.length, JSON.stringify(viaMap));
console.log(JSON.stringify(viaFrom));`,
      output: '3 [null,null,null]\n[0,1,2]',
      explain:
        'new Array(3) has length 3 but no elements — three holes — and map skips holes, so the result is three holes too (JSON writes them as null). Array.from visits every index of the array-like, so the callback runs three times. range(3) in Python has no such trap.',
      see: { section: 'counterparts', file: 'src/squares.ts' },
    },
    {
      id: 'sort-default-and-in-place',
      prompt: 'Scores are sorted for a leaderboard. What prints?',
      code: `const scores = [10, 9, 100, 1];
const sorted = scores.sort();
console.log(sorted.join(','));
console.log(sorted === scores);
console.log(scores.toSorted((a, b) => a - b).join(','));`,
      output: '1,10,100,9\ntrue\n1,9,10,100',
      explain:
        'Without a comparator, sort compares elements as strings, so "100" comes before "9". It also sorts in place and returns the same array: the original order is gone. Python’s sorted() neither stringifies nor mutates; the closest is toSorted((a, b) => a - b).',
      see: { section: 'counterparts', file: 'src/comprehensions.ts' },
    },
  ],
});
