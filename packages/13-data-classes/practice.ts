import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'set-compares-identity',
      prompt: 'Two equal Points go into a Set and an array. What prints?',
      code: `import { Point } from './src/point.ts';

const a = new Point(1, 2);
const b = new Point(1, 2);
console.log(a.equals(b), a === b);
console.log(new Set([a, b]).size);
console.log([a].includes(b), new Set([a.key, b.key]).size);`,
      output: 'true false\n2\nfalse 1',
      explain:
        'JavaScript has no __eq__/__hash__ hooks: ===, Set, Map and includes() compare objects by identity, so equal values are two entries. A primitive key (here a JSON string of the fields) is what makes equal points collide.',
      see: { section: 'equality', file: 'src/point.ts' },
    },
    {
      id: 'freeze-is-shallow',
      prompt: 'An order is frozen, then two writes are tried (ES modules run in strict mode). What prints?',
      code: `const order = Object.freeze({ id: 7, lines: [{ sku: 'a', qty: 1 }] });
try {
  (order as { id: number }).id = 8;
} catch (error) {
  console.log((error as Error).name);
}
order.lines[0]!.qty = 99;
order.lines.push({ sku: 'b', qty: 1 });
console.log(order.id, order.lines.length, order.lines[0]!.qty);`,
      output: 'TypeError\n7 2 99',
      explain:
        'Object.freeze stops writes to the object’s own properties (a TypeError in strict code) but not to the objects they point to: the lines array and its items stay mutable. Freeze every level (deepFreeze) or keep nested data immutable by convention.',
      see: { section: 'frozen', file: 'src/immutability.ts' },
    },
    {
      id: 'readonly-is-erased',
      prompt: 'A field is declared readonly but the class does not freeze. What prints?',
      code: `class Money {
  constructor(readonly cents: number) {}
}
const price = new Money(500);
(price as { cents: number }).cents = 1;
console.log(price.cents, Object.isFrozen(price));`,
      output: '1 false',
      explain:
        'readonly is checked by the compiler and then erased; a cast (or plain JavaScript, or JSON-merging code) writes straight through. Only Object.freeze makes the run time refuse the write.',
      see: { section: 'frozen', file: 'src/point.ts' },
    },
    {
      id: 'hoisted-default-shared',
      prompt:
        'Two classes give tags a default: a field initialiser, and a constructor default hoisted into a constant. What prints?',
      code: `const NO_TAGS: string[] = [];
class Fresh { tags: string[] = []; }
class Hoisted { constructor(public tags: string[] = NO_TAGS) {} }

new Fresh().tags.push('a');
new Hoisted().tags.push('a');
console.log(new Fresh().tags.length, new Hoisted().tags.length);`,
      output: '0 1',
      explain:
        'Field initialisers and default parameters run on every construction, so each Fresh gets its own array (what default_factory does in Python). A default that names one shared array hands that same array to every instance.',
      see: { section: 'defaults', file: 'src/defaults.ts' },
    },
  ],
});
