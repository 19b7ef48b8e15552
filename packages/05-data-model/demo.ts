import { inspect } from 'node:util';
import { check, code, kv, runDemo, say } from '@lab/common';
import { by, Countdown, Duck, Money, Range, ValueMap } from './src/index.ts';

const usd = (amount: string) => Money.of(amount, 'USD');

function moneyIsNotAFloat(): void {
  kv({
    '0.1 + 0.2 (number)': String(0.1 + 0.2),
    "usd('0.10').plus(usd('0.20'))": usd('0.10').plus(usd('0.20')).toString(),
    "usd('10.00').allocate([1, 1, 1])": usd('10.00').allocate([1, 1, 1]).map(String).join(' + '),
  });
}

function reprAndStr(): void {
  const price = usd('19.99');
  kv({ 'console.log / inspect': inspect(price), 'String(price)': String(price), '`${price}`': `${price}` });
  kv({
    'Object.prototype.toString': Object.prototype.toString.call(price),
    'JSON.stringify': JSON.stringify(price),
  });
}

/** What `a < b` does with two Money values: the result, or the error Symbol.toPrimitive throws. */
function compareWithOperator(a: Money, b: Money): { threw: Error } | { result: boolean } {
  try {
    return { result: (a as unknown as number) < (b as unknown as number) };
  } catch (error) {
    return { threw: error as Error };
  }
}

function equalityAndOrdering(): void {
  const [five, alsoFive] = [usd('5.00'), usd('5.00')];
  check(five !== alsoFive, "usd('5.00') === usd('5.00') is false: two objects");
  check(five.equals(alsoFive), "usd('5.00').equals(usd('5.00')) is true: same value");
  const less = compareWithOperator(usd('1.00'), usd('2.00'));
  check(
    'threw' in less,
    'threw' in less
      ? `a < b throws ${less.threw.name}: ${less.threw.message}`
      : `a < b gave ${less.result} instead of throwing`,
  );
  const sorted = [usd('10.00'), usd('-1.00'), usd('9.99')].toSorted((a, b) => a.compareTo(b));
  kv({ 'sorted with compareTo': sorted.map(String).join(', ') });
  kv({
    '[10, 9, 1].sort()': JSON.stringify([10, 9, 1].sort()),
    'with a comparator': JSON.stringify([10, 9, 1].sort(by((n) => n))),
  });
}

function hashing(): void {
  const plain = new Map<Money, string>([
    [usd('9.99'), 'coffee'],
    [usd('9.99'), 'coffee again'],
  ]);
  const byValue = new ValueMap<Money, string>((m) => m.key())
    .set(usd('9.99'), 'coffee')
    .set(usd('9.99'), 'coffee again');
  kv({ 'Map size after two equal keys': plain.size, 'ValueMap size (keyed by money.key())': byValue.size });
  code(`money.key() → '${usd('9.99').key()}'`);
}

async function containers(): Promise<void> {
  const range = new Range(0, 10, 3);
  kv({
    '[...new Range(0, 10, 3)]': JSON.stringify([...range]),
    size: range.size,
    'has(6)': range.has(6),
    'at(-1)': range.at(-1),
  });
  const counted: number[] = [];
  for await (const n of new Countdown(3)) counted.push(n);
  kv({ 'for await (… of new Countdown(3))': counted.join(', ') });
}

function hasInstance(): void {
  kv({
    '{ quack() {} } instanceof Duck': { quack() {} } instanceof Duck,
    '{ bark() {} } instanceof Duck': { bark() {} } instanceof Duck,
  });
  say('Like a runtime_checkable Protocol, it checks only that the method exists, not what it does.');
}

await runDemo({
  title: 'Dunder methods → JavaScript protocols',
  subtitle: "Part 1, Q5 · Python's dunder methods, as JavaScript protocols",
  sections: [
    {
      id: 'money',
      title: 'Money is not a float',
      why: 'The Python example stores 50.0 in a float. Floats cannot hold 0.10 exactly; integer cents in a bigint can.',
      run: moneyIsNotAFloat,
    },
    {
      id: 'repr',
      title: '__repr__ and __str__: util.inspect.custom and toString',
      why: 'console.log uses the inspect hook (for developers); template strings use toString (for people).',
      run: reprAndStr,
    },
    {
      id: 'compare',
      title: 'No operator overloading: __eq__ and __lt__ become methods',
      why: '=== is identity. `a < b` would compare whatever Symbol.toPrimitive returns, so Money refuses it.',
      run: equalityAndOrdering,
    },
    {
      id: 'hash',
      title: '__hash__: Map keys compare by identity',
      why: 'There is no __hash__ to define: a Map keys objects by identity, so key by a primitive made from the value.',
      run: hashing,
    },
    {
      id: 'containers',
      title: 'Container protocols: __iter__, __len__, __contains__, __getitem__, __aiter__',
      why: 'Only Symbol.iterator and Symbol.asyncIterator are understood by the language; size, has() and at() are conventions.',
      run: containers,
    },
    {
      id: 'has-instance',
      title: 'Symbol.hasInstance: instanceof by shape (a run-time Protocol)',
      why: 'A static [Symbol.hasInstance] changes what instanceof means for that class.',
      run: hasInstance,
    },
  ],
});
