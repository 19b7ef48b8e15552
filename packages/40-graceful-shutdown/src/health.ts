import { problemBody, sendProblem } from '@lab/common/problem';
import { Router as createRouter, type Router } from 'express';
import type { Lifecycle } from './lifecycle.ts';

/**
 * The two probes. Liveness answers 200 while the process can answer at all: failing it gets the process
 * restarted, so it must not depend on the database. Readiness answers 503 from the first moment of a
 * shutdown, so the load balancer stops sending new requests before the listener closes.
 */
export function healthRoutes(lifecycle: Lifecycle): Router {
  const router = createRouter();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'alive' });
  });
  router.get('/health/ready', (_req, res) => {
    if (lifecycle.isReady()) {
      res.json({ status: 'ready' });
      return;
    }
    sendProblem(res, problemBody(503, 'shutting_down', 'this instance is shutting down; use another one'), {
      'retry-after': '1',
    });
  });
  return router;
}
