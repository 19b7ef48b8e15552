export { type AppOptions, createApp } from './app.ts';
export { bareExpressApp, bareNodeServer } from './baselines.ts';
export { migrate, type SeedOptions, seed } from './database.ts';
export { ApiError, type ErrorReply, fieldErrors, toErrorReply } from './errors.ts';
export { buildOpenApi, type JsonObject, type OpenApiDocument } from './openapi.ts';
export { hashPassword } from './password.ts';
export {
  defineRoute,
  expressPath,
  fallback,
  type Handler,
  type Method,
  type MountOptions,
  mountRoutes,
  type Outcome,
  type Reply,
  type ResponseSpec,
  type Route,
  type RouteSpec,
} from './route.ts';
export { API_PREFIX, userRoutes } from './routes.ts';
export * from './schemas.ts';
export {
  deleteUser,
  findUser,
  insertUser,
  listOrders,
  listUsers,
  type OrderRow,
  type Page,
  patchUser,
  replaceUser,
  SELECT_USER_BY_ID,
  type UserRow,
} from './users-repository.ts';
