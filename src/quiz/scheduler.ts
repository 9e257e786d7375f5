/**
 * FSRS scheduling (ts-fsrs), on plain JSON card states. Pure: `now` comes in.
 *
 * Grade mapping: multiple choice and typed answers → Again when wrong, Good
 * when right; recall cards → the learner's own grade (Again/Hard/Good/Easy).
 */
import {
  type Card as FsrsCard,
  fsrs,
  type Grade,
  generatorParameters,
  Rating,
  State,
} from 'ts-fsrs';
import { type CardState, newCardState } from './card-state.js';
import { DEFAULT_RETENTION } from './retention.js';
import type { QuestionFormat, SelfGrade } from './types.js';

export {
  type CardState,
  isDue,
  MATURE_DAYS,
  type Maturity,
  maturity,
  newCardState,
} from './card-state.js';

/** 1 Again, 2 Hard, 3 Good, 4 Easy (FSRS order). */
export type GradeValue = 1 | 2 | 3 | 4;

const SELF: Record<SelfGrade, GradeValue> = { again: 1, hard: 2, good: 3, easy: 4 };

export function gradeFromOutcome(
  format: QuestionFormat,
  correct: boolean,
  selfGrade?: SelfGrade,
): GradeValue {
  if (format === 'recall') return SELF[selfGrade ?? (correct ? 'good' : 'again')];
  return correct ? 3 : 1;
}

/** A recall self-grade counts as right unless it is Again. */
export function isCorrectGrade(grade: GradeValue): boolean {
  return grade > 1;
}

const schedulers = new Map<number, ReturnType<typeof fsrs>>();
function schedulerFor(retention: number) {
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    scheduler = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false }));
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

function toFsrs(state: CardState): FsrsCard {
  const card: FsrsCard = {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as State,
  };
  if (state.lastReview !== undefined) card.last_review = new Date(state.lastReview);
  return card;
}

function fromFsrs(card: FsrsCard): CardState {
  const state: CardState = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState['state'],
  };
  if (card.last_review) state.lastReview = card.last_review.getTime();
  return state;
}

export function schedule(
  state: CardState | undefined,
  grade: GradeValue,
  now: Date,
  retention = DEFAULT_RETENTION,
): CardState {
  const card = toFsrs(state ?? newCardState(now));
  const rating = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy][grade - 1] as Grade;
  return fromFsrs(schedulerFor(retention).next(card, now, rating).card);
}

/**
 * Probability of recalling the card now (0–1); 0 for a card never studied.
 * Time since the last review counts to the minute: ts-fsrs's own
 * get_retrievability counts whole days, so every card reviewed today read 100%.
 */
export function retrievability(state: CardState | undefined, now: Date): number {
  if (!state || state.state === State.New) return 0;
  const scheduler = schedulerFor(DEFAULT_RETENTION);
  if (state.lastReview === undefined || !(state.stability > 0)) {
    return scheduler.get_retrievability(toFsrs(state), now, false);
  }
  const days = Math.max(0, (now.getTime() - state.lastReview) / 86_400_000);
  return scheduler.forgetting_curve(days, state.stability);
}
