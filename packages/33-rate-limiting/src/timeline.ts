/** Replaying one request trace through several limiters on a hand-set clock, and drawing the result as text. */
import type { Decision, ManualClock, RateLimiter } from './policy.ts';

/**
 * Sends a request at each time of `times` (ms, ascending) to every limiter, setting `clock` first, all for
 * one client `key`. Returns each limiter's decisions, in trace order.
 */
export async function replay(
  times: readonly number[],
  limiters: readonly RateLimiter[],
  clock: ManualClock,
  key = 'client',
): Promise<Decision[][]> {
  const out: Decision[][] = limiters.map(() => []);
  for (const at of times) {
    clock.set(at);
    for (const [i, limiter] of limiters.entries()) out[i]?.push(await limiter.consume(key));
  }
  return out;
}

/**
 * The most requests admitted within any span of `spanMs` (half-open: two requests exactly `spanMs` apart
 * are in different spans). With spanMs = the window this is the "never more than limit per window" check.
 */
export function mostAdmittedWithin(
  times: readonly number[],
  decisions: readonly Decision[],
  spanMs: number,
): number {
  const admitted = times.filter((_, i) => decisions[i]?.allowed);
  let best = 0;
  let start = 0;
  for (let end = 0; end < admitted.length; end++) {
    while ((admitted[end] as number) - (admitted[start] as number) >= spanMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * One character per `stepMs` from `fromMs` to `toMs`: how many of the requests in that step were admitted
 * (`1`–`9`, `+` for more), `x` when requests came and none was admitted, `·` when none came. Pass all-true
 * decisions to draw what was sent.
 */
export function strip(
  times: readonly number[],
  admitted: readonly boolean[],
  { fromMs, toMs, stepMs }: { fromMs: number; toMs: number; stepMs: number },
): string {
  const cells = Math.ceil((toMs - fromMs) / stepMs);
  const sent = new Array<number>(cells).fill(0);
  const passed = new Array<number>(cells).fill(0);
  times.forEach((t, i) => {
    const cell = Math.floor((t - fromMs) / stepMs);
    if (cell < 0 || cell >= cells) return;
    sent[cell] = (sent[cell] ?? 0) + 1;
    if (admitted[i]) passed[cell] = (passed[cell] ?? 0) + 1;
  });
  return passed.map((n, i) => (n > 9 ? '+' : n > 0 ? String(n) : (sent[i] ?? 0) > 0 ? 'x' : '·')).join('');
}

/** A ruler for `strip`: a tick label every `labelEveryMs`. */
export function ruler(
  { fromMs, toMs, stepMs }: { fromMs: number; toMs: number; stepMs: number },
  labelEveryMs: number,
  unit: (ms: number) => string,
): string {
  const cells = Math.ceil((toMs - fromMs) / stepMs);
  const line = new Array<string>(cells).fill(' ');
  for (let ms = fromMs; ms < toMs; ms += labelEveryMs) {
    const label = unit(ms);
    const at = Math.floor((ms - fromMs) / stepMs);
    for (let i = 0; i < label.length && at + i < cells; i++) line[at + i] = label[i] as string;
  }
  return line.join('');
}
