import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'imports-are-hoisted',
      prompt: 'A log line above an import. In what order do the lines print?',
      code: `console.log('snippet: first line');
import './fixtures/order/esm/users.mjs';
console.log('snippet: last line');`,
      output: 'config: evaluated\nusers: evaluated\nsnippet: first line\nsnippet: last line',
      explain:
        "Static imports are hoisted: the whole graph (users.mjs, and config.mjs that it imports) is loaded and evaluated, depth first, before the importer's first statement runs, wherever the import is written. require() would have run in place.",
      see: { section: 'load-order', file: 'fixtures/order/esm/main.mjs' },
    },
    {
      id: 'live-binding-vs-copy',
      prompt: 'The same counter as an ES module and as a CommonJS module. What prints?',
      code: `import { createRequire } from 'node:module';
import { count, increment } from './fixtures/bindings/counter.mjs';

const cjs = createRequire(import.meta.url)('./fixtures/bindings/counter.cjs');
increment();
increment();
cjs.increment();
console.log(count, cjs.count);`,
      output: '2 0',
      explain:
        "An ESM import is a live view of the exporting module's variable, so count follows increment(). The CommonJS module copied count into module.exports once, at load: its increment() changes a variable nobody outside can see.",
      see: { section: 'load-order', file: 'fixtures/bindings/counter.cjs' },
    },
    {
      id: 'cjs-cycle-silent-undefined',
      prompt: 'Two CommonJS modules that require each other. orders.cjs is required first. What prints?',
      code: `import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const orders = require('./fixtures/cycle/cjs-broken/orders.cjs');
const customers = require('./fixtures/cycle/cjs-broken/customers.cjs');
console.log(orders.newOrderId(7));
console.log(customers.ordersKey());`,
      output: 'ord_basic_7\nundefined:by-customer',
      explain:
        'customers.cjs ran while orders.cjs was still half-way through, and destructured its exports object before ORDER_PREFIX was set. CommonJS raises nothing: the value is simply undefined, baked into a string. ESM would have thrown a ReferenceError (TDZ) instead.',
      see: { section: 'circular', file: 'fixtures/cycle/cjs-broken/customers.cjs' },
    },
    {
      id: 'dynamic-import-is-cached',
      prompt: 'import() the same module twice, then change it through one of them. What prints?',
      code: `const a = await import('./fixtures/bindings/counter.mjs');
const b = await import('./fixtures/bindings/counter.mjs');
a.increment();
console.log(a === b, b.count);`,
      output: 'true 1',
      explain:
        'A module is evaluated once per URL and cached; every later import() of it resolves to the same namespace object. That is what makes lazy import() cheap after the first call — and a module-level singleton shared.',
      see: { section: 'lazy', file: 'src/lazy.ts' },
    },
  ],
});
