export {
  MAX_LINES,
  MAX_ORDER_TOTAL_CENTS,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  NewOrder,
  NewOrderLine,
  ORDER_STATUSES,
  type Order,
  type OrderLine,
  type OrderStatus,
  orderTotalCents,
} from './order.ts';
export { safeText } from './text.ts';
export { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, NewUser, type User } from './user.ts';
