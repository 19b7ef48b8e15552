/** One awaited operation in a combinator example: it settles after `afterMs`, failing if `fails`. */
export interface Contender {
  name: string;
  afterMs: number;
  fails?: boolean;
}

export type Combinator = 'all' | 'allSettled' | 'any' | 'race';

export interface Combined {
  /** What the combinator's promise settled with, as text. */
  outcome: string;
  /** The contenders that had settled when the combinator did. */
  settledBefore: string[];
  /** Every contender, once all have settled: a combinator never cancels the losers. */
  settledInTheEnd: string[];
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describeValue(kind: Combinator, value: unknown): string {
  if (kind === 'allSettled')
    return (value as PromiseSettledResult<string>[])
      .map((r) =>
        r.status === 'fulfilled' ? `fulfilled ${r.value}` : `rejected ${(r.reason as Error).message}`,
      )
      .join(', ');
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError)
    return `AggregateError [${error.errors.map((e: Error) => e.message).join(', ')}]`;
  return `rejected: ${(error as Error).message}`;
}

/**
 * Runs `Promise[kind]` over contenders that settle on timers (global `setTimeout`, so fake timers drive it)
 * and reports what it settled with and who had settled by then.
 */
export async function combine(kind: Combinator, contenders: readonly Contender[]): Promise<Combined> {
  const settled: string[] = [];
  const promises = contenders.map(async ({ name, afterMs, fails }) => {
    try {
      await wait(afterMs);
      if (fails) throw new Error(`${name} failed`);
      return name;
    } finally {
      settled.push(name);
    }
  });
  // Every contender gets a handler, so the losers' rejections are never reported as unhandled.
  const everyone = Promise.allSettled(promises);
  let outcome: string;
  try {
    const value: unknown = await (Promise[kind] as (values: Promise<string>[]) => Promise<unknown>).call(
      Promise,
      promises,
    );
    outcome = describeValue(kind, value);
  } catch (error) {
    outcome = describeError(error);
  }
  const settledBefore = [...settled];
  await everyone;
  return { outcome, settledBefore, settledInTheEnd: [...settled] };
}
