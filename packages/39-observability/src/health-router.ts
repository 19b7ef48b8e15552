/**
 * `/health/live` answers from the process alone; `/health/ready` asks the dependencies. They are separate
 * because an orchestrator acts differently on each: a failed liveness probe restarts the process, a failed
 * readiness probe only takes it out of the load balancer.
 */
import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type Router } from 'express';
import type { Readiness } from './readiness.ts';

export function healthRouter(readiness: Readiness, { startedAt = Date.now() } = {}): Router {
  const router = express.Router();
  // Never a dependency here: a database outage is not fixed by restarting every API process at once.
  router.get('/health/live', (_req, res) => {
    res.set('cache-control', 'no-store').json({
      status: 'alive',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
  });
  router.get('/health/ready', async (_req, res) => {
    const state = await readiness.check();
    res.set('cache-control', 'no-store');
    if (state.ok) {
      res.json({ status: 'ready', checks: state.checks });
      return;
    }
    const failing = Object.entries(state.checks)
      .filter(([, r]) => r.status !== 'ok')
      .map(([name, r]) => `${name} ${r.status}${r.error ? ` (${r.error})` : ''}`);
    const detail = state.draining
      ? 'shutting down: not taking new traffic'
      : `not ready: ${failing.join('; ')}`;
    sendProblem(
      res,
      problemBody(503, state.draining ? 'draining' : 'dependency_unavailable', detail, {
        checks: state.checks,
      }),
      { 'retry-after': '5', 'cache-control': 'no-store' },
    );
  });
  return router;
}
