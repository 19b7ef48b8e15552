import type { RequestInfo } from './request-scope.ts';

/** Where log lines go (stdout in production, an array in a test). */
export type LogSink = (line: string) => void;

/**
 * A per-request object: the lines it writes carry the request's id. Built once per request — by hand, or by
 * a container's scope — which is what the containers' "scoped" lifetime exists for.
 */
export class RequestLogger {
  constructor(
    private readonly request: RequestInfo,
    private readonly sink: LogSink,
  ) {}

  info(message: string): void {
    this.sink(`[${this.request.requestId}] ${message}`);
  }
}
