export {
  type Brand,
  findOrder,
  InvalidIdError,
  type Order,
  type OrderId,
  orderIdSchema,
  ordersOf,
  parseOrderId,
  parseUserId,
  type UserId,
} from './brand.ts';
export { EmailNotifier, isNotifier, type Notifier, notifyAll, SmsGateway } from './notifier.ts';
export { foreignValues, structuralClass, twoCopiesOfAClass } from './realms.ts';
export {
  type Entity,
  InMemoryRepository,
  NaiveRepository,
  NotFoundError,
  Repository,
} from './repository.ts';
export { isUserDto, ROLES, type Role, User, type UserDto, userDtoProblems, userDtoSchema } from './user.ts';
