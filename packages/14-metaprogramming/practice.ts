import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'class-decorator-runs-at-definition',
      prompt:
        'A class decorator registers the class. Nothing is ever instantiated. What prints, in what order?',
      code: `const registry: string[] = [];
function register(cls: new () => object, context: ClassDecoratorContext) {
  console.log('register', String(context.name));
  registry.push(cls.name);
}
console.log('before');
@register
class CsvExporter {}
@register
class JsonExporter {}
console.log('after', registry.length);`,
      output: 'before\nregister CsvExporter\nregister JsonExporter\nafter 2',
      explain:
        'A class decorator runs once, when the class statement is evaluated — at import time for a module — not when an instance is made. That is why a decorator can fill a registry (or reject a class) the way a metaclass __new__ does.',
      see: { section: 'registry', file: 'src/registry.ts' },
    },
    {
      id: 'symbol-metadata-key',
      prompt:
        'Run by tsx (esbuild) on Node 20, without a polyfill. A decorator writes to context.metadata. Where did it go?',
      code: `function tag(_value: unknown, context: ClassDecoratorContext) {
  context.metadata.tagged = true;
}
@tag
class Job {}
const registered = Symbol.for('Symbol.metadata');
console.log(typeof (Symbol as { metadata?: symbol }).metadata);
console.log((Job as unknown as Record<symbol, { tagged?: boolean }>)[registered]?.tagged);`,
      output: 'undefined\ntrue',
      explain:
        "Node 20 has no Symbol.metadata. esbuild falls back to Symbol.for('Symbol.metadata') and still stores the object there; TypeScript's own output would pass context.metadata = undefined and this decorator would throw. Defining Symbol.metadata as that registered symbol, before any class is defined, makes both agree.",
      see: { section: 'metadata', file: 'src/symbol-metadata.ts' },
    },
    {
      id: 'static-block-not-inherited',
      prompt: 'Two classes with static blocks; the child is instantiated twice. What prints?',
      code: `class Base {
  static {
    console.log('Base block');
  }
  constructor() {
    console.log('Base constructor');
  }
}
class Child extends Base {
  static {
    console.log('Child block');
  }
}
new Child();
new Child();`,
      output: 'Base block\nChild block\nBase constructor\nBase constructor',
      explain:
        "Each static block runs once, when its own class is defined, in source order; defining Child does not rerun Base's block, and constructing instances runs none of them. Python's __init_subclass__ would run for every subclass; JavaScript has no such hook.",
      see: { section: 'static-blocks', file: 'src/static-blocks.ts' },
    },
    {
      id: 'proxy-receiver',
      prompt:
        'A get trap counts reads. The target has a getter built from two other properties. How many reads are counted?',
      code: `const person = {
  first: 'Ada',
  last: 'Lovelace',
  get full() {
    return this.first + ' ' + this.last;
  },
};
let plain = 0;
let forwarded = 0;
const a = new Proxy(person, { get: (t, k) => (plain++, t[k as keyof typeof t]) });
const b = new Proxy(person, { get: (t, k, r) => (forwarded++, Reflect.get(t, k, r)) });
console.log(a.full === b.full, plain, forwarded);`,
      output: 'true 1 3',
      explain:
        'With t[k], the getter runs with this = the target, so its reads of first and last never pass through the proxy. Reflect.get(t, k, receiver) runs the getter with this = the proxy, and the trap sees all three reads.',
      see: { section: 'reflect', file: 'src/proxy.ts' },
    },
    {
      id: 'new-target-in-base',
      prompt: 'The base constructor logs new.target. What prints?',
      code: `class Shape {
  constructor() {
    console.log(new.target.name);
  }
}
class Circle extends Shape {}
class Ring extends Circle {}
new Circle();
new Ring();
new Shape();`,
      output: 'Circle\nRing\nShape',
      explain:
        'new.target is the class new was applied to, even while a parent constructor runs: the base sees the most-derived class. That is how a base refuses direct construction (new.target === Shape) or counts instances per subclass.',
      see: { section: 'new-target', file: 'src/new-target.ts' },
    },
  ],
});
