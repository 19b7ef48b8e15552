import { ValidationError } from './app-error.ts';
import { errorMessage } from './unknown.ts';

/**
 * Every error in a `cause` chain, outermost first: what `raise … from` shows as "The above exception was
 * the direct cause of…". Stops at a cycle, which a hand-built chain can contain.
 */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current: unknown = error; current !== undefined && !chain.includes(current); ) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

/** The chain as one line for a log: `ValidationError: … ← SyntaxError: …`. */
export function describeChain(error: unknown): string {
  return causeChain(error)
    .map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${errorMessage(e)}`))
    .join(' ← ');
}

/**
 * Parses a JSON request body, translating the parser's SyntaxError into a ValidationError that keeps it as
 * its `cause`: the caller sees our code, the log still sees the parser's own words.
 */
export function parseJsonBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ValidationError('the body is not valid JSON', 'invalid_json', { cause: error });
  }
}
