import { Router } from 'express';
import type { UserService } from '../services/user-service.ts';
import { pathId } from './_params.ts';

/** POST /users and GET /users/:userId — HTTP in, service call, HTTP out; no rules live here. */
export function usersRouter(services: { users: UserService }): Router {
  const router = Router();
  router.post('/users', async (req, res) => {
    const user = await services.users.register(req.body);
    res.status(201).location(`/users/${user.id}`).json(user);
  });
  router.get('/users/:userId', async (req, res) => {
    res.json(await services.users.get(pathId(req.params.userId, 'userId')));
  });
  return router;
}
