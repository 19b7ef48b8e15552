/** A 2-D point; the unit of allocation in the churn-vs-reuse comparison. */
export interface Point {
  x: number;
  y: number;
}

// Stryker disable all: mutation testing instruments every mutated expression with a coverage call that
// allocates, which turns reuse()'s garbage-free loop into a garbage producer and breaks the very scavenge
// counts the tests assert. Both loops stay uninstrumented; their results are still compared in the tests.
/**
 * Steps `count` particles `steps` times, allocating a new Point per particle per step. The ring keeps
 * the last positions reachable, so V8 cannot optimise the allocation away (escape analysis).
 */
export function churn(count: number, steps: number): number {
  let ring: Point[] = Array.from({ length: count }, (_, i) => ({ x: i, y: 0 }));
  for (let s = 0; s < steps; s++) {
    const next: Point[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const p = ring[i]!;
      next[i] = { x: p.x + 1, y: p.y + (i & 3) };
    }
    ring = next;
  }
  return ring.reduce((sum, p) => sum + p.x + p.y, 0);
}

/** The same computation updating preallocated Points in place: no garbage per step. */
export function reuse(count: number, steps: number): number {
  const ring: Point[] = Array.from({ length: count }, (_, i) => ({ x: i, y: 0 }));
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < count; i++) {
      const p = ring[i]!;
      p.x += 1;
      p.y += i & 3;
    }
  }
  return ring.reduce((sum, p) => sum + p.x + p.y, 0);
}
// Stryker restore all
