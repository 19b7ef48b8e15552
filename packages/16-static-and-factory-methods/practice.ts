import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'static-counter-shadowed',
      prompt: 'A static counter is incremented through `this`. What does each class report?',
      code: `class Base {
  static count = 0;
  static create() {
    this.count++;
    return new this();
  }
}
class Child extends Base {}

Base.create();
Child.create();
Child.create();
console.log(Base.count, Child.count, Object.hasOwn(Child, 'count'));`,
      output: '1 3 true',
      explain:
        "Child.count first reads Base's 1 through the constructors' prototype chain, then the write creates Child's own count (2, then 3). Python's cls.count += 1 does exactly the same; name the owning class (Base.count++) for one shared counter.",
      see: { section: 'static-inheritance', file: 'src/static-state.ts' },
    },
    {
      id: 'detached-static-factory',
      prompt: 'A static factory is passed to map directly. What happens?',
      code: `class Point {
  constructor(readonly x: number) {}
  static of(x: number) {
    return new this(x);
  }
}
const points = [1, 2].map((x) => Point.of(x));
console.log(points[1] instanceof Point);
try {
  [1, 2].map(Point.of);
} catch (error) {
  console.log((error as Error).message);
}`,
      output: 'true\nthis is not a constructor',
      explain:
        'this is decided by the call: Point.of(x) sets it to Point, but map calls the bare function, so this is undefined. TypeScript allows it because of() declares no this parameter; wrap it in an arrow or bind(Point).',
      see: { section: 'detached', file: 'src/model.ts' },
    },
    {
      id: 'hard-coded-class-in-factory',
      prompt: 'Two factories on a base class, called on a subclass. What do they build?',
      code: `class Shape {
  static create() {
    return new Shape();
  }
  static make() {
    return new this();
  }
}
class Circle extends Shape {}
console.log(Circle.create() instanceof Circle, Circle.make() instanceof Circle);
console.log(Circle.make().constructor.name);`,
      output: 'false true\nCircle',
      explain:
        'A factory that names its class always builds that class, like a @staticmethod that calls Shape(). new this() builds whatever class the method was called on, like cls() in a @classmethod.',
      see: { section: 'subclass-aware', file: 'src/model.ts' },
    },
    {
      id: 'private-constructor-erased',
      prompt: 'The constructor is private in TypeScript. Can other code still build an instance at run time?',
      code: `class Token {
  private constructor(readonly value: string) {}
  static issue() {
    return new Token('issued');
  }
}
const Forge = Token as unknown as new (value: string) => Token;
const forged = new Forge('forged');
console.log(forged.value, forged instanceof Token);`,
      output: 'forged true',
      explain:
        'private, like every TypeScript modifier, is checked by the compiler and erased from the JavaScript. A run-time guard needs something outside code cannot get, such as a module-private token (src/temperature.ts).',
      see: { section: 'factories', file: 'src/temperature.ts' },
    },
    {
      id: 'statics-live-on-the-class',
      prompt: 'Where do static members live, and how does an instance reach them?',
      code: `import { User } from './src/model.ts';

const user = User.fromJSON('{"email":"a@b.c"}');
console.log(typeof (user as unknown as { fromJSON?: unknown }).fromJSON);
console.log((user.constructor as typeof User).required.join(','));
console.log(Object.getPrototypeOf(User).name);`,
      output: 'undefined\nemail\nModel',
      explain:
        "Statics are properties of the constructor, not of the prototype instances inherit from, so user.fromJSON does not exist (Python would find a classmethod through the instance). user.constructor reaches the class; the subclass constructor's own prototype is the parent constructor.",
      see: { section: 'static-inheritance', file: 'src/model.ts' },
    },
  ],
});
