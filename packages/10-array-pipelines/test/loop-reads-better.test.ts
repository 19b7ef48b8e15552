import { describe, expect, it } from 'vitest';
import {
  type Group,
  highScoresChained,
  highScoresLoop,
  triageLoop,
  triageReduce,
} from '../src/when-a-loop-reads-better.ts';

const groups: Group[] = [
  {
    name: 'a',
    items: [
      { id: 'a1', valid: true, score: 90 },
      { id: 'a2', valid: false, score: 99 },
      { id: 'a3', valid: true, score: 40 },
    ],
  },
  { name: 'empty', items: [] },
  {
    name: 'b',
    items: [
      { id: 'b1', valid: true, score: 75 },
      { id: 'b2', valid: true, score: 50 },
      { id: 'b3', valid: true, score: 51 },
    ],
  },
];

describe('chained methods and the loop agree', () => {
  it('on the seed’s nested filter-and-transform', () => {
    expect(highScoresChained(groups, 50)).toEqual(['A1', 'B1', 'B3']);
    expect(highScoresLoop(groups, 50)).toEqual(highScoresChained(groups, 50));
    expect(highScoresLoop([], 50)).toEqual([]);
  });

  it('on a triage that stops early', () => {
    const loop = triageLoop(groups, 50, 2);
    expect(loop).toEqual({ accepted: ['a1', 'b1'], invalid: 1, lowScore: 1, stoppedEarly: true });
    expect(triageReduce(groups, 50, 2)).toEqual(loop);
  });

  it('on a triage that sees everything', () => {
    const loop = triageLoop(groups, 50, 10);
    expect(loop).toEqual({ accepted: ['a1', 'b1', 'b3'], invalid: 1, lowScore: 2, stoppedEarly: false });
    expect(triageReduce(groups, 50, 10)).toEqual(loop);
    expect(triageReduce(groups, 50, 0)).toEqual(triageLoop(groups, 50, 0));
  });

  it('the loop really stops; the reduce walks every group', () => {
    let groupsOpened = 0;
    const counting: Group[] = groups.map((g) => ({
      name: g.name,
      get items() {
        groupsOpened++;
        return g.items;
      },
    }));
    triageLoop(counting, 50, 1);
    expect(groupsOpened).toBe(1); // a1 is accepted and the loop returns inside the first group
    groupsOpened = 0;
    triageReduce(counting, 50, 1);
    expect(groupsOpened).toBe(3); // same answer, but every group was flattened first
  });
});
