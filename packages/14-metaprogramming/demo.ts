// Defines Symbol.metadata before any decorated class below (and in src/) is defined.
import './src/symbol-metadata.ts';
import { code, formatNumber, kv, lessonCheck, note, runDemo, say, table } from '@lab/common';
import { interleaved } from '@lab/common/bench';
import {
  AdminUsersEndpoint,
  Circle,
  Currency,
  createSettings,
  DefinitionError,
  definitionLog,
  descriptionsOf,
  doc,
  endpoint,
  exporters,
  implementsMethods,
  makeClass,
  metadataKey,
  metadataOf,
  Point,
  receiverDemo,
  Shape,
  SingletonSettings,
  Square,
  settings,
  strictView,
  type TraceEntry,
  traced,
  UsersEndpoint,
} from './src/index.ts';

/** Reads are added here, at module level, so V8 cannot drop them as unused. */
let sink = 0;
export const observedSink = (): number => sink;

/** `run`'s result as text, or the error it threw, as `Name: message`. */
function outcome(run: () => unknown): string {
  try {
    return String(run());
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

function metadataSection(): void {
  kv({
    'typeof Symbol.metadata (after the polyfill)': typeof (Symbol as { metadata?: symbol }).metadata,
    "Symbol.metadata === Symbol.for('Symbol.metadata')": metadataKey === Symbol.for('Symbol.metadata'),
    'metadata @doc wrote for UsersEndpoint': JSON.stringify(descriptionsOf(UsersEndpoint)),
    "AdminUsersEndpoint's metadata inherits from it":
      Object.getPrototypeOf(metadataOf(AdminUsersEndpoint)) === metadataOf(UsersEndpoint),
  });
  say('What tsc emits in every decorated class, and why the polyfill must run before the class is defined:');
  code('const _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;');
  note(
    `Node ${process.versions.node}: Symbol.metadata is not built in (nor on Node 22, by reports); esbuild/tsx fall back to Symbol.for('Symbol.metadata'), tsc passes context.metadata = undefined.`,
  );
}

function registrySection(): void {
  kv({
    'exporters.names()': JSON.stringify(exporters.names()),
    "exporters.create('csv').export(rows)": JSON.stringify(
      exporters.create('csv').export([{ id: 1, name: 'ada' }]),
    ),
    'a second @exporters.register("csv")': outcome(() => {
      @exporters.register('csv')
      class FasterCsv {
        export(): string {
          return '';
        }
      }
      return FasterCsv.name;
    }),
    "exporters.get('xml')": outcome(() => exporters.get('xml')),
  });
  say(
    "Python's metaclass __new__ (or __init_subclass__) registration is a class decorator: it runs once, as the module is imported.",
  );
}

function definitionChecksSection(): void {
  let constructed = 0;
  kv({
    '@endpoint class with an undocumented post()': outcome(() => {
      @endpoint
      class OrdersEndpoint {
        constructor() {
          constructed++;
        }
        @doc('List orders')
        get(): string[] {
          return [];
        }
        post(): void {}
      }
      return OrdersEndpoint.name;
    }),
    'instances ever built': constructed,
    "@implementsMethods('read', 'write') on a class with read only": outcome(() => {
      @implementsMethods('read', 'write')
      class ReadOnlyStorage {
        read(): string {
          return '';
        }
      }
      return ReadOnlyStorage.name;
    }),
  });
  note(
    `Both are ${DefinitionError.name}s thrown while the class statement runs: at import, in CI, before any request.`,
  );
}

function proxySection(): void {
  const log: TraceEntry[] = [];
  const cart = traced<Record<string, number>>({ apples: 2 }, log);
  cart.apples = (cart.apples ?? 0) + 1;
  cart.pears = 1;
  void ('apples' in cart);
  delete cart.pears;
  void Object.keys(cart);
  table(log.map((entry, i) => ({ '#': i + 1, trap: entry.op, key: entry.key ?? '' })));
  const config = strictView({ databaseUrl: 'postgres://127.0.0.1/test', port: 5432 });
  kv({
    'config.port': config.port,
    'config.databseUrl (typo)': outcome(() => (config as unknown as Record<string, unknown>).databseUrl),
    'config.port = 1': outcome(() => {
      (config as { port: number }).port = 1;
    }),
  });
}

function reflectSection(): void {
  const { withoutReceiver, withReceiver } = receiverDemo();
  code('get: (t, key) => t[key]                      // the getter runs with this = target');
  code('get: (t, key, receiver) => Reflect.get(t, key, receiver)   // this = the proxy');
  kv({
    'keys the trap saw reading .full, target[key]': withoutReceiver.join(', '),
    'keys the trap saw, Reflect.get': withReceiver.join(', '),
  });
  say('Forward with Reflect and the receiver, or a getter’s own reads bypass your trap.');
}

function newTargetSection(): void {
  new Circle(1);
  new Square(2);
  new Circle(3);
  kv({
    'Shape.built (counted in the base constructor)': JSON.stringify([...Shape.built]),
    'new Shape()': outcome(() => new (Shape as unknown as new () => Shape)()),
    'Point(1, 2) without new': outcome(() => (Point as unknown as (x: number, y: number) => void)(1, 2)),
  });
  const Dog = makeClass(
    'Dog',
    class {
      sound = 'woof';
    },
    {
      speak() {
        return String(this.sound);
      },
    },
  );
  kv({
    "makeClass('Dog', Animal, { speak }) — type(name, bases, ns)": `${Dog.name}: ${(new Dog() as unknown as { speak(): string }).speak()}`,
  });
}

function staticBlocksSection(): void {
  table(definitionLog.map((line, i) => ({ order: i + 1, 'ran at definition': line })));
  const yen = Currency.of('JPY');
  kv({
    "Currency.of('JPY') === Currency.of('JPY')": yen === Currency.of('JPY'),
    "Currency.of('XXX')": outcome(() => Currency.of('XXX')),
  });
  note(
    'A static block is the class body code Python runs at definition; it is not inherited, so Child did not rerun Parent’s.',
  );
}

async function singletonSection(): Promise<void> {
  const again = await import('./src/singleton.ts');
  const byOtherUrl = await import(`./src/singleton.ts?copy=${Date.now()}`);
  SingletonSettings.resetForTests();
  const first = SingletonSettings.instance({ POOL_SIZE: '3' });
  kv({
    'settings from a second import is the same object': again.settings === settings,
    'settings from the same file under another URL':
      byOtherUrl.settings === settings ? 'same' : 'a second instance',
    "SingletonSettings.instance({ POOL_SIZE: '50' }).poolSize": SingletonSettings.instance({
      POOL_SIZE: '50',
    }).value.poolSize,
    'first caller asked for': first.value.poolSize,
    "createSettings({ POOL_SIZE: '50' }).poolSize (tests, tenants)": createSettings({ POOL_SIZE: '50' })
      .poolSize,
  });
  say(
    'A module-level const is already single per process; the class version adds a hidden global and a reset hook.',
  );
}

async function costSection(): Promise<void> {
  const ops = 10_000;
  const plain = [{ x: 1 }, { x: 2 }] as const;
  const proxied = plain.map(
    (p) => new Proxy(p, { get: (t, key, r) => Reflect.get(t, key, r) }),
  ) as unknown as readonly [{ x: number }, { x: number }];
  const samples = await interleaved(
    {
      direct: () => {
        for (let i = 0; i < ops; i++) sink += (i & 1 ? plain[1] : plain[0]).x;
      },
      Proxy: () => {
        for (let i = 0; i < ops; i++) sink += (i & 1 ? proxied[1] : proxied[0]).x;
      },
    },
    // Enough warm-up for V8 to optimise each loop before anything is timed (as the bench does).
    { rounds: 15, warmupRounds: 5, opsPerCall: ops, targetMs: 5 },
  );
  const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  const directNs = median(samples.direct) * 1e6;
  const proxyNs = median(samples.Proxy) * 1e6;
  table([
    { read: 'direct', 'ns per read': formatNumber(directNs) },
    { read: 'Proxy (Reflect.get trap)', 'ns per read': formatNumber(proxyNs) },
  ]);
  lessonCheck(
    proxyNs / directNs > 2,
    'a Proxy read costs several times a direct one',
    `${formatNumber(proxyNs / directNs)}×`,
    'pnpm bench metaprogramming',
  );
}

await runDemo({
  title: 'Metaprogramming without metaclasses',
  subtitle: 'Part 2, Q4 — class decorators, decorator metadata, Proxy and Reflect, new.target, static blocks',
  sections: [
    {
      id: 'metadata',
      title: 'Decorator metadata and the Symbol.metadata polyfill',
      why: 'context.metadata is how member decorators talk to the class decorator; Node 20 needs the symbol defined.',
      run: metadataSection,
    },
    {
      id: 'registry',
      title: 'A plugin registry filled by a class decorator',
      why: 'The commonest metaclass job: register every class of a kind as it is defined.',
      run: registrySection,
    },
    {
      id: 'definition-checks',
      title: 'A class that breaks a rule fails when it is declared',
      why: 'The seed’s "methods need docstrings" metaclass, as @endpoint + @doc over metadata.',
      run: definitionChecksSection,
    },
    {
      id: 'proxy',
      title: 'Proxy: intercepting operations on an object',
      why: 'Every get, set, has, delete and keys goes through a trap; Reflect does the default.',
      run: proxySection,
    },
    {
      id: 'reflect',
      title: 'Why traps forward with Reflect and the receiver',
      why: 'A getter on the target reads other properties; only the receiver routes those reads through the proxy.',
      run: reflectSection,
    },
    {
      id: 'new-target',
      title: 'new.target and classes built at run time',
      why: 'What a metaclass __call__ and type(name, bases, ns) do, without a metaclass.',
      run: newTargetSection,
    },
    {
      id: 'static-blocks',
      title: 'Static blocks: code that runs at class definition',
      why: 'Set up class-level tables once, with access to private names.',
      run: staticBlocksSection,
    },
    {
      id: 'singleton',
      title: 'A module-level instance beats a singleton class',
      why: 'ES modules are evaluated once per URL; the singleton metaclass has no job left.',
      run: singletonSection,
    },
    {
      id: 'cost',
      title: 'What a Proxy costs per read',
      why: 'A quick look, timed now in interleaved rounds; `pnpm bench metaprogramming` measures reads and writes.',
      run: costSection,
    },
  ],
});
