import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'define-property-defaults',
      prompt: 'One property is added with defineProperty, one by assignment. What prints?',
      code: `const user: Record<string, unknown> = { name: 'ada' };
Object.defineProperty(user, 'id', { value: 7 });
console.log(Object.keys(user), JSON.stringify(user));
try {
  user.id = 8;
} catch (error) {
  console.log((error as Error).name);
}
console.log(user.id);`,
      output: '[ \'name\' ] {"name":"ada"}\nTypeError\n7',
      explain:
        'Object.defineProperty defaults writable, enumerable and configurable to false, so id is hidden from keys and JSON and cannot be changed. A module is strict code, so the refused write throws instead of being silently ignored.',
      see: { section: 'flags', file: 'src/descriptors.ts' },
    },
    {
      id: 'field-shadows-parent-setter',
      prompt:
        'The parent has a setter that records writes; the child declares a field with the same name. What prints?',
      code: `class Base {
  writes: string[] = [];
  set label(value: string) {
    this.writes.push(value);
  }
}
class Child extends Base {
  // @ts-expect-error a field replacing an accessor: the trap this item is about
  label = 'from the field';
}
const c = new Child();
c.label = 'later';
console.log(c.writes.length, c.label, Object.hasOwn(c, 'label'));`,
      output: '0 later true',
      explain:
        "Class fields are defined on the instance (Object.defineProperty), not assigned, so the parent's setter is never called; the own data property then catches every later write too. Assign in the constructor, or use `declare`, to keep the setter.",
      see: { section: 'class-fields', file: 'src/class-fields.ts' },
    },
    {
      id: 'inherited-read-only',
      prompt:
        'The prototype has a read-only property; the object itself has none. What happens on assignment?',
      code: `const defaults = Object.freeze({ retries: 3 });
const options = Object.create(defaults) as { retries: number };
try {
  options.retries = 5;
} catch (error) {
  console.log((error as Error).name);
}
Object.defineProperty(options, 'retries', { value: 5 });
console.log(options.retries, defaults.retries);`,
      output: 'TypeError\n5 3',
      explain:
        'Assignment follows [[Set]]: an inherited non-writable property refuses the write even though it would only have created an own property (the "override mistake"). Object.defineProperty does not consult the prototype, so it can shadow it.',
      see: { section: 'lookup', file: 'src/lookup.ts' },
    },
    {
      id: 'range-accessor-json',
      prompt: 'A Product with @range(0, 5) accessor rating. A bad write, then JSON. What prints?',
      code: `import { Product } from './src/example-product.ts';

const p = new Product('Widget', 9.99, 100);
p.rating = 4;
try {
  p.rating = 7;
} catch (error) {
  console.log((error as Error).message);
}
console.log(p.rating, JSON.stringify(p));`,
      output: 'Product.rating must be a number from 0 to 5, got 7\n4 {}',
      explain:
        'The decorated setter checks before storing, so the refused 7 never replaces 4. An accessor field is a getter/setter pair on the prototype over a private slot: JSON.stringify only lists own enumerable properties, and there are none.',
      see: { section: 'validated', file: 'src/validated.ts' },
    },
    {
      id: 'private-field-proxy',
      prompt:
        'A class keeps its balance in a #field behind a getter. What does a transparent Proxy do to it?',
      code: `class Wallet {
  #cents = 100;
  get cents() {
    return this.#cents;
  }
}
const wallet = new Wallet();
const proxy = new Proxy(wallet, {});
console.log(Reflect.ownKeys(wallet).length, wallet.cents);
try {
  console.log(proxy.cents);
} catch (error) {
  console.log((error as Error).name);
}`,
      output: '0 100\nTypeError',
      explain:
        'A #field is not a property, so no key lists it. Through the Proxy the getter runs with `this` = the proxy, which has no #cents slot, so reading it throws a TypeError; a handler must forward reads with the target as receiver.',
      see: { section: 'private', file: 'src/private-fields.ts' },
    },
  ],
});
