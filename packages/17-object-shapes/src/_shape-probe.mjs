// Runs in a child process started with --allow-natives-syntax (src/shape-probe.ts). `%HaveSameMap` is not
// JavaScript: it parses only under that flag, so the two intrinsics are compiled from strings here and the
// rest of the file stays plain JavaScript that any tool can read. Prints one JSON array of findings.

const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)');

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}

class LazyPoint {
  constructor(x, y, withLabel) {
    this.x = x;
    if (withLabel) this.label = 'p';
    this.y = y;
  }
}

class SealedPoint {
  constructor(x, y) {
    this.x = x;
    this.y = y;
    Object.seal(this);
  }
}

const a = new Point(1.5, 2.5);
const b = new Point(3.5, 4.5);
const late = new Point(1.5, 2.5);
late.z = 3.5;
const deletedMiddle = new Point(1.5, 2.5);
delete deletedMiddle.x;
const deletedLast = new Point(1.5, 2.5);
delete deletedLast.y;
const onlyX = new Point(1.5, 2.5);
onlyX.y = undefined;
const record = { id: 0, x: 1.5, y: 2.5 };
delete record.id;
const manyKeys = {};
for (let i = 0; i < 2000; i++) manyKeys[`k${i}`] = i;

const findings = [
  ['same-class', 'two Points built by the constructor share a map', haveSameMap(a, b)],
  ['literal-order', '{ x, y } and { y, x } share a map', haveSameMap({ x: 1, y: 2 }, { y: 2, x: 1 })],
  ['class-vs-literal', 'a Point and a { x, y } literal share a map', haveSameMap(a, { x: 1.5, y: 2.5 })],
  [
    'conditional-field',
    'LazyPoint with and without a label share a map',
    haveSameMap(new LazyPoint(1, 2, true), new LazyPoint(1, 2, false)),
  ],
  ['added-later', 'a Point given a z after construction keeps the map', haveSameMap(a, late)],
  ['added-later-fast', 'a Point given a z later still has fast properties', hasFastProperties(late)],
  ['delete-middle-fast', 'a Point after delete p.x has fast properties', hasFastProperties(deletedMiddle)],
  [
    'delete-first-literal-fast',
    '{ id, x, y } after delete r.id has fast properties',
    hasFastProperties(record),
  ],
  [
    'delete-last-fast',
    'a Point after delete p.y (the last added) has fast properties',
    hasFastProperties(deletedLast),
  ],
  ['undefined-instead', 'a Point after p.y = undefined keeps the map', haveSameMap(a, onlyX)],
  [
    'many-keys-fast',
    'an object given 2,000 keys one by one has fast properties',
    hasFastProperties(manyKeys),
  ],
  [
    'sealed-fast',
    'a sealed Point (Object.seal in the constructor) has fast properties',
    hasFastProperties(new SealedPoint(1.5, 2.5)),
  ],
  [
    'sealed-same',
    'two sealed Points share a map',
    haveSameMap(new SealedPoint(1.5, 2.5), new SealedPoint(3.5, 4.5)),
  ],
].map(([id, question, answer]) => ({ id, question, answer }));

process.stdout.write(`${JSON.stringify(findings)}\n`);
