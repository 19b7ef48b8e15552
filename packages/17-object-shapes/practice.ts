import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'declared-fields-fix-order',
      prompt: 'Both constructors assign y before x. In what order are the keys of each instance?',
      code: `class Declared {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.y = y;
    this.x = x;
  }
}
class Undeclared {
  constructor(x: number, y: number) {
    (this as Record<string, number>).y = y;
    (this as Record<string, number>).x = x;
  }
}
console.log(Object.keys(new Declared(1, 2)).join(','));
console.log(Object.keys(new Undeclared(1, 2)).join(','));`,
      output: 'x,y\ny,x',
      explain:
        'With a modern target TypeScript emits declared fields as class fields, defined (as undefined) before the constructor body runs, so the shape is x then y whatever the body does. Without declarations the order of assignment decides the hidden class.',
      see: { section: 'hidden-classes', file: 'src/points.ts' },
    },
    {
      id: 'undefined-is-not-delete',
      prompt:
        'To keep the object out of dictionary mode, y is set to undefined instead of deleted. What prints?',
      code: `const p: { x: number; y?: number } = { x: 1, y: 2 };
p.y = undefined;
console.log('y' in p, Object.keys(p).length);
console.log(JSON.stringify(p));`,
      output: 'true 2\n{"x":1}',
      explain:
        'The property still exists (same hidden class, fast properties), so `in` and Object.keys still see it; only JSON.stringify drops undefined values. Code that tests presence with `in` must test for undefined instead.',
      see: { section: 'dictionary-mode', file: 'src/_shape-probe.mjs' },
    },
    {
      id: 'sealed-refuses-in-modules',
      prompt: 'A sealed object is given a new field inside an ES module (this file). What prints?',
      code: `import { SealedPoint } from './src/points.ts';

const point = new SealedPoint(1, 2);
try {
  (point as unknown as Record<string, number>).z = 3;
  console.log('added');
} catch (error) {
  console.log((error as Error).name);
}
point.x = 10;
console.log(point.x, Object.keys(point).length);`,
      output: 'TypeError\n10 2',
      explain:
        'Modules are strict code, where writing a property an object cannot take throws instead of being ignored. Seal forbids new and deleted properties, not writes to existing ones.',
      see: { section: 'sealed', file: 'src/points.ts' },
    },
    {
      id: 'integer-keys-come-first',
      prompt: 'Keys were added in the order b, 2, a, 1. In what order does Object.keys list them?',
      code: `const o: Record<string, number> = {};
o.b = 1;
o[2] = 1;
o.a = 1;
o[1] = 1;
console.log(Object.keys(o).join(','));`,
      output: '1,2,b,a',
      explain:
        'Array-index keys are elements, kept apart from the named properties the hidden class describes, and listed first in ascending order; named keys follow in insertion order.',
      see: { section: 'hidden-classes', file: 'src/_shape-probe.mjs' },
    },
    {
      id: 'typed-array-coerces',
      prompt: 'A struct-of-arrays column is a Float64Array. What do these writes leave in it?',
      code: `const xs = new Float64Array(2);
xs[0] = Number('1.5');
xs[1] = Number(undefined);
(xs as unknown as number[])[5] = 7;
console.log(xs[0], xs[1], xs.length, xs[5]);`,
      output: '1.5 NaN 2 undefined',
      explain:
        'A typed array has a fixed length and holds only doubles: a write past the end is silently dropped (not an error, not growth), and NaN is stored like any other double. Columns need their own bounds checks, as PointColumns.push does.',
      see: { section: 'memory', file: 'src/points.ts' },
    },
  ],
});
