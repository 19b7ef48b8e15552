import { describe, expect, it } from 'vitest';
import {
  DefinitionError,
  descriptionsOf,
  doc,
  endpoint,
  implementsMethods,
  ownPublicMethods,
} from '../src/definition-checks.ts';
import { AdminUsersEndpoint, MemoryStorage, UsersEndpoint } from '../src/example-endpoints.ts';
import { CsvExporter, exporters, JsonExporter, NdjsonExporter } from '../src/example-plugins.ts';
import { createRegistry, DuplicatePluginError, UnknownPluginError } from '../src/registry.ts';
import { ensureSymbolMetadata, metadataKey, metadataOf } from '../src/symbol-metadata.ts';

describe('a plugin registry filled by a class decorator', () => {
  it('holds every decorated class, in definition order, as soon as the module is imported', () => {
    expect(exporters.names()).toEqual(['csv', 'json', 'ndjson']);
    expect(exporters.get('csv')).toBe(CsvExporter);
    expect(exporters.get('json')).toBe(JsonExporter);
    expect(exporters.get('ndjson')).toBe(NdjsonExporter);
  });

  it('builds an instance by name', () => {
    const rows = [
      { id: 1, name: 'ada' },
      { id: 2, name: 'grace' },
    ];
    expect(exporters.create('csv').export(rows)).toBe('id,name\n1,ada\n2,grace');
    expect(exporters.create('ndjson').export(rows)).toBe('{"id":1,"name":"ada"}\n{"id":2,"name":"grace"}');
    expect(exporters.create('ndjson')).toBeInstanceOf(JsonExporter);
    expect(exporters.create('json').export(rows)).toBe('[{"id":1,"name":"ada"},{"id":2,"name":"grace"}]');
  });

  it('names what exists when asked for an unknown plugin', () => {
    expect(() => exporters.get('xml')).toThrow(UnknownPluginError);
    expect(() => exporters.get('xml')).toThrow('no exporter named "xml"; registered: csv, json, ndjson');
    expect(() => createRegistry<object>('codec').get('x')).toThrow('registered: (none)');
    expect(() => exporters.create('xml')).toThrow(expect.objectContaining({ name: 'UnknownPluginError' }));
  });

  it('refuses a second class under a taken name, when that class is declared', () => {
    const codecs = createRegistry<object>('codec');
    @codecs.register('gzip')
    class Gzip {}
    expect(() => {
      @codecs.register('gzip')
      class FasterGzip {}
      return FasterGzip;
    }).toThrow(
      new DuplicatePluginError('codec "gzip" is already registered by Gzip; FasterGzip cannot take it'),
    );
    expect(() => {
      @codecs.register('gzip')
      class Other {}
      return Other;
    }).toThrow(expect.objectContaining({ name: 'DuplicatePluginError' }));
    expect(codecs.names()).toEqual(['gzip']);
    expect(codecs.get('gzip')).toBe(Gzip);
  });

  it('refuses a malformed name when the decorator expression is evaluated', () => {
    const codecs = createRegistry<object>('codec');
    expect(() => codecs.register('Gzip')).toThrow('codec name "Gzip" must be kebab-case (a-z, 0-9, -)');
    expect(() => codecs.register('')).toThrow(TypeError);
    expect(() => codecs.register('gzip_2')).toThrow('codec name "gzip_2" must be kebab-case');
    expect(() => codecs.register('gzip ')).toThrow(TypeError);
    expect(() => codecs.register('br-2')).not.toThrow();
  });

  it('refuses to decorate anything but a class', () => {
    const codecs = createRegistry<object>('codec');
    const decorate = codecs.register('x') as unknown as (
      value: unknown,
      context: { kind: string; name: string },
    ) => void;
    expect(() => decorate(() => {}, { kind: 'method', name: 'm' })).toThrow(
      '@register decorates classes, not methods',
    );
  });

  it('passes constructor arguments through create', () => {
    const greeters = createRegistry<{ hello(): string }, [string]>('greeter');
    @greeters.register('plain')
    class Plain {
      constructor(readonly name: string) {}
      hello(): string {
        return `hello ${this.name}`;
      }
    }
    expect(greeters.create('plain', 'ada').hello()).toBe('hello ada');
    expect(greeters.get('plain')).toBe(Plain);
  });
});

