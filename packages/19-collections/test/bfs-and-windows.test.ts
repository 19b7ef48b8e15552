import { describe, expect, it } from 'vitest';
import { bfs, shortestPath, undirected } from '../src/bfs.ts';
import { lastLines, movingAverages } from '../src/sliding-window.ts';

const sampleGraph = () =>
  undirected([
    ['A', 'B'],
    ['A', 'C'],
    ['B', 'D'],
    ['C', 'D'],
    ['D', 'E'],
    ['F', 'G'],
  ]);

describe('bfs', () => {
  it('visits by distance, ties in neighbour order, each node once', () => {
    const { order, distance } = bfs(sampleGraph(), 'A');
    expect(order).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(Object.fromEntries(distance)).toEqual({ A: 0, B: 1, C: 1, D: 2, E: 3 });
    expect(new Set(order).size).toBe(order.length);
  });

  it('finds a shortest path, or undefined when the goal is unreachable', () => {
    const graph = sampleGraph();
    expect(shortestPath(graph, 'A', 'E')).toEqual(['A', 'B', 'D', 'E']);
    expect(shortestPath(graph, 'A', 'A')).toEqual(['A']);
    expect(shortestPath(graph, 'A', 'G')).toBeUndefined();
    expect(graph.get('D')).toEqual(['B', 'C', 'E']);
  });

  it('handles a start with no edges and a directed cycle', () => {
    expect(bfs(new Map<number, number[]>(), 7).order).toEqual([7]);
    const cycle = new Map([
      [1, [2]],
      [2, [3]],
      [3, [1]],
    ]);
    expect(bfs(cycle, 2).order).toEqual([2, 3, 1]);
  });
});

describe('sliding windows on a deque with maxLength', () => {
  it('moving average over the last 3 values', () => {
    expect(movingAverages([3, 6, 9, 12, 0], 3)).toEqual([3, 4.5, 6, 9, 7]);
    expect(movingAverages([], 3)).toEqual([]);
    expect(movingAverages([5, 7], 1)).toEqual([5, 7]);
    expect(() => movingAverages([1], 0)).toThrow('size must be a positive integer, got 0');
  });

  it('keeps the last n lines, oldest first', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    expect(lastLines(lines, 3)).toEqual(['line 7', 'line 8', 'line 9']);
    expect(lastLines(['only'], 3)).toEqual(['only']);
  });
});
