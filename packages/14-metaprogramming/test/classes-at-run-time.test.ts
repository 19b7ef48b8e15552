import { describe, expect, it } from 'vitest';
import { makeClass } from '../src/class-factory.ts';
import { Circle, Point, Shape, Square } from '../src/new-target.ts';
import { built, createSettings, SingletonSettings, settings } from '../src/singleton.ts';
import { Child, Currency, definitionLog, Parent } from '../src/static-blocks.ts';

describe('new.target', () => {
  it('refuses the abstract base and counts each concrete subclass in the base constructor', () => {
    const before = new Map(Shape.built);
    new Circle(1);
    new Square(2);
    new Circle(3);
    expect(Shape.built.get('Circle')).toBe((before.get('Circle') ?? 0) + 2);
    expect(Shape.built.get('Square')).toBe((before.get('Square') ?? 0) + 1);
    expect(() => new (Shape as unknown as new () => Shape)()).toThrow(
      'Shape is abstract: construct a subclass',
    );
    expect(new Square(3).area()).toBe(9);
    expect(new Circle(2).area()).toBe(Math.PI * 4);
  });

  it('lets a function insist on new', () => {
    const Ctor = Point as unknown as new (x: number, y: number) => { x: number; y: number };
    expect(new Ctor(1, 2)).toEqual({ x: 1, y: 2 });
    expect(() => (Point as unknown as (x: number, y: number) => void)(1, 2)).toThrow(
      'Point must be called with new',
    );
  });
});

describe('static blocks', () => {
  it('ran once each, at definition, in definition order; a subclass does not rerun its parent', () => {
    expect(definitionLog).toEqual([
      'static block of Currency: 3 currencies',
      'static block of Parent',
      'static block of Child',
    ]);
    new Child();
    new Parent();
    expect(definitionLog).toHaveLength(3);
  });

  it('a subclass still inherits and overrides methods, only its static blocks stay its own', () => {
    expect(new Parent().kind()).toBe('parent');
    expect(new Child().kind()).toBe('child');
    expect(new Child()).toBeInstanceOf(Parent);
  });

  it('filled the class before any use, through private names', () => {
    expect(Currency.codes).toEqual(['EUR', 'JPY', 'BHD']);
    expect(Currency.of('JPY')).toBe(Currency.of('JPY'));
    expect(Currency.of('BHD').minorDigits).toBe(3);
    expect(() => Currency.of('XXX')).toThrow('unknown currency XXX; known: EUR, JPY, BHD');
  });
});

describe('module instance vs singleton class', () => {
  it('the module instance is one object for every importer', async () => {
    const again = await import('../src/singleton.ts');
    expect(again.settings).toBe(settings);
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('the factory builds independent, validated objects for tests', () => {
    const a = createSettings({ POOL_SIZE: '2' });
    const b = createSettings({ NODE_ENV: 'test' });
    expect(a).toEqual({ env: 'development', poolSize: 2 });
    expect(b).toEqual({ env: 'test', poolSize: 10 });
    expect(a).not.toBe(b);
    expect(() => createSettings({ POOL_SIZE: '0' })).toThrow('POOL_SIZE must be a positive integer, got 0');
    expect(() => createSettings({ POOL_SIZE: '1.5' })).toThrow(RangeError);
    expect(createSettings({ POOL_SIZE: '1' }).poolSize).toBe(1);
  });

  it('counts every object the factory builds', () => {
    const count = built.count;
    createSettings({});
    createSettings({ POOL_SIZE: '4' });
    expect(built.count - count).toBe(2);
  });

  it("the singleton class keeps the first caller's arguments and needs a reset hook", () => {
    SingletonSettings.resetForTests();
    const count = built.count;
    const first = SingletonSettings.instance({ POOL_SIZE: '3' });
    const second = SingletonSettings.instance({ POOL_SIZE: '50' });
    expect(second).toBe(first);
    expect(second.value.poolSize).toBe(3);
    expect(built.count).toBe(count + 1);
    SingletonSettings.resetForTests();
    expect(SingletonSettings.instance({ POOL_SIZE: '50' }).value.poolSize).toBe(50);
  });
});

describe('classes made at run time (type(name, bases, ns))', () => {
  it('gets its name, its base and its methods', () => {
    class Animal {
      sound = '...';
    }
    const Dog = makeClass('Dog', Animal, {
      speak() {
        return `${String(this.sound)}!`;
      },
    });
    const dog = new Dog() as Animal & { speak(): string };
    expect(Dog.name).toBe('Dog');
    expect(dog).toBeInstanceOf(Animal);
    expect(dog.speak()).toBe('...!');
    expect(Object.keys(Dog.prototype)).toEqual([]);
    expect(Animal.prototype).not.toHaveProperty('speak');
  });

  it('defines its methods as a class body would: writable, configurable, not enumerable', () => {
    const hello = () => 'hello';
    const Made = makeClass('Made', Object, { hello });
    class Written {
      hello(): string {
        return 'hello';
      }
    }
    const written = Object.getOwnPropertyDescriptor(Written.prototype, 'hello');
    expect(Object.getOwnPropertyDescriptor(Made.prototype, 'hello')).toEqual({ ...written, value: hello });
    expect(written).toMatchObject({ writable: true, enumerable: false, configurable: true });
  });
});
