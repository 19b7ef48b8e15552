import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ReservedJob } from './job.ts';

/**
 * What `POST /reports` accepts. Strict: an unknown field is refused, not ignored, and the ids are a plain
 * alphabet, so NUL, lone surrogates and 10k-character strings stop here, at the boundary, with a 400.
 */
export const reportRequest = z
  .object({
    userId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
    kind: z.enum(['sales', 'usage', 'audit']),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  })
  .strict();
export type ReportRequest = z.infer<typeof reportRequest>;

export interface Report {
  userId: string;
  kind: ReportRequest['kind'];
  month: string;
  rows: number;
  checksum: number;
}

/** The slow part of a report, kept deterministic: the same request always renders the same report. */
export function renderReport(request: ReportRequest, rows = 2_000): Report {
  let checksum = 0;
  const seed = `${request.userId}|${request.kind}|${request.month}`;
  for (let row = 0; row < rows; row++) {
    for (let i = 0; i < seed.length; i++) checksum = (checksum * 31 + seed.charCodeAt(i) + row) >>> 0;
  }
  return { ...request, rows, checksum };
}

export interface ReportSink {
  /** HSET field = job id → the report; written once per job. */
  reports: string;
  /** HINCRBY job id: how many times a handler ran for the job (at-least-once makes this ≥ 1). */
  deliveries: string;
}

export const reportSink = (prefix: string): ReportSink => ({
  reports: `${prefix}reports`,
  deliveries: `${prefix}deliveries`,
});

/**
 * The job handler: render, then publish the report keyed by the JOB ID with HSETNX. The check and the
 * write are one command, so a second delivery of the same job (its first worker died after publishing but
 * before acking) publishes nothing: the side effect happens once even though the handler ran twice.
 * Returns whether this delivery was the one that published.
 */
export function createReportHandler(
  redis: Redis,
  sink: ReportSink,
  options: { rows?: number; beforePublish?: (job: ReservedJob) => Promise<void> } = {},
): (job: ReservedJob) => Promise<{ published: boolean }> {
  return async (job) => {
    await redis.hincrby(sink.deliveries, job.id, 1);
    const request = reportRequest.parse(job.payload);
    const report = renderReport(request, options.rows);
    await options.beforePublish?.(job);
    const published = (await redis.hsetnx(sink.reports, job.id, JSON.stringify(report))) === 1;
    return { published };
  };
}
