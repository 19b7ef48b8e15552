/** What a redacted value becomes in the log line. */
export const REDACTED = '[REDACTED]';

const SECRET_KEYS = ['password', 'token', 'accessToken', 'refreshToken', 'apiKey', 'secret', 'authorization'];

/**
 * pino `redact` paths for the secrets a service logs by accident: credentials at the top of the logged
 * object and one level down (`{ user: { password } }`), and the request's credential headers. A path is an
 * exact shape, not a search: `*.password` does NOT reach `body.user.password` — add the shapes you log
 * (the tests grep the captured stream for each secret to prove the list covers them).
 */
export const DEFAULT_REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];
