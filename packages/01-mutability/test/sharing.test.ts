import { describe, expect, it } from 'vitest';
import { addTagInPlace, gridSharingOneRow, gridWithOwnRows, replaceTags, withTag } from '../src/sharing.ts';

describe('pass by sharing', () => {
  it('a callee that mutates the array changes the caller’s array', () => {
    const tags = ['a'];
    const returned = addTagInPlace(tags, 'b');
    expect(tags).toEqual(['a', 'b']);
    expect(returned).toBe(tags);
  });

  it('a callee that reassigns its parameter leaves the caller’s array untouched', () => {
    const tags = ['a'];
    const returned = replaceTags(tags, ['x', 'y']);
    expect(tags).toEqual(['a']);
    expect(returned).toEqual(['x', 'y']);
    expect(returned).not.toBe(tags);
  });

  it('withTag returns a new array and leaves the input alone', () => {
    const tags = Object.freeze(['a']);
    const next = withTag(tags, 'b');
    expect(next).toEqual(['a', 'b']);
    expect(tags).toEqual(['a']);
  });

  it('a callee can change a property of the caller’s object', () => {
    const rename = (user: { name: string }) => {
      user.name = user.name.toUpperCase();
    };
    const user = { name: 'ada' };
    rename(user);
    expect(user.name).toBe('ADA');
  });
});

describe('fill() stores one object in every slot', () => {
  it('one write through a fill()ed grid changes every row', () => {
    const grid = gridSharingOneRow(3, 3);
    const first = grid[0];
    if (!first) throw new Error('grid has no rows');
    first[1] = 7;
    expect(grid.map((row) => row[1])).toEqual([7, 7, 7]);
    expect(grid[1]).toBe(grid[0]);
  });

  it('Array.from with a factory gives each row its own array', () => {
    const grid = gridWithOwnRows(3, 3);
    const first = grid[0];
    if (!first) throw new Error('grid has no rows');
    first[1] = 7;
    expect(grid.map((row) => row[1])).toEqual([7, 0, 0]);
    expect(new Set(grid).size).toBe(3);
  });
});
