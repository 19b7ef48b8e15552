/**
 * Spaced repetition by FSRS (ts-fsrs). A card's state is never stored: it is replayed from the review log, so
 * two sessions' logs merge by union and the state that follows is the same whichever wrote last.
 */
import {
  createEmptyCard,
  type Card as FsrsCard,
  type Grade as FsrsGrade,
  fsrs,
  Rating,
  State,
} from 'ts-fsrs';

export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type Grade = (typeof GRADES)[number];

/** One graded answer: the unit of the progress log. */
export interface Review {
  /** Unique per review (session id + counter), so merging two logs never counts one review twice. */
  id: string;
  /** `<topic slug>/<card id>`. */
  card: string;
  /** ISO time of the grade. */
  at: string;
  grade: Grade;
}

export interface CardState {
  due: Date;
  reps: number;
  lapses: number;
  /** Days the last grade scheduled (0 while in the minute-level learning steps). */
  scheduledDays: number;
  learning: boolean;
  lastReview?: Date;
  fsrs: FsrsCard;
}

const RATING: Record<Grade, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export interface Scheduler {
  now: () => Date;
  /** The state after one more grade, at `at` (default: now). */
  next(state: CardState | undefined, grade: Grade, at?: Date): CardState;
  /** What each grade would schedule now: the "good · 10 min" hints of the grade prompt. */
  preview(state: CardState | undefined): Record<Grade, Date>;
  /** Each card's state, replayed from a review log in time order. */
  replay(reviews: readonly Review[]): Map<string, CardState>;
  isDue(state: CardState | undefined): boolean;
}

function wrap(card: FsrsCard): CardState {
  return {
    due: card.due,
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
    learning: card.state === State.Learning || card.state === State.Relearning,
    ...(card.last_review ? { lastReview: card.last_review } : {}),
    fsrs: card,
  };
}

/** A scheduler on an injectable clock. Fuzz stays off (ts-fsrs' default): tests and replays are exact. */
export function createScheduler(options: { now?: () => Date } = {}): Scheduler {
  const now = options.now ?? (() => new Date());
  const f = fsrs();
  const next = (state: CardState | undefined, grade: Grade, at = now()): CardState =>
    wrap(f.next(state?.fsrs ?? createEmptyCard(at), at, RATING[grade]).card);
  return {
    now,
    next,
    preview(state) {
      const at = now();
      const card: FsrsCard = state?.fsrs ?? createEmptyCard(at);
      return Object.fromEntries(GRADES.map((g) => [g, f.next(card, at, RATING[g]).card.due])) as Record<
        Grade,
        Date
      >;
    },
    replay(reviews) {
      const states = new Map<string, CardState>();
      const ordered = [...reviews].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
      for (const r of ordered) states.set(r.card, next(states.get(r.card), r.grade, new Date(r.at)));
      return states;
    },
    isDue: (state) => state !== undefined && state.due.getTime() <= now().getTime(),
  };
}

/** "in 10 min", "in 3 days", "now": how far a due date is from `from`. */
export function formatInterval(due: Date, from: Date): string {
  const minutes = Math.round((due.getTime() - from.getTime()) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} day${days === 1 ? '' : 's'}`;
  const months = Math.round(days / 30);
  return `${months} months`;
}
