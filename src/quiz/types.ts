import type { CardKind } from '../content/model.js';

/** Self-grades of a recall card, in FSRS order (Again=1 … Easy=4). */
export type SelfGrade = 'again' | 'hard' | 'good' | 'easy';

export type QuestionFormat = 'choice' | 'typed' | 'recall';

/**
 * Where a wrong option comes from, so that choosing it teaches the contrast:
 * the heading it is about (or, for a list, the list it belongs to) and a line
 * of that heading's notes.
 */
export interface OptionOrigin {
  heading: string;
  line?: string;
}

/** A question ready to be shown: made from a card by quiz/questions.ts with a seeded rng. */
export interface Question {
  cardId: string;
  kind: CardKind;
  format: QuestionFormat;
  topic: string;
  /** Heading path of the card's section. */
  path: string[];
  /** The question text; may hold several lines. */
  stem: string;
  /** 'choice': the options, shuffled; exactly one is right. */
  options?: string[];
  /** 'choice': index of the right option. */
  correct?: number;
  /**
   * 'choice': the options as written in the notes, in the same order, where
   * `options` hides the words of their own heading (＿＿＿). Shown once answered.
   */
  shown?: string[];
  /** 'choice': per option (same order), where a wrong option comes from; null for the right one. */
  origins?: (OptionOrigin | null)[];
  /** The right answer ('choice': the right option; `shown` has it as written). */
  answer: string;
  /** 'typed': other accepted answers. */
  accept?: string[];
  /** The whole section, shown as the explanation after answering. */
  explanation: { path: string[]; lines: string[] };
}
