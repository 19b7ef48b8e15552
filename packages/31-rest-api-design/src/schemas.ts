/**
 * Every request and response shape of the API, as zod schemas. They are the single source for runtime
 * validation, for the TypeScript types of the handlers, and for the OpenAPI document (see openapi.ts).
 *
 * Requests are strict: an unknown field is a 422 (or a 400 in the query string), never silently dropped.
 * Responses strip: whatever the handler hands over, only the fields listed here leave the process.
 */
import { z } from 'zod';

/** PostgreSQL `integer` is 4 bytes; an id above this would make the driver throw, so it is rejected first. */
export const INT4_MAX = 2_147_483_647;
/** The largest page a client may ask for: unbounded lists are a denial of service waiting to happen. */
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;
/** OFFSET pagination reads and discards every skipped row, so deep pages are capped (keyset beyond that). */
export const PAGE_MAX = 1000;

export const ROLES = ['user', 'admin'] as const;
export const Role = z.enum(ROLES).describe('What the user may do.');
export type Role = z.infer<typeof Role>;

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'] as const;

/**
 * Components of the OpenAPI document, one registry per direction: request bodies are documented as the
 * client sends them (zod's input side: defaults are optional), responses as the server sends them.
 */
export const requestComponents = z.registry<{ id: string }>();
export const responseComponents = z.registry<{ id: string }>();

// Path and query values are strings on the wire. Digits-only first, then a number: `Number()` alone would
// accept '0x10', '1e3' and ' 7', giving one resource several URLs.
const digits = (what: string) => z.string().regex(/^[0-9]{1,10}$/, `${what} must be a whole number`);

const queryInt = (name: string, min: number, max: number) =>
  digits(name).pipe(z.coerce.number<string>().int().min(min).max(max));

/** `{id}` in a path: a positive 4-byte integer written without sign, leading zeros or exponent. */
export const IdParams = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'id must be a positive whole number')
    .pipe(z.coerce.number<string>().int().min(1).max(INT4_MAX))
    .describe('Server-assigned identifier.'),
});

const pageFields = {
  page: queryInt('page', 1, PAGE_MAX).default(1).describe('1-based page number.'),
  page_size: queryInt('page_size', 1, PAGE_SIZE_MAX)
    .default(PAGE_SIZE_DEFAULT)
    .describe(`Items per page, at most ${PAGE_SIZE_MAX}.`),
};

export const UserListQuery = z.strictObject({
  ...pageFields,
  role: Role.optional().describe('Only users with this role.'),
});
export type UserListQuery = z.output<typeof UserListQuery>;

export const PageQuery = z.strictObject(pageFields);
export type PageQuery = z.output<typeof PageQuery>;

/**
 * A string PostgreSQL can store as sent. `text` refuses U+0000 (SQLSTATE 22021: a 500 if it got that far),
 * and the driver encodes a lone surrogate as U+FFFD, so the stored value would silently differ from the
 * request (and two different passwords would hash alike). Both are refused here, naming the field.
 */
const storableString = () =>
  z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain the NUL character (U+0000)')
    .refine((value) => value.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)');

const Name = storableString().trim().min(1).max(100);
// Stored as given, compared case-insensitively by the unique index on lower(email).
const Email = z.email().max(254);

/** POST body. `password` is write-only: it is hashed on the way in and never part of a response. */
export const UserCreate = z
  .strictObject({
    name: Name,
    email: Email,
    password: storableString().min(8).max(128),
    role: Role.default('user'),
  })
  .describe('A new user. Unknown fields are rejected.');
requestComponents.add(UserCreate, { id: 'UserCreate' });
export type UserCreate = z.output<typeof UserCreate>;

/**
 * PUT body: the complete writable state. Every field is required, including `role`, which has a default
 * on create: PUT replaces, so leaving a field out must not quietly reset or keep it.
 */
export const UserReplace = z
  .strictObject({ name: Name, email: Email, role: Role })
  .describe('The full writable state of a user (PUT replaces it).');
requestComponents.add(UserReplace, { id: 'UserReplace' });
export type UserReplace = z.output<typeof UserReplace>;

/**
 * PATCH body: any non-empty subset of the writable fields. `null` is refused: none of these fields is
 * nullable, and in JSON Merge Patch (RFC 7396) null would mean "remove the field".
 */
export const UserPatch = UserReplace.partial()
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change')
  .meta({ minProperties: 1, description: 'Fields to change; the others keep their values.' });
requestComponents.add(UserPatch, { id: 'UserPatch' });
export type UserPatch = z.output<typeof UserPatch>;

const Id = z.int32().min(1);
// node-postgres gives a `Date`; the wire carries an ISO 8601 string in UTC. The input side of the schema is
// what handlers return, the output side (after the pipe) is what clients receive and what the docs show.
const Timestamp = z
  .date()
  .transform((date) => date.toISOString())
  .pipe(z.iso.datetime());

/** A user as the API shows it: an allow-list. password_hash and flagged_for_review stay in the database. */
export const User = z
  .object({
    id: Id,
    name: z.string(),
    // Plain string with a format hint: a stricter regex here would turn a legacy address into a 500 on read.
    email: z.string().meta({ format: 'email' }),
    role: Role,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .describe('A user.');
responseComponents.add(User, { id: 'User' });
export type User = z.output<typeof User>;

const pageMeta = {
  total: z.int().min(0).describe('Items matching the filter, on every page.'),
  page: z.int().min(1),
  page_size: z.int().min(1).max(PAGE_SIZE_MAX),
};

export const UserList = z.object({ items: z.array(User), ...pageMeta }).describe('One page of users.');
responseComponents.add(UserList, { id: 'UserList' });

/** An order as the API shows it; the payment processor's reference is internal. */
export const Order = z
  .object({
    id: Id,
    user_id: Id,
    status: z.enum(ORDER_STATUSES),
    total_cents: z.int().min(0).describe('Integer minor units: money is never a float.'),
    currency: z.string().length(3),
    created_at: Timestamp,
  })
  .describe('An order.');
responseComponents.add(Order, { id: 'Order' });

export const OrderList = z
  .object({ items: z.array(Order), ...pageMeta })
  .describe("One page of a user's orders.");
responseComponents.add(OrderList, { id: 'OrderList' });

/** Where a request went wrong: `in` says which part of the request, `path` the field inside it. */
export const FieldError = z.object({
  in: z.enum(['path', 'query', 'body']),
  path: z.string().describe('Dotted path of the field; empty for the value as a whole.'),
  message: z.string(),
  code: z.string(),
});
export type FieldError = z.output<typeof FieldError>;

/** The one error format of the API, for every 4xx and 5xx. */
export const ErrorBody = z
  .object({
    type: z.string().describe('RFC 9457 problem type; `about:blank`: the status says it all.'),
    title: z.string().describe("The status code's reason phrase."),
    status: z
      .number()
      .int()
      .min(400)
      .max(599)
      .describe('The HTTP status, repeated for clients that lose it.'),
    detail: z.string().describe('Human-readable; may change wording between releases.'),
    code: z.string().describe('Machine-readable and stable: branch on this, not on detail.'),
    errors: z.array(FieldError).optional(),
  })
  .describe('Every error answer has this shape: RFC 9457 problem details (`@lab/common/problem`).');
responseComponents.add(ErrorBody, { id: 'Error' });
export type ErrorBody = z.output<typeof ErrorBody>;
