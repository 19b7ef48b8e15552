import { describe, expect, expectTypeOf, it } from 'vitest';
import { Model, Product, User } from '../src/model.ts';
import { Temperature } from '../src/temperature.ts';

describe('static factories that follow `this` (classmethod)', () => {
  it('fromJSON called on a subclass builds that subclass', () => {
    const user = User.fromJSON('{"email":"ada@example.com"}');
    expect(user).toBeInstanceOf(User);
    expect(user.constructor).toBe(User);
    expect(user.email).toBe('ada@example.com');
    expectTypeOf(user).toEqualTypeOf<User>();

    const product = Product.fromJSON('{"sku":"A1","price":9.5}');
    expect(product).toBeInstanceOf(Product);
    expect(product).not.toBeInstanceOf(User);
    expect(product.price).toBe(9.5);
  });

  it('fromCSV builds one instance of the called class per data row, in order', () => {
    const products = Product.fromCSV('sku,price\nA1, 9.5\nB2,12\n');
    expect(products.map((p) => p.constructor)).toEqual([Product, Product]);
    expect(products.map((p) => [p.get('sku'), p.price])).toEqual([
      ['A1', 9.5],
      ['B2', 12],
    ]);
    expectTypeOf(products).toEqualTypeOf<Product[]>();
    expect(User.fromCSV('email\n')).toEqual([]);
    // Header names and cells are trimmed; a short row leaves its missing cells empty.
    const [user] = User.fromCSV(' email , name \n  a@b.c  ');
    expect([user?.email, user?.get('name')]).toEqual(['a@b.c', '']);
  });

  it("validates with the called class's own static data", () => {
    expect(() => User.fromJSON('{"name":"ada"}')).toThrow('User needs email');
    expect(() => Product.fromCSV('sku\nA1')).toThrow('Product needs price');
    expect(() => Product.fromJSON('{}')).toThrow('Product needs sku, price');
    expect(Model.fromJSON('{"anything":1}')).toBeInstanceOf(Model);
  });

  it('a factory that names the class instead of `this` builds the base class and skips subclass checks', () => {
    const user = User.fromJSONHardCoded('{"name":"no email"}');
    expect(user.constructor).toBe(Model);
    expect(user).not.toBeInstanceOf(User);
  });

  it('refuses JSON that is not an object', () => {
    for (const json of ['[1,2]', 'null', '5', '"text"'])
      expect(() => User.fromJSON(json), json).toThrow(`expected a JSON object, got ${json}`);
    const long = `[${'1,'.repeat(50)}1]`;
    expect(() => User.fromJSON(long)).toThrow(
      new TypeError(`expected a JSON object, got ${long.slice(0, 40)}`),
    );
    expect(() => User.fromJSON('{')).toThrow(SyntaxError);
  });

  it('detached, it has no class to build: `this` is undefined', () => {
    const { fromJSON } = User;
    expect(() => fromJSON.call(undefined as never, '{"email":"x"}')).toThrow(TypeError);
    // The fixes: an arrow keeps the call on User (and its types); bind fixes `this` at run time.
    const rows = ['{"email":"a"}', '{"email":"b"}'];
    expect(rows.map((j) => User.fromJSON(j).email)).toEqual(['a', 'b']);
    expect(rows.map(User.fromJSON.bind(User)).every((u) => u instanceof User)).toBe(true);
  });
});

describe('Temperature: private constructor, named factories', () => {
  it('every factory lands on the same kelvin value', () => {
    expect(Temperature.fromCelsius(100).kelvin).toBeCloseTo(373.15, 9);
    expect(Temperature.fromFahrenheit(212).kelvin).toBeCloseTo(373.15, 9);
    expect(Temperature.fromKelvin(373.15).toCelsius()).toBe(100);
    expect(Temperature.fromCelsius(37).toFahrenheit()).toBe(98.6);
    expect(String(Temperature.fromCelsius(20))).toBe('20°C');
  });

  it('validates once, in the constructor, for every factory', () => {
    expect(() => Temperature.fromKelvin(-1)).toThrow(RangeError);
    expect(() => Temperature.fromCelsius(-300)).toThrow(/absolute zero/);
    expect(() => Temperature.fromFahrenheit(Number.NaN)).toThrow(RangeError);
    expect(Temperature.fromKelvin(0).kelvin).toBe(0);
  });

  it('parse picks the factory from the unit', () => {
    expect(Temperature.parse('21.5C').toCelsius()).toBe(21.5);
    expect(Temperature.parse(' 70 f ').toFahrenheit()).toBe(70);
    expect(Temperature.parse('300K').kelvin).toBe(300);
    expect(Temperature.parse('-40C').toFahrenheit()).toBe(-40);
    expect(() => Temperature.parse('hot')).toThrow('not a temperature: "hot" (try "21.5C")');
    expect(() => Temperature.parse('21.5')).toThrow(SyntaxError);
    for (const text of ['x21C', '21Cx', '21.C'])
      expect(() => Temperature.parse(text), text).toThrow(SyntaxError);
    expect(Temperature.parse('21.55C').toCelsius()).toBe(21.55);
  });

  it('the constructor refuses callers outside the module even when the type check is bypassed', () => {
    const Unchecked = Temperature as unknown as new (...args: unknown[]) => Temperature;
    expect(() => new Unchecked(300)).toThrow('use Temperature.fromCelsius/fromFahrenheit/fromKelvin');
    expect(() => new Unchecked(Symbol('Temperature.construct'), 300)).toThrow(TypeError);
  });

  it('a static method that needs no `this` works detached, as a sort comparator', () => {
    const temps = ['30C', '10C', '20C'].map((t) => Temperature.parse(t));
    expect(temps.sort(Temperature.compare).map(String)).toEqual(['10°C', '20°C', '30°C']);
  });

  it('instance methods return new instances and leave the original alone', () => {
    const t = Temperature.fromCelsius(20);
    const warmer = t.warmer(5);
    expect([t.toCelsius(), warmer.toCelsius()]).toEqual([20, 25]);
    expect(warmer).toBeInstanceOf(Temperature);
    expect(() => t.warmer(-400)).toThrow(RangeError);
  });
});