describe('checks at definition time', () => {
  it('accepts documented endpoints and inherits the parent documentation', () => {
    expect(descriptionsOf(UsersEndpoint)).toEqual({
      get: 'List users, newest first',
      post: 'Create a user from a JSON body',
    });
    expect(descriptionsOf(AdminUsersEndpoint)).toEqual({
      ban: 'Ban a user',
      get: 'List users, newest first',
      post: 'Create a user from a JSON body',
    });
    const admin = new AdminUsersEndpoint();
    expect(admin.ban('eve')).toBe('banned eve');
    expect(admin.get()).toEqual(['ada', 'grace']);
    expect(admin.post('eve')).toBe('created eve');
    expect(admin._normalise('  Eve ')).toBe('eve');
  });

  it('a subclass does not write into its parent metadata', () => {
    expect(Object.keys(descriptionsOf(UsersEndpoint))).not.toContain('ban');
  });

  it('lists only the own public methods: no constructor, no _helpers, no inherited ones', () => {
    expect(ownPublicMethods(UsersEndpoint)).toEqual(['get', 'post']);
    expect(ownPublicMethods(AdminUsersEndpoint)).toEqual(['ban']);
  });

  it('counts only methods: accessors and fields are not endpoints', () => {
    class Stats {
      hits = 0;
      get total(): number {
        return this.hits;
      }
      set total(value: number) {
        this.hits = value;
      }
      reset(): void {}
    }
    expect(ownPublicMethods(Stats)).toEqual(['reset']);
  });

  it('fails while the class is being declared when a public method is undocumented', () => {
    let instances = 0;
    expect(() => {
      @endpoint
      class OrdersEndpoint {
        constructor() {
          instances++;
        }
        @doc('List orders')
        get(): string[] {
          return [];
        }
        post(): void {}
        delete(): void {}
      }
      return OrdersEndpoint;
    }).toThrow(new DefinitionError("OrdersEndpoint: public methods post, delete need @doc('…')"));
    expect(() => {
      @endpoint
      class Empty {
        get(): void {}
      }
      return Empty;
    }).toThrow(expect.objectContaining({ name: 'DefinitionError' }));
    expect(instances).toBe(0);
  });

  it('names a single missing method in the singular', () => {
    expect(() => {
      @endpoint
      class Health {
        check(): boolean {
          return true;
        }
      }
      return Health;
    }).toThrow("Health: public method check needs @doc('…')");
  });

  it('refuses an empty description when the decorator expression is evaluated', () => {
    expect(() => doc('  ')).toThrow('@doc needs a non-empty description');
  });

  it('says what to import when the compiler passes no metadata (tsc before Symbol.metadata exists)', () => {
    const context = { kind: 'method', name: 'get', metadata: undefined };
    expect(() => doc('List')(() => {}, context as unknown as ClassMethodDecoratorContext)).toThrow(
      new TypeError('decorator metadata is missing: import symbol-metadata.ts before defining the class'),
    );
  });

  it('implementsMethods: a class missing a required method fails at declaration; inherited ones count', () => {
    const storage = new MemoryStorage();
    expect(storage.read('x')).toBeUndefined();
    storage.write('x', '1');
    expect(storage.read('x')).toBe('1');
    expect(() => {
      @implementsMethods('read', 'write', 'delete')
      class ReadOnly {
        read(): void {}
      }
      return ReadOnly;
    }).toThrow('ReadOnly must implement write, delete');
    expect(() => {
      @implementsMethods('read', 'write')
      class Cached extends MemoryStorage {}
      return Cached;
    }).not.toThrow();
  });
});

describe('Symbol.metadata', () => {
  it('is defined (Node 20 lacks it) as the registered symbol esbuild falls back to', () => {
    const runtime = Symbol as { metadata?: symbol };
    expect(typeof runtime.metadata).toBe('symbol');
    expect(metadataKey).toBe(runtime.metadata);
    expect(metadataKey).toBe(Symbol.for('Symbol.metadata'));
  });

  it('never replaces a symbol the runtime already has', () => {
    const own = Symbol('native');
    const runtime = { metadata: own };
    expect(ensureSymbolMetadata(runtime)).toBe(own);
    const bare: { metadata?: symbol } = {};
    expect(ensureSymbolMetadata(bare)).toBe(Symbol.for('Symbol.metadata'));
    expect(bare.metadata).toBe(Symbol.for('Symbol.metadata'));
  });

  it("a subclass's metadata object inherits from its parent's", () => {
    const parent = metadataOf(UsersEndpoint);
    const child = metadataOf(AdminUsersEndpoint);
    expect(parent).toBeDefined();
    expect(Object.getPrototypeOf(child)).toBe(parent);
    // undefined on Node 20; null where a runtime ships Function.prototype[Symbol.metadata].
    expect(metadataOf(class Plain {}) ?? null).toBeNull();
  });
});
