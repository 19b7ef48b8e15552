import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'default-sort-is-text',
      prompt: 'Numbers are sorted without a comparator, then with one. What prints?',
      code: `const amounts = [10, 9, 1, 100];
console.log(JSON.stringify(amounts.toSorted()));
console.log(JSON.stringify(amounts.toSorted((a, b) => a - b)));`,
      output: '[1,10,100,9]\n[1,9,10,100]',
      explain:
        'Without a comparator, sort converts every element to a string and compares UTF-16 code units, so "100" sorts before "9". JavaScript has no __lt__ to fall back on: pass a comparator (or compareTo) whenever the elements are not strings.',
      see: { section: 'compare', file: 'src/ordering.ts' },
    },
    {
      id: 'toprimitive-hints',
      prompt: 'Symbol.toPrimitive receives a hint. Which hint does each expression pass, and what prints?',
      code: `const temperature = {
  [Symbol.toPrimitive](hint: string) {
    console.log('hint', hint);
    return hint === 'number' ? 21 : '21°C';
  },
};
console.log(\`\${temperature}\`);
console.log(+temperature);
console.log(temperature + '!');`,
      output: 'hint string\n21°C\nhint number\n21\nhint default\n21°C!',
      explain:
        'A template literal asks for a string, unary + for a number, and binary + asks for "default" because it cannot know yet whether it will add or concatenate. That is why `total + price` is not a string conversion, and why Money throws on the default hint.',
      see: { section: 'compare', file: 'src/money.ts' },
    },
    {
      id: 'money-repr-str-json',
      prompt: 'Money defines inspect.custom, toString, toJSON and Symbol.toPrimitive. What prints?',
      code: `import { Money } from './src/money.ts';

const price = Money.of('19.99', 'USD');
console.log(price);
console.log(\`\${price}\`);
console.log(JSON.stringify({ price }));
try {
  console.log('total: ' + price);
} catch (error) {
  console.log((error as Error).name);
}`,
      output:
        'Money.of(\'19.99\', \'USD\')\n19.99 USD\n{"price":{"amount":"19.99","currency":"USD"}}\nTypeError',
      explain:
        "console.log calls the util.inspect.custom hook (__repr__), a template literal uses the 'string' hint (__str__), JSON.stringify calls toJSON. String concatenation passes the 'default' hint, which Money refuses with a TypeError so a price can never be silently added to text or numbers.",
      see: { section: 'repr', file: 'src/money.ts' },
    },
    {
      id: 'equal-values-distinct-keys',
      prompt: 'Two Money values with the same amount and currency. What prints?',
      code: `import { Money } from './src/money.ts';

const a = Money.of('5.00', 'USD');
const b = Money.of('5.00', 'USD');
console.log(a === b, a.equals(b));
console.log(new Set([a, b]).size, new Set([a.key(), b.key()]).size);
console.log([a].includes(b), [a].some((m) => m.equals(b)));`,
      output: 'false true\n2 1\nfalse true',
      explain:
        '=== compares objects by identity, and so do Set, Map and includes() (SameValueZero): there is no __eq__ or __hash__ they would call. Compare with an equals() method, and key collections by a primitive built from the value.',
      see: { section: 'hash', file: 'src/value-map.ts' },
    },
    {
      id: 'iterable-vs-iterator',
      prompt: 'A Range (an iterable) and one iterator taken from it are each spread twice. What prints?',
      code: `import { Range } from './src/protocols.ts';

const range = new Range(0, 6, 2);
console.log([...range].join(','), [...range].join(','));

// An iterable that hands out the same iterator every time, as an iterator does when spread.
const iterator = range[Symbol.iterator]();
const oneWalk = { [Symbol.iterator]: () => iterator };
console.log([...oneWalk].join(','), [...oneWalk].length);`,
      output: '0,2,4 0,2,4\n0,2,4 0',
      explain:
        'Each spread of the Range calls its [Symbol.iterator] method, which starts a fresh generator: an iterable can be walked many times (like a Python list, whose __iter__ returns a new iterator). An iterator is the walk itself: once spent, it stays empty.',
      see: { section: 'containers', file: 'src/protocols.ts' },
    },
  ],
});
