import { problemBody, sendProblem } from '@lab/common/problem';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import type { BackgroundTasks } from './after-response.ts';
import type { JobState } from './job.ts';
import type { RedisQueue } from './queue.ts';
import { reportRequest } from './report.ts';

export interface ReportsAppOptions {
  queue: RedisQueue;
  /** In-process work after the 202 (here: an audit line); best effort, see BackgroundTasks. */
  tasks?: BackgroundTasks;
  audit?: (event: { jobId: string; userId: string; replayed: boolean }) => Promise<void>;
  /** Errors that are the server's fault (Redis down), for the log; the client gets a problem body. */
  onError?: (error: unknown) => void;
}

/** Job ids are UUIDs here, or a caller's own id in this alphabet: anything else cannot name a job. */
const JOB_ID = /^[A-Za-z0-9:_-]{1,128}$/;
/** The IETF Idempotency-Key draft makes it a string; visible ASCII keeps it loggable and NUL-free. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const problem = (res: Response, status: number, code: string, detail: string, extra = {}) =>
  sendProblem(res, problemBody(status, code, detail, extra));

/** What `GET /jobs/:id` shows: the state a client can act on, nothing internal. */
const publicJob = (job: JobState) => ({
  id: job.id,
  status: job.status,
  attempts: job.attempts,
  maxAttempts: job.maxAttempts,
  createdAt: new Date(job.createdAt).toISOString(),
  ...(job.runAt !== undefined ? { runAt: new Date(job.runAt).toISOString() } : {}),
  ...(job.finishedAt !== undefined ? { finishedAt: new Date(job.finishedAt).toISOString() } : {}),
  ...(job.lastError !== undefined ? { lastError: job.lastError } : {}),
  ...(job.status === 'completed' ? { result: job.result } : {}),
});

async function postReport(options: ReportsAppOptions, req: Request, res: Response): Promise<void> {
  if (!req.is('application/json'))
    return problem(res, 415, 'unsupported_media_type', 'send the report request as application/json');
  const parsed = reportRequest.safeParse(req.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return problem(res, 400, 'invalid_report_request', 'the report request is not valid', { errors });
  }
  const key = req.get('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    return problem(res, 400, 'invalid_idempotency_key', 'Idempotency-Key is 1-255 visible ASCII characters');
  const { id, outcome } = await options.queue.enqueue(
    parsed.data,
    key === undefined ? {} : { idempotencyKey: key },
  );
  if (outcome === 'conflict')
    return problem(res, 422, 'idempotency_key_reused', 'this Idempotency-Key was used for another request', {
      jobId: id,
    });
  const replayed = outcome === 'replayed';
  if (replayed) res.setHeader('idempotent-replayed', 'true');
  res
    .status(202)
    .location(`/jobs/${id}`)
    .json({ jobId: id, status: 'accepted', statusUrl: `/jobs/${id}` });
  const { tasks, audit } = options;
  if (tasks && audit)
    tasks.after(res, 'audit', () => audit({ jobId: id, userId: parsed.data.userId, replayed }));
}

async function getJob(queue: RedisQueue, req: Request, res: Response): Promise<void> {
  const id = String(req.params.id);
  const job = JOB_ID.test(id) ? await queue.get(id) : undefined;
  if (!job) return problem(res, 404, 'job_not_found', 'no job has this id (or its record has expired)');
  res.json(publicJob(job));
}

/** Body-parser and router errors are the client's; anything else is ours (Redis unreachable: 503). */
function errorMiddleware(onError: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
    if (type === 'entity.parse.failed')
      return problem(res, 400, 'malformed_json', 'the body is not a JSON object');
    if (type === 'entity.too.large') return problem(res, 413, 'body_too_large', 'the body is over 16 KiB');
    if (typeof status === 'number' && status >= 400 && status < 500)
      return problem(res, status, 'bad_request', 'the request could not be read');
    onError(error);
    problem(res, 503, 'queue_unavailable', 'the job queue is unavailable; retry later', {
      retryAfterSeconds: 5,
    });
  };
}

/**
 * `POST /reports` → 202 with a job id and a Location to poll; `GET /jobs/:id` → the job's status. The
 * request handler only enqueues: the report is rendered by a worker process, so the API stays fast and a
 * crash of the API loses nothing that was accepted.
 */
export function createReportsApp(options: ReportsAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '16kb' }));
  app.post('/reports', (req, res) => postReport(options, req, res));
  app.get('/jobs/:id', (req, res) => getJob(options.queue, req, res));
  app.use((req, res) =>
    problem(res, 404, 'not_found', `no route for ${req.method} ${req.path.slice(0, 100)}`),
  );
  app.use(errorMiddleware(options.onError ?? (() => {})));
  return app;
}
