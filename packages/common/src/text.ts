/** Edit distance between two strings, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}

/** The candidate closest to `word` (case-insensitive) within `maxDistance` edits, if any: "did you mean …?" */
export function closestMatch(
  word: string,
  candidates: readonly string[],
  maxDistance = 2,
): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Why `value` could not be stored or sent as it came, or undefined when it can: U+0000 (PostgreSQL `text`
 * and `jsonb` refuse it, SQLSTATE 22021 / 22P05 — a 500 if it gets that far) or a lone UTF-16 surrogate
 * (valid in a JS string and in JSON, but UTF-8 has no form for it: the driver would store U+FFFD, so the
 * row silently differs from the request). Every text field at an API boundary is checked with this, and the
 * field's own rules (length, format) come after.
 */
export function unstorableText(
  value: string,
): 'contains NUL (U+0000)' | 'contains a lone surrogate' | undefined {
  if (value.includes('\u0000')) return 'contains NUL (U+0000)';
  // String#isWellFormed (Node 20+): false exactly when a surrogate half has no partner.
  if (!value.isWellFormed()) return 'contains a lone surrogate';
  return undefined;
}
