/**
 * The shape of what is remembered between runs: card schedules, the answer
 * log and past exams. Pure data, owned by the quiz layer so that stats and
 * exams can read it; store/ reads and writes it to disk.
 *
 * store/progress.ts still declares the same types for itself (it belongs to
 * another change in flight); they are structurally identical, and the store
 * is meant to import them from here.
 */
import type { CardState } from './card-state.js';
import type { GradeValue } from './scheduler.js';

/** One answer: [card id, epoch ms, grade 1–4, card kind, ms taken, flags]. Tuples keep years of log small. */
export type LogEntry = [
  id: string,
  time: number,
  grade: GradeValue,
  kind: string,
  ms: number,
  flags: number,
];
export const FLAG_CORRECT = 1;
/** The answer came from an exam: logged, but it never changed the card's schedule. */
export const FLAG_EXAM = 2;

/** One topic's part of an exam. */
export interface ExamTopicResult {
  topic: string;
  right: number;
  total: number;
}

/** An exam as kept in the history: the scored result without the per-question detail. */
export interface ExamRecord {
  /** ISO 8601. */
  date: string;
  topics: string[];
  score: number;
  total: number;
  passMark: number;
  passed: boolean;
  seconds: number;
  /** Weakest first. */
  byTopic: ExamTopicResult[];
}

export interface ProgressData {
  schemaVersion: number;
  cards: Record<string, CardState>;
  log: LogEntry[];
  exams: ExamRecord[];
  /** Suspended card id → epoch ms when it was suspended (absent: none). */
  suspended?: Record<string, number>;
}

/** Whether the learner has set this card aside (`x` in a study session). */
export function isSuspended(data: Pick<ProgressData, 'suspended'>, id: string): boolean {
  const suspended = data.suspended;
  return (
    typeof suspended === 'object' &&
    suspended !== null &&
    Object.hasOwn(suspended, id) &&
    typeof suspended[id] === 'number'
  );
}
