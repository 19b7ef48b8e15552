import { Router } from 'express';
import type { OrderService } from '../services/order-service.ts';
import { pathId } from './_params.ts';

/** A user's orders (`/users/:userId/orders`) and one order (`/orders/:orderId`, its cancel action). */
export function ordersRouter(services: { orders: OrderService }): Router {
  const router = Router();
  router.post('/users/:userId/orders', async (req, res) => {
    const order = await services.orders.place(pathId(req.params.userId, 'userId'), req.body);
    res.status(201).location(`/orders/${order.id}`).json(order);
  });
  router.get('/users/:userId/orders', async (req, res) => {
    res.json({ orders: await services.orders.listForUser(pathId(req.params.userId, 'userId')) });
  });
  router.get('/orders/:orderId', async (req, res) => {
    res.json(await services.orders.get(pathId(req.params.orderId, 'orderId')));
  });
  router.post('/orders/:orderId/cancel', async (req, res) => {
    res.json(await services.orders.cancel(pathId(req.params.orderId, 'orderId')));
  });
  return router;
}
