import { describe, expect, it } from 'vitest';
import * as controllers from '../src/example-http-controllers.ts';
import * as models from '../src/example-models.ts';
import { range } from '../src/range.ts';
import * as routes from '../src/routes.ts';

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
