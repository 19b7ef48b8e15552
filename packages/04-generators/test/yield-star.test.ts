import { describe, expect, it } from 'vitest';
import { chain, chainCounting, flatten, type Nested } from '../src/flatten.ts';

describe('yield* delegates in order', () => {
  it('flattens nested arrays depth-first', () => {
    expect([...flatten([1, [2, [3, 4]], 5])]).toEqual([1, 2, 3, 4, 5]);
    const deep: Nested<number> = [[[[[1]]]], [], [2, [3]], 4];
    expect([...flatten([deep])]).toEqual([1, 2, 3, 4]);
  });

  it('keeps strings whole even though they are iterable', () => {
    expect([...flatten(['ab', ['cd', ['ef']]])]).toEqual(['ab', 'cd', 'ef']);
  });

  it('is lazy: the first value arrives before the rest of the structure is visited', () => {
    const visited: string[] = [];
    function* part(name: string, values: number[]) {
      visited.push(name);
      yield* values;
    }
    const all = chain(part('a', [1, 2]), part('b', [3]));
    expect(all.next()).toEqual({ value: 1, done: false });
    expect(visited).toEqual(['a']);
    expect([...all]).toEqual([2, 3]);
    expect(visited).toEqual(['a', 'b']);
  });

  it('evaluates to the delegate’s return value', () => {
    const gen = chainCounting<string | number>('xy', [1, 2, 3], []);
    const values: Array<string | number> = [];
    let step = gen.next();
    while (!step.done) {
      values.push(step.value);
      step = gen.next();
    }
    expect(values).toEqual(['x', 'y', 1, 2, 3]);
    expect(step.value).toEqual([2, 3, 0]);
  });

  it('a for…of throws the return value away', () => {
    const seen: Array<string | number> = [];
    for (const value of chainCounting([1], [2])) seen.push(value);
    expect(seen).toEqual([1, 2]); // the sizes [1, 1] are unreachable this way
  });
});
