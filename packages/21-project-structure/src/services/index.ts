export {
  ConflictError,
  DomainError,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from './errors.ts';
export { OrderService, type OrderServiceDeps } from './order-service.ts';
export { UserService, type UserServiceDeps } from './user-service.ts';
