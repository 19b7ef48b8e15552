import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'default-map-read-creates',
      prompt: 'A DefaultMap is only read from, never written to. How big is it afterwards?',
      code: `import { DefaultMap } from './src/default-map.ts';

const groups = new DefaultMap<string, string[]>(() => []);
if (groups.get('a').length === 0) console.log('empty');
console.log(groups.size, groups.has('b'));
groups.peek('c');
console.log(groups.size);`,
      output: 'empty\n1 false\n1',
      explain:
        'get() on a missing key stores the factory value first, exactly like d[k] on a defaultdict, so a mere check grows the map. has() and peek() (Python’s d.get(k)) read without creating.',
      see: { section: 'default-map', file: 'src/default-map.ts' },
    },
    {
      id: 'map-set-keeps-position',
      prompt: 'An LRU on a Map depends on key order. What order do the keys come out in?',
      code: `const m = new Map([['a', 1], ['b', 2], ['c', 3]]);
m.set('a', 10);
console.log([...m.keys()].join(','));
m.delete('b');
m.set('b', 20);
console.log([...m.keys()].join(','));`,
      output: 'a,b,c\na,c,b',
      explain:
        'Updating an existing key keeps its original position; only a new insertion goes to the end. So "move to end" (OrderedDict.move_to_end) is delete followed by set.',
      see: { section: 'lru', file: 'src/lru-cache.ts' },
    },
    {
      id: 'object-counter-inherited-keys',
      prompt: 'Words are counted in a plain object literal. What are the two counts?',
      code: `const counts: Record<string, number> = {};
for (const w of ['toString', 'a', 'a']) counts[w] = (counts[w] ?? 0) + 1;
console.log(counts.a, typeof counts.toString);`,
      output: '2 string',
      explain:
        "{} inherits from Object.prototype, so counts['toString'] starts as a function, not undefined; function + 1 concatenates into a string. Count in a Map, a Counter or Object.create(null).",
      see: { section: 'counter', file: 'src/counter.ts' },
    },
    {
      id: 'maxlength-evicts-from-the-other-end',
      prompt: 'A deque with a max length of 3 is full. Which item does each call drop?',
      code: `import { Deque } from './src/deque.ts';

const d = new Deque([1, 2, 3], { maxLength: 3 });
d.push(4);
console.log(d.toArray().join(','));
d.unshift(0);
console.log(d.toArray().join(','));`,
      output: '2,3,4\n0,2,3',
      explain:
        'A full bounded deque drops from the end opposite the one you add to: push evicts the front (the oldest), unshift evicts the back. Python’s deque(maxlen=3) does the same with append and appendleft.',
      see: { section: 'deque', file: 'src/deque.ts' },
    },
    {
      id: 'tuple-as-set-member',
      prompt: 'A BFS marks grid cells as visited. Does the check find the cell?',
      code: `const visited = new Set<readonly [number, number]>();
visited.add([0, 0]);
console.log(visited.has([0, 0]));

const seen = new Set<string>();
seen.add(JSON.stringify([0, 0]));
console.log(seen.has(JSON.stringify([0, 0])));`,
      output: 'false\ntrue',
      explain:
        'A Python tuple hashes by value; a JS array is an object, compared by identity, so a new [0, 0] is a different member. Turn the tuple into a string (tupleKey) or a number to use it as a key.',
      see: { section: 'named-tuple', file: 'src/named-tuple.ts' },
    },
  ],
});
