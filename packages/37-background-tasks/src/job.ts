/**
 * A job as the queue keeps it: one Redis hash per job, `<prefix>job:<id>`. The lists and sorted sets hold
 * only ids; the hash is the one place a job's status lives, so `GET /jobs/:id` is a single HGETALL.
 */
export const JOB_STATUSES = ['waiting', 'delayed', 'active', 'completed', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobState {
  id: string;
  status: JobStatus;
  /** The payload, as the producer sent it (JSON text). */
  payload: unknown;
  /** Reservations so far; a job that was never picked up has 0. */
  attempts: number;
  maxAttempts: number;
  /** Epoch milliseconds. */
  createdAt: number;
  /** When a delayed job (or a retry) becomes due, epoch ms; absent otherwise. */
  runAt?: number;
  finishedAt?: number;
  lastError?: string;
  /** What the handler returned (JSON), once completed. */
  result?: unknown;
}

/** A job a worker holds: its lease is the pair (id, attempt), so a stale holder cannot ack a newer one. */
export interface ReservedJob {
  id: string;
  payload: unknown;
  /** Which attempt this is, from 1. */
  attempt: number;
  maxAttempts: number;
  /** The lease runs out at this time (epoch ms) unless a heartbeat extends it. */
  deadline: number;
}

const isStatus = (value: string | undefined): value is JobStatus =>
  (JOB_STATUSES as readonly string[]).includes(value ?? '');

const optionalNumber = (value: string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value);

const parseJson = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text));

/** The hash as HGETALL returns it, typed; `undefined` for a job that does not exist (or has expired). */
export function parseJobHash(fields: Record<string, string>): JobState | undefined {
  const { id, status } = fields;
  if (id === undefined || !isStatus(status)) return undefined;
  const state: JobState = {
    id,
    status,
    payload: parseJson(fields.payload),
    attempts: Number(fields.attempts ?? 0),
    maxAttempts: Number(fields.maxAttempts),
    createdAt: Number(fields.createdAt),
  };
  const runAt = optionalNumber(fields.runAt);
  const finishedAt = optionalNumber(fields.finishedAt);
  if (runAt !== undefined) state.runAt = runAt;
  if (finishedAt !== undefined) state.finishedAt = finishedAt;
  if (fields.lastError !== undefined) state.lastError = fields.lastError;
  if (fields.result !== undefined) state.result = parseJson(fields.result);
  return state;
}
