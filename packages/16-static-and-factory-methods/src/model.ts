/** The raw fields a record is built from: what JSON.parse or a CSV row gives you. */
export type Fields = Record<string, string | number | boolean | null>;

/** Any subclass constructor of Model: what `this` is inside Model's static methods. */
export type ModelClass<M extends Model> = { new (fields: Fields): M; readonly required: readonly string[] };

/**
 * A base class whose static factories build whichever class they are called on: `this` inside a static
 * method is the class before the dot, the way `cls` is in a `@classmethod`. `User.fromJSON(…)` makes a User,
 * `Product.fromJSON(…)` a Product, with no factory written twice.
 */
export class Model {
  /** Class-level data a subclass overrides; static methods read it through `this`, so they see the override. */
  static readonly required: readonly string[] = [];

  readonly fields: Fields;

  constructor(fields: Fields) {
    const required = (new.target as unknown as ModelClass<Model>).required;
    const missing = required.filter((name) => !(name in fields));
    if (missing.length > 0) throw new TypeError(`${new.target.name} needs ${missing.join(', ')}`);
    this.fields = fields;
  }

  /** Builds an instance of the class it is called on. The `this` parameter types the result accordingly. */
  static fromJSON<M extends Model>(this: ModelClass<M>, json: string): M {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new TypeError(`expected a JSON object, got ${json.slice(0, 40)}`);
    return new this(parsed as Fields);
  }

  /**
   * One instance per data row of a simple CSV (header row first, no quoted commas), of the class it is
   * called on. Numbers stay strings: the subclass decides what a column means.
   */
  static fromCSV<M extends Model>(this: ModelClass<M>, csv: string): M[] {
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    const names = (header ?? '').split(',').map((name) => name.trim());
    return rows.map((row) => {
      const cells = row.split(',');
      return new this(Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()])));
    });
  }

  /** The same factory written with the class name instead of `this`: subclasses get a plain Model. */
  static fromJSONHardCoded(json: string): Model {
    return new Model(JSON.parse(json) as Fields);
  }

  /** Instance method: reads this record's own data. */
  get(name: string): Fields[string] | undefined {
    return this.fields[name];
  }
}

export class User extends Model {
  static override readonly required = ['email'];

  get email(): string {
    return String(this.fields.email);
  }
}

export class Product extends Model {
  static override readonly required = ['sku', 'price'];

  get price(): number {
    return Number(this.fields.price);
  }
}
