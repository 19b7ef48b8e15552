import { describe, expect, it } from 'vitest';
import { bound } from '../src/bound.ts';
import * as controllers from '../src/example-http-controllers.ts';
import * as models from '../src/example-models.ts';
import { frozen } from '../src/frozen.ts';
import { logged } from '../src/logging.ts';
import { memoize } from '../src/memoize.ts';
import { range } from '../src/range.ts';
import { rateLimit } from '../src/rate-limit.ts';
import { retry } from '../src/retry.ts';
import * as routes from '../src/routes.ts';
import { timed } from '../src/timing.ts';

describe('class decorator + method decorators + metadata (a route table)', () => {
  it('registers every route under the controller prefix once the class is defined', () => {
    const table = controllers.appRoutes.routes.map(
      (r) => `${r.method} ${r.path} → ${r.controller}.${r.handler}`,
    );
    expect(table).toEqual([
      'GET /users → UsersController.list',
      'GET /users/:id → UsersController.show',
      'POST /users → UsersController.create',
      'GET /admin/users → AdminUsersController.list',
      'GET /admin/users/:id → AdminUsersController.show',
      'POST /admin/users → AdminUsersController.create',
      'POST /admin/users/:id/ban → AdminUsersController.ban',
    ]);
  });

  it("lets a subclass inherit its parent's metadata without adding to the parent's", () => {
    expect(routes.routesOf(controllers.UsersController).map((r) => r.handler)).toEqual([
      'list',
      'show',
      'create',
    ]);
    expect(routes.routesOf(controllers.AdminUsersController).map((r) => r.handler)).toEqual([
      'list',
      'show',
      'create',
      'ban',
    ]);
  });

  it('refuses a second handler for the same method and path', () => {
    expect(() => controllers.appRoutes.add(controllers.UsersController, '/users')).toThrow(
      'GET /users is handled twice: UsersController.list and UsersController.list',
    );
  });

  it('refuses a route path without a leading slash when the decorator factory is called', () => {
    expect(() => routes.get('users')).toThrow(/must start with "\/"/);
  });
});

describe('@bound (addInitializer per instance)', () => {
  it('keeps `this` when the method is detached from its object', () => {
    const users = new controllers.UsersController();
    const { create } = users;
    expect(create('Grace')).toBe(2);
    expect(users.list()).toEqual(['Ada', 'Grace']);
  });

  it('serves every registered handler: show finds a user, ban answers for the id', () => {
    const admin = new controllers.AdminUsersController();
    expect([admin.show(1), admin.show(2), admin.ban(7)]).toEqual(['Ada', undefined, 'banned 7']);
  });

  it('a method without @bound loses `this` when detached', () => {
    const users = new controllers.UsersController();
    const { list } = users;
    expect(() => list()).toThrow(TypeError);
  });
});

describe('@frozen (a class decorator that returns a replacement class)', () => {
  it('freezes every instance while keeping the class name and instanceof', () => {
    const price = new models.Money(250, 'EUR');
    expect(Object.isFrozen(price)).toBe(true);
    expect(() => {
      (price as { cents: number }).cents = 1;
    }).toThrow(TypeError);
    expect(models.Money.name).toBe('Money');
    expect(price.add(new models.Money(50, 'EUR'))).toEqual(new models.Money(300, 'EUR'));
    expect(price).toBeInstanceOf(models.Money);
    expect(() => price.add(new models.Money(50, 'USD'))).toThrow('cannot add USD to EUR');
  });
});

describe('@range (accessor decorator)', () => {
  it('checks the initial value and every assignment, and keeps the old value on a bad one', () => {
    const settings = new models.PlayerSettings();
    settings.volume = 80;
    expect(() => {
      settings.volume = 101;
    }).toThrow('volume must be a number in [0, 100], got 101');
    expect(() => {
      settings.playbackRate = Number.NaN;
    }).toThrow(RangeError);
    expect([settings.volume, settings.playbackRate]).toEqual([80, 1]);
  });

  it('refuses an empty range when the factory is called', () => {
    expect(() => range(10, 1)).toThrow(/min \(10\) must be <= max \(1\)/);
  });
});

/** A context as a plain-JavaScript caller could hand a decorator: TypeScript rejects the wrong kind itself. */
function misplaced(kind: string): never {
  return { kind, name: 'volume', private: false, static: false, metadata: {} } as never;
}

