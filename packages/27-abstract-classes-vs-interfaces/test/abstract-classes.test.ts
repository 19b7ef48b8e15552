import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Entity,
  InMemoryRepository,
  NaiveRepository,
  NotFoundError,
  Repository,
} from '../src/repository.ts';

interface Item extends Entity {
  readonly name: string;
}

/** A repository with every abstract method: the compiler's idea of complete. */
class ItemRepository extends NaiveRepository<Item> {
  readonly #items = new Map<string, Item>();
  get(id: string) {
    return this.#items.get(id);
  }
  save(item: Item) {
    this.#items.set(item.id, item);
  }
}

describe('TypeScript abstract: enforced by the compiler', () => {
  it('refuses `new` on the abstract class', () => {
    // @ts-expect-error — Cannot create an instance of an abstract class.
    const make = () => new NaiveRepository<Item>();
    // ...but only at compile time: the emitted JavaScript has no abstract, so the call succeeds.
    expect(make()).toBeInstanceOf(NaiveRepository);
  });

  it('refuses a subclass that leaves an abstract member out', () => {
    // @ts-expect-error — Non-abstract class does not implement inherited abstract member 'save'.
    class Incomplete extends NaiveRepository<Item> {
      get(_id: string) {
        return undefined;
      }
    }
    expect(new Incomplete().get('x')).toBeUndefined();
    // Python's ABCMeta would refuse this instance; here the hole shows only when save is called.
    expect(() => (new Incomplete() as unknown as ItemRepository).save({ id: 'a', name: 'A' })).toThrow(
      TypeError,
    );
  });

  it('the concrete subclass gets the shared behaviour for free', () => {
    const repo = new ItemRepository();
    repo.save({ id: 'a', name: 'Apple' });
    expect(repo.getOrThrow('a')).toEqual({ id: 'a', name: 'Apple' });
    expect(() => repo.getOrThrow('b')).toThrow(new NotFoundError('no entity with id "b"'));
    expect(new NotFoundError('x').name).toBe('NotFoundError');
    expect(repo).toBeInstanceOf(NaiveRepository);
  });
});

describe('at run time, abstract is erased: Reflect.construct builds the base', () => {
  it('a naive abstract class is constructed, and fails only when an abstract method is called', () => {
    const instance = Reflect.construct(NaiveRepository, []) as NaiveRepository<Item>;
    expect(instance).toBeInstanceOf(NaiveRepository);
    expect(() => instance.getOrThrow('a')).toThrow('this.get is not a function');
  });

  it('the guarded Repository refuses direct construction with new.target', () => {
    expect(() => Reflect.construct(Repository, [])).toThrow(
      new TypeError("Can't instantiate abstract class Repository"),
    );
    const cast = Repository as unknown as new () => Repository<Item>;
    expect(() => new cast()).toThrow("Can't instantiate abstract class Repository");
  });

  it('the guarded Repository refuses, at construction, a subclass missing methods (as ABCMeta does)', () => {
    const Partial = class PartialRepo extends (Repository as unknown as new () => object) {
      get() {
        return undefined;
      }
    };
    expect(() => new Partial()).toThrow(
      new TypeError(
        "Can't instantiate abstract class PartialRepo without an implementation for 'save', 'delete'",
      ),
    );
  });

  it('a method given as an arrow-function field counts as missing: fields are set after the base constructor', () => {
    class FieldRepo extends InMemoryRepository<Item> {}
    expect(new FieldRepo()).toBeInstanceOf(Repository);
    // tsc accepts a field implementing an abstract method; only the run-time check sees the gap.
    class ArrowRepo extends Repository<Item> {
      get = (_id: string): Item | undefined => undefined;
      save(_item: Item): void {}
      delete(_id: string): boolean {
        return false;
      }
    }
    expect(() => new ArrowRepo()).toThrow("without an implementation for 'get'");
  });

  it('a complete subclass works, with the template methods built on the abstract ones', () => {
    const repo = new InMemoryRepository<Item>();
    expect(
      repo.saveAll([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]),
    ).toBe(2);
    expect(repo.saveAll([])).toBe(0);
    expect(repo.getOrThrow('b').name).toBe('B');
    expect([repo.delete('a'), repo.delete('a')]).toEqual([true, false]);
    expect(() => repo.getOrThrow('a')).toThrow(NotFoundError);
    expect(repo.get('\u0000')).toBeUndefined();
    expect(() => repo.getOrThrow('x'.repeat(10_000))).toThrow(`no entity with id "${'x'.repeat(10_000)}"`);
  });

  it('instanceof works for an abstract class, because the class exists at run time', () => {
    const repo: unknown = new InMemoryRepository<Item>();
    expect(repo instanceof Repository).toBe(true);
    expect({ get() {}, save() {}, delete() {} } instanceof Repository).toBe(false);
    // The class is a value as well as a type: instanceof narrows unknown to it.
    if (repo instanceof Repository) expectTypeOf(repo.getOrThrow).toBeFunction();
    else expect.unreachable();
  });
});
