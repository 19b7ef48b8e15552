import { Deque } from './deque.ts';

/** An adjacency list: each node's neighbours, in the order they should be explored. */
export type Graph<N> = ReadonlyMap<N, readonly N[]>;

export interface BfsResult<N> {
  /** Nodes in the order they were dequeued: by distance from the start, ties in neighbour order. */
  order: N[];
  /** Edges from the start to each reached node. */
  distance: Map<N, number>;
  /** The node each reached node was first discovered from (the start has none). */
  parent: Map<N, N>;
}

/**
 * Breadth-first search with a deque as the FIFO queue (Python's `deque.popleft()`). A node is marked when
 * it is enqueued, not when it is dequeued, so each node enters the queue once and the queue never holds
 * more than the number of nodes.
 */
export function bfs<N>(graph: Graph<N>, start: N): BfsResult<N> {
  const order: N[] = [];
  const distance = new Map<N, number>([[start, 0]]);
  const parent = new Map<N, N>();
  const queue = new Deque<N>([start]);
  while (queue.length > 0) {
    const node = queue.shift() as N;
    order.push(node);
    const d = distance.get(node) ?? 0;
    for (const next of graph.get(node) ?? []) {
      if (distance.has(next)) continue;
      distance.set(next, d + 1);
      parent.set(next, node);
      queue.push(next);
    }
  }
  return { order, distance, parent };
}

/** A shortest path (fewest edges) from `start` to `goal`, both included; `undefined` when unreachable. */
export function shortestPath<N>(graph: Graph<N>, start: N, goal: N): N[] | undefined {
  const { distance, parent } = bfs(graph, start);
  if (!distance.has(goal)) return undefined;
  const path = [goal];
  for (let node = goal; node !== start; ) {
    node = parent.get(node) as N;
    path.push(node);
  }
  return path.reverse();
}

/** An undirected graph from an edge list, neighbours in the order the edges list them. */
export function undirected<N>(edges: Iterable<readonly [N, N]>): Map<N, N[]> {
  const graph = new Map<N, N[]>();
  const link = (from: N, to: N) => {
    const list = graph.get(from);
    if (list) list.push(to);
    else graph.set(from, [to]);
  };
  for (const [a, b] of edges) {
    link(a, b);
    link(b, a);
  }
  return graph;
}
