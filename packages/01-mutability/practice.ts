import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'freeze-is-shallow',
      prompt: 'The config is frozen, and this file is an ES module (strict mode). What prints?',
      code: `const config = Object.freeze({ name: 'api', db: { host: 'localhost' } });

config.db.host = 'evil.example';
console.log(config.db.host);

try {
  (config as { name: string }).name = 'other';
} catch (error) {
  console.log((error as Error).constructor.name);
}
console.log(config.name);`,
      output: 'evil.example\nTypeError\napi',
      explain:
        'Object.freeze locks only the object it is given: config.db is a separate, unfrozen object, so its write succeeds. The top-level write throws a TypeError because modules run in strict mode (a sloppy script would drop it silently).',
      see: { section: 'freeze', file: 'src/freeze.ts' },
    },
    {
      id: 'fill-shares-one-row',
      prompt: 'A 3×2 grid built with fill(). One cell is set. What prints?',
      code: `const grid: number[][] = new Array(3).fill([0, 0]);
grid[0]![1] = 5;
console.log(JSON.stringify(grid));
console.log(grid[0] === grid[2]);`,
      output: '[[0,5],[0,5],[0,5]]\ntrue',
      explain:
        "fill() evaluates its argument once and stores that one array in every slot — the twin of Python's [[0] * 2] * 3. Build rows with Array.from({ length: 3 }, () => [0, 0]) to get one array per row.",
      see: { section: 'sharing', file: 'src/sharing.ts' },
    },
    {
      id: 'pass-by-sharing',
      prompt: 'The function mutates its parameter, then rebinds it. What does the caller see?',
      code: `function update(tags: string[]) {
  tags.push('b');
  tags = ['x'];
  tags.push('y');
}
const mine = ['a'];
update(mine);
console.log(mine.join(','));`,
      output: 'a,b',
      explain:
        "The callee receives a copy of the reference: push goes through it to the caller's array, but `tags = ['x']` only moves the callee's own name. Nothing in JavaScript can rebind the caller's variable.",
      see: { section: 'sharing', file: 'src/sharing.ts' },
    },
    {
      id: 'shared-default-object',
      prompt:
        'Default parameters are evaluated per call in JavaScript. Yet one of these leaks between calls. What prints?',
      code: `import { appendItem, tagRequestShared } from './src/defaults.ts';

console.log(appendItem(1).length, appendItem(2).length);

const first = tagRequestShared('req-1');
tagRequestShared('req-2');
console.log(first['x-request-id']);`,
      output: '1 1\nreq-2',
      explain:
        "appendItem's `= []` builds a new array on every call, so Python's mutable-default bug does not happen. tagRequestShared's default is a reference to one module-level object: every call mutates it, so the first result is overwritten by the second.",
      see: { section: 'defaults', file: 'src/defaults.ts' },
    },
    {
      id: 'map-key-identity',
      prompt: 'An array is used as a Map key. What prints?',
      code: `const seats = new Map<[string, number], string>();
seats.set(['A', 1], 'Ada');
console.log(seats.get(['A', 1]));

const key: [string, number] = ['B', 2];
seats.set(key, 'Bob');
console.log(seats.get(key), seats.size);`,
      output: 'undefined\nBob 2',
      explain:
        'Map compares object keys by identity (SameValueZero), not by contents: a second, equal-looking array literal is a different key. Key by a primitive (a canonical string) or keep the one key object.',
      see: { section: 'keys', file: 'src/value-keys.ts' },
    },
  ],
});
