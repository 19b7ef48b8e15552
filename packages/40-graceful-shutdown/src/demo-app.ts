import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { healthRoutes } from './health.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { PendingWork } from './pending-work.ts';

export interface DemoAppOptions {
  lifecycle: Lifecycle;
  work: PendingWork;
  /** Resolves when the test (or demo) releases `id`; `/slow/:id` and `/work/:id` wait on it. */
  latch: (id: string) => Promise<void>;
  onStarted?: (id: string) => void;
}

/** The ids a test names its held requests with. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A path Express cannot decode (`%ED%A0%80`, a lone surrogate as bytes) is the client's error: a 4xx. */
const problemOnError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return sendProblem(res, problemBody(status, 'bad_request', 'the request could not be read'));
  sendProblem(res, problemBody(500, 'internal_error', 'the server failed to answer'));
};

/**
 * A service to shut down: `/fast` answers at once, `/slow/:id` waits on a latch (an in-flight request),
 * `/hang` never answers (what the grace timeout is for), `/work/:id` answers 202 and keeps working in the
 * background, plus the two health probes.
 */
export function createDemoApp(options: DemoAppOptions): Express {
  const { lifecycle, work, latch, onStarted = () => {} } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(lifecycle));
  app.get('/fast', (_req, res) => {
    res.json({ ok: true, pid: process.pid });
  });
  app.get('/slow/:id', async (req, res) => {
    const id = String(req.params.id);
    if (!ID.test(id)) return sendProblem(res, problemBody(404, 'not_found', 'no such request id'));
    onStarted(id);
    await latch(id);
    res.json({ ok: true, id });
  });
  app.get('/hang', () => {
    onStarted('hang');
  });
  app.post('/work/:id', (req, res) => {
    const id = String(req.params.id);
    if (!ID.test(id)) return sendProblem(res, problemBody(404, 'not_found', 'no such work id'));
    work.start(async () => {
      onStarted(`work:${id}`);
      await latch(`work:${id}`);
    });
    res.status(202).json({ accepted: id });
  });
  app.use((req, res) => sendProblem(res, problemBody(404, 'not_found', `no route for ${req.method}`)));
  app.use(problemOnError);
  return app;
}
