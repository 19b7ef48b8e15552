/**
 * The users-and-orders API as a route table: the seed's URL design, one declaration per row. Nouns in
 * plural, the method says the action, the status code says the outcome.
 */
import type pg from 'pg';
import { ApiError } from './errors.ts';
import { hashPassword } from './password.ts';
import { defineRoute, type Route } from './route.ts';
import {
  IdParams,
  OrderList,
  PageQuery,
  User,
  UserCreate,
  UserList,
  UserListQuery,
  UserPatch,
  UserReplace,
} from './schemas.ts';
import {
  deleteUser,
  findUser,
  insertUser,
  listOrders,
  listUsers,
  patchUser,
  replaceUser,
} from './users-repository.ts';

/** Every route lives under this prefix; a breaking change gets /api/v2 (topic 38). */
export const API_PREFIX = '/api/v1';

const userNotFound = (id: number) => new ApiError(404, 'not_found', `user ${id} does not exist`);

/** The routes of the API, bound to a pool. `createApp` mounts them; `buildOpenApi` documents them. */
export function userRoutes(pool: pg.Pool): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: `${API_PREFIX}/users`,
      operationId: 'listUsers',
      summary: 'List users, a page at a time, optionally by role',
      tags: ['users'],
      query: UserListQuery,
      responses: { 200: { description: 'One page of users', schema: UserList } },
      errors: [400],
    }).handle(async ({ query }) => {
      const { page, page_size, role } = query;
      const { items, total } = await listUsers(pool, { page, pageSize: page_size, role });
      return { status: 200, body: { items, total, page, page_size } };
    }),

    defineRoute({
      method: 'post',
      path: `${API_PREFIX}/users`,
      operationId: 'createUser',
      summary: 'Create a user',
      tags: ['users'],
      body: UserCreate,
      responses: {
        201: {
          description: 'Created; Location is the new user’s URL',
          schema: User,
          headers: { Location: 'URL of the created user' },
        },
      },
      errors: [400, 409, 413, 415, 422],
    }).handle(async ({ body }) => {
      const { password, ...fields } = body;
      const row = await insertUser(pool, { ...fields, passwordHash: await hashPassword(password) });
      // Handing over the whole row is safe: the User schema is an allow-list and drops password_hash.
      return { status: 201, headers: { Location: `${API_PREFIX}/users/${row.id}` }, body: row };
    }),

    defineRoute({
      method: 'get',
      path: `${API_PREFIX}/users/{id}`,
      operationId: 'getUser',
      summary: 'Get one user',
      tags: ['users'],
      params: IdParams,
      responses: { 200: { description: 'The user', schema: User } },
      errors: [400, 404],
    }).handle(async ({ params }) => {
      const row = await findUser(pool, params.id);
      if (!row) throw userNotFound(params.id);
      return { status: 200, body: row };
    }),

    defineRoute({
      method: 'put',
      path: `${API_PREFIX}/users/{id}`,
      operationId: 'replaceUser',
      summary: 'Replace a user’s writable fields (all of them are required)',
      tags: ['users'],
      params: IdParams,
      body: UserReplace,
      responses: { 200: { description: 'The user after the replacement', schema: User } },
      errors: [400, 404, 409, 413, 415, 422],
    }).handle(async ({ params, body }) => {
      const row = await replaceUser(pool, params.id, body);
      if (!row) throw userNotFound(params.id);
      return { status: 200, body: row };
    }),

    defineRoute({
      method: 'patch',
      path: `${API_PREFIX}/users/{id}`,
      operationId: 'updateUser',
      summary: 'Change some of a user’s fields; the others keep their values',
      tags: ['users'],
      params: IdParams,
      body: UserPatch,
      // A plain JSON object is also a JSON Merge Patch document when no field is nullable.
      bodyTypes: ['application/json', 'application/merge-patch+json'],
      responses: { 200: { description: 'The user after the change', schema: User } },
      errors: [400, 404, 409, 413, 415, 422],
    }).handle(async ({ params, body }) => {
      const row = await patchUser(pool, params.id, body);
      if (!row) throw userNotFound(params.id);
      return { status: 200, body: row };
    }),

    defineRoute({
      method: 'delete',
      path: `${API_PREFIX}/users/{id}`,
      operationId: 'deleteUser',
      summary: 'Delete a user who has no orders',
      tags: ['users'],
      params: IdParams,
      responses: { 204: { description: 'Deleted; no body' } },
      errors: [400, 404, 409],
    }).handle(async ({ params }) => {
      if (!(await deleteUser(pool, params.id))) throw userNotFound(params.id);
      return { status: 204 };
    }),

    defineRoute({
      method: 'get',
      path: `${API_PREFIX}/users/{id}/orders`,
      operationId: 'listUserOrders',
      summary: 'List a user’s orders, a page at a time',
      tags: ['orders'],
      params: IdParams,
      query: PageQuery,
      responses: { 200: { description: 'One page of the user’s orders', schema: OrderList } },
      errors: [400, 404],
    }).handle(async ({ params, query }) => {
      const { page, page_size } = query;
      const result = await listOrders(pool, params.id, { page, pageSize: page_size });
      if (!result) throw userNotFound(params.id);
      return { status: 200, body: { ...result, page, page_size } };
    }),
  ];
}
