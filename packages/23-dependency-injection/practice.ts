import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'container-lifetimes',
      prompt: 'Two request scopes resolve a singleton, a scoped and a transient value. What is printed?',
      code: `import { TinyContainer } from './src/tiny-container.ts';

let built = 0;
const root = new TinyContainer()
  .register('config', 'singleton', () => ({ n: ++built }))
  .register('request', 'scoped', () => ({ n: ++built }))
  .register('id', 'transient', () => ++built);
const a = root.createScope();
const b = root.createScope();
console.log(a.resolve('config') === b.resolve('config'));
console.log(a.resolve('request') === a.resolve('request'), a.resolve('request') === b.resolve('request'));
console.log(a.resolve('id'), a.resolve('id'));
console.log(built);`,
      output: 'true\ntrue false\n4 5\n5',
      explain:
        'A singleton is built once for the whole container, a scoped value once per scope (per request), a transient on every resolve. Nothing is built before it is first resolved, which is why the counter reads 1 (config), 2 and 3 (one request object per scope), then 4 and 5.',
      see: { section: 'containers', file: 'src/tiny-container.ts' },
    },
    {
      id: 'captive-request-value',
      prompt:
        'A singleton logger reads the request id once, in its constructor; another reads it on every call. Two requests run. What do they log?',
      code: `import { RequestScope } from './src/request-scope.ts';

const scope = new RequestScope<{ requestId: string }>();
class EagerLogger {
  readonly id = scope.find()?.requestId ?? 'none';
  line(message: string) { return \`[\${this.id}] \${message}\`; }
}
class LazyLogger {
  line(message: string) { return \`[\${scope.find()?.requestId ?? 'none'}] \${message}\`; }
}
let eager: EagerLogger | undefined;
const lazy = new LazyLogger();
for (const requestId of ['r1', 'r2']) {
  scope.run({ requestId }, () => {
    eager ??= new EagerLogger();
    console.log(eager.line('hi'), lazy.line('hi'));
  });
}`,
      output: '[r1] hi [r1] hi\n[r1] hi [r2] hi',
      explain:
        'A long-lived object that copies a per-request value when it is built keeps the first request’s value forever (a captive dependency). AsyncLocalStorage only helps code that asks for the value at call time, as the lazy logger does.',
      see: { section: 'request-scope', file: 'src/request-scope.ts' },
    },
    {
      id: 'awilix-typo',
      prompt: 'A factory destructures a misspelled dependency name. Does it compile, register, resolve?',
      code: `import { asFunction, createContainer } from 'awilix';

const container = createContainer();
container.register({
  repo: asFunction(() => ({ find: () => 'ada' })).singleton(),
  service: asFunction(({ rpeo }: { rpeo: { find(): string } }) => ({ name: () => rpeo.find() })).singleton(),
});
console.log('registered');
try {
  console.log(container.resolve<{ name(): string }>('service').name());
} catch (error) {
  console.log((error as Error).message.split('\\n')[0]);
}`,
      output: "registered\nCould not resolve 'rpeo'.",
      explain:
        'awilix sees dependency names as strings read off the cradle Proxy; the type annotation on the factory is whatever the author wrote, checked against nothing. The typo passes the compiler and registration and fails when the graph is first resolved, possibly on the first request.',
      see: { section: 'containers', file: 'src/wirings.ts' },
    },
    {
      id: 'dispose-order',
      prompt:
        'A composition root opens PostgreSQL, then Redis, then the HTTP server, with `await using`. What is printed?',
      code: `import { Lifecycle } from './src/lifecycle.ts';

async function serve() {
  await using app = new Lifecycle();
  app.use('postgres', 'pool', () => console.log('close postgres'));
  app.use('redis', 'client', () => console.log('close redis'));
  app.use('http', 'server', () => console.log('close http'));
  console.log('serving');
}
await serve();
console.log('done');`,
      output: 'serving\nclose http\nclose redis\nclose postgres\ndone',
      explain:
        'Disposal runs in reverse order of acquisition, at the end of the block: the server stops taking requests before the pools those requests use are closed. Closing PostgreSQL first would fail the requests still in flight.',
      see: { section: 'composition-root', file: 'src/lifecycle.ts' },
    },
  ],
});
