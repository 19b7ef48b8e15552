import { definePractice } from '@lab/common/practice';

export default definePractice({
  predict: [
    {
      id: 'strict-unknown-field',
      prompt: 'A client sends an extra field it hopes the server stores. What does the strict schema answer?',
      code: `import { fieldErrors } from './src/errors.ts';
import { UserCreate } from './src/schemas.ts';

const ok = UserCreate.safeParse({ name: ' Ada ', email: 'ada@example.com', password: 'long-enough' });
if (ok.success) console.log(ok.data.name, ok.data.role);

const sneaky = UserCreate.safeParse({
  name: 'Eve',
  email: 'eve@example.com',
  password: 'long-enough',
  is_admin: true,
});
if (!sneaky.success) console.log(JSON.stringify(fieldErrors('body', sneaky.error.issues)));`,
      output: 'Ada user\n[{"in":"body","path":"is_admin","message":"unknown field","code":"unknown_field"}]',
      explain:
        'A strict object refuses unknown keys (a plain z.object would silently drop them, and the client would never learn its field was ignored); the API answers 422 naming the field. Parsing also transforms: the name is trimmed and role gets its default.',
      see: { section: 'errors', file: 'src/schemas.ts' },
    },
    {
      id: 'put-vs-patch',
      prompt:
        'The same one-field body is sent as PUT and as PATCH, then an empty PATCH. Which ones validate?',
      code: `import { UserPatch, UserReplace } from './src/schemas.ts';

const body = { name: 'Ada King' };
const put = UserReplace.safeParse(body);
console.log('PUT', put.success || put.error.issues.map((i) => i.path.join('.')).join(','));
console.log('PATCH', UserPatch.safeParse(body).success);
const empty = UserPatch.safeParse({});
console.log('PATCH {}', empty.success || empty.error.issues[0]?.message);`,
      output: 'PUT email,role\nPATCH true\nPATCH {} send at least one field to change',
      explain:
        'PUT replaces the whole writable state, so every field is required (even role, which has a default on create: leaving it out must not quietly reset it). PATCH takes any non-empty subset; an empty one is refused rather than answered with a pointless 200.',
      see: { section: 'put-patch', file: 'src/schemas.ts' },
    },
    {
      id: 'one-url-per-id',
      prompt: 'Number() accepts all of these path segments. Which ones does the API take as a user id?',
      code: `import { IdParams } from './src/schemas.ts';

for (const id of ['7', '07', '1e3', '0x10', ' 7', '2147483648']) {
  const parsed = IdParams.safeParse({ id });
  console.log(JSON.stringify(id), Number(id), parsed.success ? parsed.data.id : 'refused');
}`,
      output:
        '"7" 7 7\n"07" 7 refused\n"1e3" 1000 refused\n"0x10" 16 refused\n" 7" 7 refused\n"2147483648" 2147483648 refused',
      explain:
        'Number() reads exponents, hex and padding, so /users/1e3 and /users/1000 would be one resource under two URLs (and caches would hold it twice). Digits only, no leading zero, and at most PostgreSQL’s int4 maximum, or the query itself fails with a 500.',
      see: { section: 'errors', file: 'src/schemas.ts' },
    },
    {
      id: 'unknown-error-500',
      prompt: 'Two errors reach the error middleware. What does each client receive?',
      code: `import { ApiError, toErrorReply } from './src/errors.ts';

const known = toErrorReply(new ApiError(404, 'not_found', 'user 9 does not exist'));
console.log(known.status, known.body.code, '·', known.body.detail, '·', known.internal);

const bug = toErrorReply(new TypeError("Cannot read properties of undefined (reading 'rows')"));
console.log(bug.status, bug.body.code, '·', bug.body.detail, '·', bug.internal);`,
      output:
        '404 not_found · user 9 does not exist · false\n500 internal_error · the server failed to handle this request · true',
      explain:
        'An error that knows its answer is sent as it is. Anything unrecognised is a bug: the client gets a fixed 500 that reveals nothing about the code or the database, and internal: true tells the middleware to log the original instead.',
      see: { section: 'errors', file: 'src/errors.ts' },
    },
    {
      id: 'constraint-not-sqlstate',
      prompt:
        'Two unique violations (SQLSTATE 23505) from PostgreSQL, on different indexes. How are they answered?',
      code: `import pg from 'pg';
import { toErrorReply } from './src/errors.ts';

const violation = (constraint: string) => {
  const error = new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error');
  error.code = '23505';
  error.constraint = constraint;
  return error;
};
for (const constraint of ['users_email_lower_key', 'users_api_key_key']) {
  const answer = toErrorReply(violation(constraint));
  console.log(constraint, answer.status, answer.body.code);
}`,
      output: 'users_email_lower_key 409 email_taken\nusers_api_key_key 500 internal_error',
      explain:
        'The mapping matches the constraint name, not just the SQLSTATE: a unique violation on some other index is not "email taken", and saying so would mislead the client. An unmapped one is a 500 to investigate, with the driver message (which names tables and values) kept out of the response.',
      see: { section: 'race', file: 'src/errors.ts' },
    },
  ],
});
