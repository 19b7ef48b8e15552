/** One link of an error's `cause` chain, as a log line shows it. */
export interface ChainLink {
  type: string;
  message: string;
  /** A domain code (`email_taken`) or a SQLSTATE (`23505`) when the error carries one. */
  code?: string;
}

export const MAX_CHAIN_DEPTH = 8;
const MAX_MESSAGE = 300;

function link(value: unknown): ChainLink {
  if (!(value instanceof Error)) return { type: typeof value, message: String(value).slice(0, MAX_MESSAGE) };
  const { code } = value as Error & { code?: unknown };
  return {
    type: value.name,
    message: value.message.slice(0, MAX_MESSAGE),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/**
 * The error and its causes, outermost first: `ConflictError ← DuplicateKeyError ← error 23505` is the
 * layered story (HTTP ← service ← repository ← driver) in one field a log search can filter on. It picks
 * type, message and code only: a pg error also carries `detail` ("Key (email)=(ada@…) already exists"),
 * the row's values, which do not belong in logs. Stops at a cycle or after `MAX_CHAIN_DEPTH` links.
 */
export function errorChain(error: unknown): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && chain.length < MAX_CHAIN_DEPTH && !seen.has(current)) {
    seen.add(current);
    chain.push(link(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}
