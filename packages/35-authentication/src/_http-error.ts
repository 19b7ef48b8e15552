/** An error that knows its HTTP answer: status, snake_case code, detail and any headers (WWW-Authenticate). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}
