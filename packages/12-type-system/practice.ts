import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'cast-checks-nothing',
      prompt: 'A JSON body is “typed” with a cast, then used. What prints?',
      code: `interface Account { id: number; balance: number }

const account = JSON.parse('{"id":1,"balance":"100"}') as Account;
console.log(account.balance + 5);
console.log(typeof account.balance);`,
      output: '1005\nstring',
      explain:
        'Types are erased before the code runs, and `as` only tells the compiler to stop checking: nothing converts or verifies the string. `+` with a string concatenates. Validate with a schema at the boundary instead.',
      see: { section: 'erased', file: 'src/erasure.ts' },
    },
    {
      id: 'zod-object-strips',
      prompt: 'A plain z.object (not strict) parses a body with an extra key. What comes back?',
      code: `import { z } from 'zod';

const User = z.object({ name: z.string() });
const body = { name: 'ada', isAdmin: true };
const user = User.parse(body);
console.log(JSON.stringify(user));
console.log(user === body);`,
      output: '{"name":"ada"}\nfalse',
      explain:
        'z.object() strips unknown keys silently and returns a new object; z.strictObject() (used in src/schemas.ts) would reject isAdmin with an issue. Stripping is safe for responses, but on a request it hides a client’s typo.',
      see: { section: 'zod', file: 'src/schemas.ts' },
    },
    {
      id: 'coerce-empty-string',
      prompt: 'A query parameter is parsed as a number, two ways. What prints?',
      code: `import { z } from 'zod';

console.log(z.number().safeParse('36').success);
console.log(z.coerce.number().parse('36'));
console.log(z.coerce.number().parse(''));`,
      output: 'false\n36\n0',
      explain:
        'z.number() refuses a string outright. z.coerce.number() calls Number() first, and Number("") is 0, so an empty ?limit= becomes limit 0 without an error. Check the text (a digits regex) before coercing.',
      see: { section: 'zod', file: 'src/schemas.ts' },
    },
    {
      id: 'enum-reverse-mapping',
      prompt: 'A numeric TypeScript enum versus a literal union. What do the keys look like at run time?',
      code: `enum Mode { Read, Write }
const MODES = ['read', 'write'] as const;

console.log(Object.keys(Mode).join(','));
console.log(Mode[0], Mode.Write);
console.log(MODES.join(','));`,
      output: '0,1,Read,Write\nRead 1\nread,write',
      explain:
        'A numeric enum compiles to an object with a reverse mapping, so its keys include the numbers. An `as const` array gives the union type and a plain list for run-time checks, with nothing generated.',
      see: { section: 'literals', file: 'src/literals.ts' },
    },
    {
      id: 'lying-guard',
      prompt: 'A type guard checks only the first element. Which line fails, and how?',
      code: `function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && typeof value[0] === 'string';
}
const input: unknown = ['a', 2];
if (isStringArray(input)) {
  console.log('guard passed');
  try {
    console.log(input.map((s) => s.toUpperCase()));
  } catch (error) {
    console.log((error as Error).name);
  }
}`,
      output: 'guard passed\nTypeError',
      explain:
        'The compiler trusts a `value is T` signature without checking the body, so input is a string[] inside the if. The number reaches toUpperCase and throws a TypeError far from the faulty guard.',
      see: { section: 'guards', file: 'src/guards.ts' },
    },
  ],
});
