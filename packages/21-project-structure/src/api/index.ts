export { type AppOptions, type AppServices, createApp } from './app.ts';
export { type ErrorHandlerOptions, errorHandler } from './error-handler.ts';
export { ordersRouter } from './orders-router.ts';
export { HttpError, problemForError } from './problems.ts';
export { usersRouter } from './users-router.ts';
