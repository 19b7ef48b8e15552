/**
 * The public API of the users-and-orders service, layer by layer (api → services → repositories → models),
 * plus the composition root and the architecture checker. Topics 23 and 29 import it as
 * `@lab/project-structure`; inside `src/` no file imports this barrel (see the architecture test).
 */
export * from './api/index.ts';
export * from './architecture/index.ts';
export { composeServices, createPostgresService, type Services } from './compose.ts';
export * from './models/index.ts';
export * from './repositories/index.ts';
export * from './services/index.ts';