describe('decorators applied to the wrong kind of element (plain-JavaScript callers)', () => {
  it('each one names itself and the kind it was given', () => {
    expect(() => bound(() => 0, misplaced('field'))).toThrow('@bound decorates methods, not fields');
    expect(() => routes.get('/x')(() => 0, misplaced('getter'))).toThrow(
      '@route decorates methods, not getters',
    );
    expect(() => frozen(class {}, misplaced('method'))).toThrow('@frozen decorates classes, not methods');
    const wrappers: Array<[string, (method: never, context: never) => unknown]> = [
      ['memoize', memoize()],
      ['retry', retry({ attempts: 2 })],
      ['timed', timed()],
      ['logged', logged()],
      ['rateLimit', rateLimit({ limit: 1, windowMs: 1 })],
    ];
    for (const [name, decorator] of wrappers)
      expect(() => decorator((() => 0) as never, misplaced('getter'))).toThrow(
        `@${name} decorates methods, not getters`,
      );
    expect(() => routes.controller('/x', new routes.RouteTable())(class {}, misplaced('field'))).toThrow(
      '@controller decorates classes, not fields',
    );
    expect(() => range(0, 1)({ get: () => 0, set: () => {} }, misplaced('field'))).toThrow(
      '@range decorates accessor fields, not fields',
    );
  });

  it('@route refuses to run where decorator metadata is missing instead of losing the route', () => {
    const context = { ...(misplaced('method') as object), metadata: undefined };
    expect(() => routes.get('/x')(() => 0, context as unknown as ClassMethodDecoratorContext)).toThrow(
      'decorator metadata is unavailable: Symbol.metadata is not defined',
    );
  });
});

describe('RouteTable paths', () => {
  it('joins prefix and path without trailing slashes, and a bare root stays "/"', () => {
    class Root {
      @routes.get('/')
      home(): void {}
      @routes.get('/health/')
      health(): void {}
    }
    class Docs {
      @routes.get('/')
      index(): void {}
    }
    const table = new routes.RouteTable();
    table.add(Root, '');
    table.add(Docs, '/docs//');
    expect(table.routes.map((r) => `${r.method} ${r.path} → ${r.handler}`)).toEqual([
      'GET / → home',
      'GET /health → health',
      'GET /docs → index',
    ]);
  });

  it('a class without route decorators has no routes', () => {
    expect(routes.routesOf(class Plain {})).toEqual([]);
  });
});

describe('@bound on one instance', () => {
  it('adds a hidden own property that can still be replaced or deleted, like a method', () => {
    const users = new controllers.UsersController();
    expect(Object.keys(users)).toEqual([]);
    users.create = () => 0;
    expect(users.create('Grace')).toBe(0);
    expect(delete (users as Partial<controllers.UsersController>).create).toBe(true);
    expect(users.create).toBe(controllers.UsersController.prototype.create);
  });

  it('refuses a private method, which no detached reference can reach anyway', () => {
    expect(() => {
      class Secret {
        @bound
        #reveal(): number {
          return 1;
        }
        peek(): number {
          return this.#reveal();
        }
      }
      return Secret;
    }).toThrow('@bound cannot rebind the private method #reveal');
  });
});

describe('@frozen and subclasses', () => {
  it('leaves a subclass instance unfrozen so the subclass can still define its fields', () => {
    class Tagged extends models.Money {
      readonly tag = 'gift';
    }
    const gift = new Tagged(100, 'EUR');
    expect([gift.tag, Object.isFrozen(gift)]).toEqual(['gift', false]);
  });

  it('gives the replacement a name property shaped like any class name', () => {
    expect(Object.getOwnPropertyDescriptor(models.Money, 'name')).toEqual(
      Object.getOwnPropertyDescriptor(class Money {}, 'name'),
    );
  });
});

describe('@range bounds', () => {
  it('accepts both ends of the range and a range of one value', () => {
    const settings = new models.PlayerSettings();
    settings.volume = 0;
    settings.playbackRate = 0.5;
    expect([settings.volume, settings.playbackRate]).toEqual([0, 0.5]);
    settings.volume = 100;
    settings.playbackRate = 2;
    expect([settings.volume, settings.playbackRate]).toEqual([100, 2]);
    expect(() => range(5, 5)).not.toThrow();
    expect(() => {
      settings.volume = -1;
    }).toThrow('volume must be a number in [0, 100], got -1');
  });

  it('refuses a numeric string even though it compares as in range', () => {
    const settings = new models.PlayerSettings();
    expect(() => {
      (settings as { volume: unknown }).volume = '50';
    }).toThrow('volume must be a number in [0, 100], got 50');
    expect(settings.volume).toBe(50);
  });
});
