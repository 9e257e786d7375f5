/**
 * A card's schedule as stored, and what can be told from it without FSRS:
 * due or not, new / learning / mature. Kept apart from scheduler.ts so that
 * read-only commands do not load ts-fsrs.
 */

/** A card's FSRS memory state as stored in progress.json (epoch ms, no Date objects). */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview?: number;
}

/** A review card whose interval reached this many days counts as mature (as in Anki). */
export const MATURE_DAYS = 21;

export function newCardState(now: Date): CardState {
  return {
    due: now.getTime(),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
  };
}

export function isDue(state: CardState | undefined, now: Date): boolean {
  return state !== undefined && state.state !== 0 && state.due <= now.getTime();
}

export type Maturity = 'new' | 'learning' | 'mature';

/** new: never studied; mature: in review with an interval of 21 days or more; learning: the rest. */
export function maturity(state: CardState | undefined): Maturity {
  if (!state || state.state === 0) return 'new';
  if (state.state === 2 && state.scheduledDays >= MATURE_DAYS) return 'mature';
  return 'learning';
}
