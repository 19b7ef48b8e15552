import { DependencyTimeoutError, DependencyUnavailableError, UpstreamBadResponseError } from './errors.ts';

/** The deadline and the caller's cancellation for one outbound call. */
export interface UpstreamOptions {
  /** Deadline for the whole call, body included. */
  timeoutMs: number;
  /** Aborts the call early, e.g. when the client that asked for it has gone away. */
  signal?: AbortSignal;
}

/**
 * GETs JSON from another service with a deadline. `fetch` has no timeout of its own: without a signal a
 * hung upstream holds this request, its memory and its socket until the OS gives up, minutes later.
 */
export async function fetchUpstreamJson(
  url: string,
  { timeoutMs, signal }: UpstreamOptions,
): Promise<unknown> {
  const deadline = AbortSignal.timeout(timeoutMs);
  // AbortSignal.any: Node 20.3+. Either the deadline or the caller ends the call, whichever comes first.
  const combined = signal ? AbortSignal.any([deadline, signal]) : deadline;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new UpstreamBadResponseError(`upstream answered ${response.status}`, response.status);
    }
    return await response.json();
  } catch (error) {
    throw classifyFetchError(error, timeoutMs);
  }
}

function classifyFetchError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof UpstreamBadResponseError) return error;
  if (error instanceof Error && error.name === 'TimeoutError')
    return new DependencyTimeoutError(
      'upstream',
      `the upstream call did not finish within ${timeoutMs} ms`,
      timeoutMs,
      {
        cause: error,
      },
    );
  if (error instanceof SyntaxError)
    return new UpstreamBadResponseError('upstream answered with a body that is not JSON', undefined, {
      cause: error,
    });
  // undici reports "connection refused" and friends as TypeError('fetch failed') with the socket error as cause.
  if (error instanceof TypeError && error.message === 'fetch failed')
    return new DependencyUnavailableError('upstream', 'the upstream service could not be reached', 5, {
      cause: error,
    });
  return error;
}
