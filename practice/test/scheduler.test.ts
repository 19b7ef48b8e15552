import { describe, expect, it } from 'vitest';
import {
  type CardState,
  createScheduler,
  formatInterval,
  type Grade,
  type Review,
} from '../src/scheduler.ts';

const DAY = 86_400_000;

/** A scheduler on a clock the test moves; `review` grades at the current time and returns the new state. */
function pinned(start = '2026-01-05T09:00:00Z') {
  let now = new Date(start);
  const scheduler = createScheduler({ now: () => now });
  return {
    scheduler,
    at: (date: Date) => {
      now = date;
    },
    get now() {
      return now;
    },
  };
}

describe('FSRS scheduler (ts-fsrs) on a pinned clock', () => {
  it('grows the interval with every "good" answered on its due date', () => {
    const clock = pinned();
    let state: CardState | undefined;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      state = clock.scheduler.next(state, 'good');
      intervals.push(state.due.getTime() - clock.now.getTime());
      clock.at(state.due);
    }
    // First a minute-level learning step, then days, each interval longer than the one before.
    expect(intervals[0]).toBeLessThan(DAY);
    expect(intervals[1]).toBeGreaterThanOrEqual(DAY);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? 0);
    expect(state?.reps).toBe(6);
    expect(state?.lapses).toBe(0);
  });

  it('sends a well-known card back to a minutes-long relearning step after "again", and counts the lapse', () => {
    const clock = pinned();
    let state: CardState | undefined;
    for (let i = 0; i < 4; i++) {
      state = clock.scheduler.next(state, 'good');
      clock.at(state.due);
    }
    const before = (state?.due.getTime() ?? 0) - (state?.lastReview?.getTime() ?? 0);
    expect(before).toBeGreaterThan(10 * DAY);
    state = clock.scheduler.next(state, 'again');
    expect(state.due.getTime() - clock.now.getTime()).toBeLessThanOrEqual(10 * 60_000);
    expect(state.learning).toBe(true);
    expect(state.lapses).toBe(1);
  });

  it('orders the grades: again ≤ hard ≤ good ≤ easy for the next due date', () => {
    const clock = pinned();
    const learnt = clock.scheduler.next(
      clock.scheduler.next(undefined, 'good'),
      'good',
      new Date('2026-01-05T09:10:00Z'),
    );
    for (const state of [undefined, learnt]) {
      if (state) clock.at(state.due);
      const p = clock.scheduler.preview(state);
      expect(p.again.getTime()).toBeLessThanOrEqual(p.hard.getTime());
      expect(p.hard.getTime()).toBeLessThanOrEqual(p.good.getTime());
      expect(p.good.getTime()).toBeLessThan(p.easy.getTime());
    }
  });

  it('replays a review log to the same states as grading live, whatever order the log is stored in', () => {
    const clock = pinned();
    const grades: Grade[] = ['good', 'good', 'again', 'good', 'easy'];
    const reviews: Review[] = [];
    let live: CardState | undefined;
    for (const [i, grade] of grades.entries()) {
      reviews.push({ id: `s-${i}`, card: 'generators/answer', at: clock.now.toISOString(), grade });
      live = clock.scheduler.next(live, grade);
      clock.at(live.due);
    }
    reviews.push({ id: 'x-0', card: 'copying/answer', at: '2026-01-05T09:00:00.000Z', grade: 'hard' });
    const replayed = clock.scheduler.replay([...reviews].reverse());
    expect(replayed.get('generators/answer')?.due.toISOString()).toBe(live?.due.toISOString());
    expect(replayed.get('generators/answer')?.reps).toBe(5);
    expect(replayed.get('copying/answer')?.reps).toBe(1);
    expect(replayed.size).toBe(2);
  });

  it('says a card is due only once the clock reaches its due date', () => {
    const clock = pinned();
    const state = clock.scheduler.next(undefined, 'good');
    expect(clock.scheduler.isDue(undefined)).toBe(false);
    expect(clock.scheduler.isDue(state)).toBe(false);
    clock.at(new Date(state.due.getTime() - 1));
    expect(clock.scheduler.isDue(state)).toBe(false);
    clock.at(state.due);
    expect(clock.scheduler.isDue(state)).toBe(true);
  });

  it('words intervals for the grade prompt', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const after = (ms: number) => formatInterval(new Date(from.getTime() + ms), from);
    expect(after(0)).toBe('now');
    expect(after(10 * 60_000)).toBe('10 min');
    expect(after(5 * 3_600_000)).toBe('5 h');
    expect(after(DAY)).toBe('1 day');
    expect(after(11 * DAY)).toBe('11 days');
    expect(after(163 * DAY)).toBe('5 months');
  });
});
