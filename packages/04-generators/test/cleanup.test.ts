import { describe, expect, it } from 'vitest';
import { type CleanupEvent, firstAbove, tracked } from '../src/cleanup.ts';
import { naturals } from '../src/lazy.ts';

describe('finally is the cleanup hook of a generator', () => {
  it('creating a generator runs none of its body', () => {
    const log: CleanupEvent[] = [];
    tracked([1, 2, 3], log);
    expect(log).toEqual([]);
  });

  it('break in for…of calls return(): finally runs once, right away', () => {
    const log: CleanupEvent[] = [];
    for (const value of tracked([1, 2, 3, 4], log)) {
      if (value === 2) break;
    }
    expect(log).toEqual(['open', 'yield 1', 'yield 2', 'close']);
  });

  it('return from inside the loop closes an infinite source', () => {
    const log: CleanupEvent[] = [];
    expect(firstAbove(tracked(naturals(), log), 2)).toBe(3);
    expect(log.filter((e) => e === 'close')).toHaveLength(1);
    expect(log.at(-1)).toBe('close');
  });

  it('an error thrown by the consumer also closes the source', () => {
    const log: CleanupEvent[] = [];
    expect(() => {
      for (const value of tracked(['a', 'b'], log)) {
        if (value === 'a') throw new Error('consumer failed');
      }
    }).toThrow('consumer failed');
    expect(log).toEqual(['open', 'yield a', 'close']);
  });

  it('running to the end closes once, and return() afterwards does not close again', () => {
    const log: CleanupEvent[] = [];
    const gen = tracked([1], log);
    expect([...gen]).toEqual([1]);
    gen.return();
    expect(log).toEqual(['open', 'yield 1', 'close']);
  });

  it('a generator abandoned after next() never runs finally (pitfall)', () => {
    const log: CleanupEvent[] = [];
    const gen = tracked([1, 2, 3], log);
    gen.next();
    // Dropping `gen` here leaks whatever it opened: nothing calls return() for us.
    expect(log).toEqual(['open', 'yield 1']);
    expect(gen.return()).toEqual({ value: undefined, done: true });
    expect(log).toEqual(['open', 'yield 1', 'close']);
  });

  it('return() before the first next() skips the body entirely', () => {
    const log: CleanupEvent[] = [];
    tracked([1], log).return();
    expect(log).toEqual([]);
  });
});
