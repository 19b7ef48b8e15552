import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'emitter-listener-throws',
      prompt: 'Two listeners on a plain EventEmitter; the first throws. What prints?',
      code: `import { EventEmitter } from 'node:events';

const orders = new EventEmitter();
orders.on('placed', () => {
  console.log('send e-mail');
  throw new Error('SMTP down');
});
orders.on('placed', () => console.log('update stock'));
try {
  orders.emit('placed', { id: 7 });
  console.log('emitted');
} catch (error) {
  console.log('caught', (error as Error).message);
}`,
      output: 'send e-mail\ncaught SMTP down',
      explain:
        'EventEmitter calls listeners synchronously, in order, with no isolation: the throw leaves emit() and the listeners after it never run. The stock is not updated because the mailer failed — the reason src/event-bus.ts wraps each listener.',
      see: { section: 'observer', file: 'src/event-bus.ts' },
    },
    {
      id: 'singleton-module-url',
      prompt: 'The module singleton, imported three ways. What prints?',
      code: `import { metrics } from './src/singleton.ts';

const again = await import('./src/singleton.ts');
const copy = await import('./src/singleton.ts?copy');
metrics.increment('hits');
console.log(again.metrics === metrics, again.metrics.get('hits'));
console.log(copy.metrics === metrics, copy.metrics.get('hits'));`,
      output: 'true 1\nfalse 0',
      explain:
        'ES modules are cached by resolved URL, and the query string is part of the URL: `?copy` evaluates the file a second time, with its own registry. Two copies of a package in node_modules, or its ESM and CommonJS builds, split a "singleton" the same way.',
      see: { section: 'singleton', file: 'src/singleton-hazard.ts' },
    },
    {
      id: 'immutable-builder-base',
      prompt: 'A base query, then two filters. What values does each build?',
      code: `import { SelectBuilder } from './src/builder.ts';

const base = SelectBuilder.from('products', ['id', 'category'] as const).where('id', '>', 0);
base.where('category', '=', 'coffee');
console.log(base.build().values);
const tea = base.where('category', '=', 'tea');
console.log(tea.build().values);`,
      output: "[ 0 ]\n[ 0, 'tea' ]",
      explain:
        "Every step of this builder returns a new builder and leaves its receiver alone, so the coffee filter was built and dropped. With a mutable builder (return this), the base would have collected both filters — and a base shared between requests collects everyone's.",
      see: { section: 'creation', file: 'src/builder.ts' },
    },
    {
      id: 'decorator-order',
      prompt:
        'An upstream that fails twice, a logger and a retry stacked two ways. How many lines does each logger record?',
      code: `import { manualClock } from '@lab/common/clock';
import { type HttpClient, withLogging, withRetry } from './src/decorator.ts';

let calls = 0;
const upstream: HttpClient = async () => ({ status: ++calls % 3 === 0 ? 200 : 503, headers: {}, body: '' });
const retry = { attempts: 3, baseDelayMs: 100, clock: manualClock() };
const a: number[] = [];
const b: number[] = [];
await withLogging(withRetry(upstream, retry), (e) => a.push(e.status as number))({ method: 'GET', url: '/x' });
await withRetry(withLogging(upstream, (e) => b.push(e.status as number)), retry)({ method: 'GET', url: '/x' });
console.log(a.join(' '));
console.log(b.join(' '));
console.log(retry.clock.sleeps.join(' '));`,
      output: '200\n503 503 200\n100 200 100 200',
      explain:
        'Decorators wrap from the inside out: a logger outside the retry sees one call and its final answer, a logger inside it sees every attempt. Both runs slept 100 then 200 ms (doubling backoff) on the same manual clock.',
      see: { section: 'decorator', file: 'src/decorator.ts' },
    },
    {
      id: 'generator-pages-fetched',
      prompt:
        'A paged API with 10 items a page and 45 items. How many pages does taking 12 items fetch, and does finally run?',
      code: `import { pagedSource, paginate, take } from './src/iterator.ts';

const source = pagedSource(Array.from({ length: 45 }, (_, i) => i), 10);
const items = paginate(source.fetchPage, () => console.log('cursor closed'));
console.log('pages before', source.calls());
const first = await take(items, 12);
console.log(first.length, 'items,', source.calls(), 'pages');`,
      output: 'pages before 0\ncursor closed\n12 items, 2 pages',
      explain:
        "A generator's body does not start until the first next(), so nothing is fetched up front; 12 items need the second page and no more. take() breaks out of for await, which calls the generator's return(): its finally runs before take returns.",
      see: { section: 'observer', file: 'src/iterator.ts' },
    },
  ],
});
