import { inspect } from 'node:util';
import { check, code, heading, kv, note, runDemo, say } from '@lab/common';
import { by, Countdown, Duck, Money, Range, ValueMap } from './src/index.ts';

const usd = (amount: string) => Money.of(amount, 'USD');

await runDemo(
  'Dunder methods → JavaScript protocols',
  "Part 1, Q5 · Python's dunder methods, as JavaScript protocols",
  async () => {
    heading('Money is not a float');
    note(
      'The Python example stores 50.0 in a float. Floats cannot hold 0.10 exactly; integer cents in a bigint can.',
    );
    kv({
      '0.1 + 0.2 (number)': String(0.1 + 0.2),
      "usd('0.10').plus(usd('0.20'))": usd('0.10').plus(usd('0.20')).toString(),
      "usd('10.00').allocate([1, 1, 1])": usd('10.00').allocate([1, 1, 1]).map(String).join(' + '),
    });

    heading('__repr__ and __str__: util.inspect.custom and toString');
    note('console.log uses the inspect hook (for developers); template strings use toString (for people).');
    const price = usd('19.99');
    kv({ 'console.log / inspect': inspect(price), 'String(price)': String(price), '`${price}`': `${price}` });
    kv({
      'Object.prototype.toString': Object.prototype.toString.call(price),
      'JSON.stringify': JSON.stringify(price),
    });

    heading('No operator overloading: __eq__ and __lt__ become methods');
    note('=== is identity. `a < b` would compare whatever Symbol.toPrimitive returns, so Money refuses it.');
    const [five, alsoFive] = [usd('5.00'), usd('5.00')];
    check(five !== alsoFive, "usd('5.00') === usd('5.00') is false: two objects");
    check(five.equals(alsoFive), "usd('5.00').equals(usd('5.00')) is true: same value");
    try {
      const less = (usd('1.00') as unknown as number) < (usd('2.00') as unknown as number);
      say(`a < b gave ${less}`);
    } catch (error) {
      check(true, `a < b throws ${(error as Error).name}: ${(error as Error).message}`);
    }
    const sorted = [usd('10.00'), usd('-1.00'), usd('9.99')].toSorted((a, b) => a.compareTo(b));
    kv({ 'sorted with compareTo': sorted.map(String).join(', ') });
    kv({
      '[10, 9, 1].sort()': JSON.stringify([10, 9, 1].sort()),
      'with a comparator': JSON.stringify([10, 9, 1].sort(by((n) => n))),
    });

    heading('__hash__: Map keys compare by identity');
    const plain = new Map<Money, string>([
      [usd('9.99'), 'coffee'],
      [usd('9.99'), 'coffee again'],
    ]);
    const byValue = new ValueMap<Money, string>((m) => m.key())
      .set(usd('9.99'), 'coffee')
      .set(usd('9.99'), 'coffee again');
    kv({ 'Map size after two equal keys': plain.size, 'ValueMap size (keyed by money.key())': byValue.size });
    code(`money.key() → '${usd('9.99').key()}'`);

    heading('Container protocols: __iter__, __len__, __contains__, __getitem__, __aiter__');
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

    heading('Symbol.hasInstance: instanceof by shape (a run-time Protocol)');
    kv({
      '{ quack() {} } instanceof Duck': { quack() {} } instanceof Duck,
      '{ bark() {} } instanceof Duck': { bark() {} } instanceof Duck,
    });
  },
);
