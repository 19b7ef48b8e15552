/**
 * The seed's "too complex for a comprehension" example, and a second case where one loop is simply the
 * clearer (and single-pass) program: several results at once, with an early stop.
 */

export interface Item {
  id: string;
  valid: boolean;
  score: number;
}

export interface Group {
  name: string;
  items: readonly Item[];
}

/** Chained array methods: fine while each step is one obvious operation. */
export function highScoresChained(groups: readonly Group[], threshold: number): string[] {
  return groups
    .flatMap((g) => g.items)
    .filter((item) => item.valid && item.score > threshold)
    .map((item) => item.id.toUpperCase());
}

/** The loop version of the same: no intermediate arrays, and room for a comment or a breakpoint. */
export function highScoresLoop(groups: readonly Group[], threshold: number): string[] {
  const out: string[] = [];
  for (const group of groups) {
    for (const item of group.items) {
      if (item.valid && item.score > threshold) out.push(item.id.toUpperCase());
    }
  }
  return out;
}

/** What a triage pass reports: the first `limit` accepted ids, and why the others were turned away. */
export interface Triage {
  accepted: string[];
  invalid: number;
  lowScore: number;
  /** True when the pass stopped at `limit` before looking at every item. */
  stoppedEarly: boolean;
}

/**
 * One loop: three outputs, and it stops as soon as it has `limit` accepted items. Method chains cannot
 * stop early (short of `some`/`find` abuse) and would need one pass per output.
 */
export function triageLoop(groups: readonly Group[], threshold: number, limit: number): Triage {
  const result: Triage = { accepted: [], invalid: 0, lowScore: 0, stoppedEarly: false };
  for (const group of groups) {
    for (const item of group.items) {
      if (result.accepted.length === limit) {
        result.stoppedEarly = true;
        return result;
      }
      if (!item.valid) result.invalid++;
      else if (item.score <= threshold) result.lowScore++;
      else result.accepted.push(item.id);
    }
  }
  return result;
}

/**
 * The same triage as a `reduce`: correct, but the accumulator carries four things and a "done" flag, and
 * the reduce still visits every item after the limit (it can only skip the work).
 */
export function triageReduce(groups: readonly Group[], threshold: number, limit: number): Triage {
  return groups
    .flatMap((g) => g.items)
    .reduce<Triage>(
      (acc, item) => {
        if (acc.stoppedEarly) return acc;
        if (acc.accepted.length === limit) acc.stoppedEarly = true;
        else if (!item.valid) acc.invalid++;
        else if (item.score <= threshold) acc.lowScore++;
        else acc.accepted.push(item.id);
        return acc;
      },
      { accepted: [], invalid: 0, lowScore: 0, stoppedEarly: false },
    );
}
