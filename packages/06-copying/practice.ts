import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'spread-shares-nested',
      prompt: 'A config is copied with a spread, then the copy is changed. What does the original hold now?',
      code: `const original = { name: 'api', db: { host: 'prod' } };
const copy = { ...original };
copy.name = 'test';
copy.db.host = 'localhost';
console.log(original.name, original.db.host);
console.log(copy.db === original.db);`,
      output: 'api localhost\ntrue',
      explain:
        'A spread copies one level: name is a new string slot in the copy, but db is the same object in both. Writing through copy.db changes the original, as with Python’s copy.copy or dict(x).',
      see: { section: 'shallow', file: 'src/shallow.ts' },
    },
    {
      id: 'json-round-trip-losses',
      prompt: 'The classic “deep copy” with JSON. What comes back?',
      code: `const original = { at: new Date(0), tags: new Set(['a']), gone: undefined, ratio: NaN };
const copy = JSON.parse(JSON.stringify(original));
console.log(typeof copy.at);
console.log(JSON.stringify(copy.tags));
console.log('gone' in copy, copy.ratio);`,
      output: 'string\n{}\nfalse null',
      explain:
        'JSON has no Date, Set, undefined or NaN: the Date becomes its ISO string, the Set an empty object, an undefined property disappears and NaN becomes null — all without an error.',
      see: { section: 'losses', file: 'src/deep.ts' },
    },
    {
      id: 'structured-clone-drops-class',
      prompt: 'Three copies of a class instance. Which of them are still an Account?',
      code: `import { deepClone } from './src/clone.ts';
import { Account } from './src/examples.ts';

const account = new Account('ada', 10);
const spread = { ...account };
const cloned = structuredClone(account);
const deep = deepClone(account);
console.log(spread instanceof Account, cloned instanceof Account, deep instanceof Account);
console.log(typeof cloned.deposit, deep.deposit(5));`,
      output: 'false false true\nundefined 15',
      explain:
        'Spread and structuredClone both build plain objects: the fields survive but the prototype, and with it every method, does not. deepClone in src/clone.ts keeps the prototype, so the copy still has deposit().',
      see: { section: 'losses', file: 'src/clone.ts' },
    },
    {
      id: 'shared-reference-stays-shared',
      prompt: 'One object is referenced twice, then the structure is deep-copied two ways. What prints?',
      code: `const shared = { n: 1 };
const pair = { a: shared, b: shared };

const cloned = structuredClone(pair);
cloned.a.n = 2;
console.log(cloned.b.n, pair.a.n);

const viaJson = JSON.parse(JSON.stringify(pair));
viaJson.a.n = 3;
console.log(viaJson.b.n);`,
      output: '2 1\n1',
      explain:
        'structuredClone copies each object once (like deepcopy’s memo), so a and b still point at one shared copy, and the original is untouched. JSON writes the object out twice and reads back two separate objects: the sharing is lost.',
      see: { section: 'levels', file: 'src/deep.ts' },
    },
    {
      id: 'private-field-copy',
      prompt: 'A class keeps its state in a #private field. What happens when a generic deep copy is used?',
      code: `import { deepClone } from './src/clone.ts';
import { Vault } from './src/examples.ts';

const copy = deepClone(new Vault('s3cret'));
console.log(copy instanceof Vault);
try {
  console.log(copy.reveal());
} catch (error) {
  console.log((error as Error).name);
}`,
      output: 'true\nTypeError',
      explain:
        'Private #fields cannot be read or created from outside the class, so the copy has the prototype but no #secret: any method that reads it throws a TypeError. The class must copy itself, with a [deepCloneHook] method (Python’s __deepcopy__).',
      see: { section: 'private-fields', file: 'src/examples.ts' },
    },
  ],
});
