import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'required-in-request-vs-response',
      prompt:
        'The same change, "field a becomes required", on a request body and on a response body. How is each classified?',
      code: `import { diffSchemas } from './src/schema-diff.ts';

const before = { type: 'object', properties: { a: { type: 'string' } } };
const after = { ...before, required: ['a'] };
console.log(diffSchemas(before, after, 'request')[0]?.classification);
console.log(diffSchemas(before, after, 'response')[0]?.classification);`,
      output: 'breaking\nadditive',
      explain:
        'Compatibility depends on who reads the data. Old clients send requests without a, so requiring it breaks them; a response that now always carries a only gives readers more.',
      see: { section: 'checker', file: 'src/schema-diff.ts' },
    },
    {
      id: 'rename-is-removal',
      prompt: 'A response field is renamed from name to fullName. What does the checker report?',
      code: `import { diffSchemas } from './src/schema-diff.ts';

const before = { type: 'object', properties: { name: { type: 'string' } } };
const after = { type: 'object', properties: { fullName: { type: 'string' } } };
for (const c of diffSchemas(before, after, 'response')) console.log(c.location, c.classification);`,
      output: '.name breaking\n.fullName additive',
      explain:
        'A rename is a removal plus an addition: clients reading name now get undefined. The compatible way is to add fullName, keep sending name, and remove it only in the next major version.',
      see: { section: 'checker', file: 'src/schema-diff.ts' },
    },
    {
      id: 'sunset-date-format',
      prompt: 'Which of these Sunset values does parseHttpDate accept?',
      code: `import { parseHttpDate } from './src/deprecation.ts';

for (const v of ['Fri, 01 Jan 2027 00:00:00 GMT', '2027-01-01T00:00:00Z', 'Thu, 01 Jan 2027 00:00:00 GMT', 'Sun, 31 Feb 2027 00:00:00 GMT']) {
  console.log(parseHttpDate(v) !== undefined);
}`,
      output: 'true\nfalse\nfalse\nfalse',
      explain:
        'Sunset is an HTTP-date (IMF-fixdate, what Date#toUTCString prints), not ISO 8601. 1 Jan 2027 is a Friday, so the Thursday is wrong, and 31 Feb does not exist: new Date would quietly roll it over, so the parser round-trips the value.',
      see: { section: 'deprecation', file: 'src/deprecation.ts' },
    },
    {
      id: 'enum-value-strict-client',
      prompt: 'v2 adds "owner" to a role enum in a response. Additive or breaking?',
      code: `import { diffSchemas } from './src/schema-diff.ts';

const before = { type: 'object', properties: { role: { type: 'string', enum: ['member', 'admin'] } } };
const after = { type: 'object', properties: { role: { type: 'string', enum: ['member', 'admin', 'owner'] } } };
console.log(diffSchemas(before, after, 'response')[0]?.classification);
console.log(diffSchemas(before, after, 'response', '', { strictClients: true })[0]?.classification);`,
      output: 'additive\nbreaking',
      explain:
        'The seed calls a new enum value safe because clients should handle unknown values. A client whose schema is a closed enum (z.enum, a generated TypeScript union with an exhaustive switch) throws on it, so say which clients you have.',
      see: { section: 'checker', file: 'src/schema-diff.ts' },
    },
  ],
});
