/**
 * The shape of the progress file: its types, the version migrations, and the
 * checks that tell a usable entry from a damaged one.
 */
import type { CardState } from '../quiz/card-state.js';
import type { GradeValue } from '../quiz/scheduler.js';

export const SCHEMA_VERSION = 1;

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

export interface ExamTopicResult {
  topic: string;
  right: number;
  total: number;
}

export interface ExamRecord {
  date: string;
  topics: string[];
  score: number;
  total: number;
  passMark: number;
  passed: boolean;
  seconds: number;
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

export function emptyProgress(): ProgressData {
  return { schemaVersion: SCHEMA_VERSION, cards: {}, log: [], exams: [] };
}

/** Migrations from version n to n+1, by n. Version 0: the file had no schemaVersion. */
export const MIGRATIONS: Record<
  number,
  (data: Record<string, unknown>) => Record<string, unknown>
> = {
  0: (data) => ({
    schemaVersion: 1,
    cards: data.cards ?? {},
    log: data.log ?? [],
    exams: data.exams ?? [],
  }),
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A card state every command can use: numbers where numbers go, a known FSRS state. */
export function isCardState(value: unknown): value is CardState {
  if (!isRecord(value)) return false;
  const numbers = [
    'due',
    'stability',
    'difficulty',
    'elapsedDays',
    'scheduledDays',
    'learningSteps',
    'reps',
    'lapses',
  ];
  return (
    numbers.every((key) => finite(value[key])) &&
    [0, 1, 2, 3].includes(value.state as number) &&
    (value.lastReview === undefined || finite(value.lastReview))
  );
}

export function isLogEntry(value: unknown): value is LogEntry {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [id, time, grade, kind, ms, flags] = value as unknown[];
  return (
    typeof id === 'string' &&
    finite(time) &&
    [1, 2, 3, 4].includes(grade as number) &&
    typeof kind === 'string' &&
    finite(ms) &&
    Number.isInteger(flags)
  );
}

export function isExamRecord(value: unknown): value is ExamRecord {
  if (!isRecord(value)) return false;
  const { date, topics, score, total, passMark, passed, seconds, byTopic } = value;
  return (
    typeof date === 'string' &&
    !Number.isNaN(Date.parse(date)) &&
    Array.isArray(topics) &&
    topics.every((topic) => typeof topic === 'string') &&
    finite(total) &&
    total >= 1 &&
    finite(score) &&
    score >= 0 &&
    score <= total &&
    finite(passMark) &&
    typeof passed === 'boolean' &&
    finite(seconds) &&
    Array.isArray(byTopic) &&
    byTopic.every(
      (row) =>
        isRecord(row) &&
        typeof row.topic === 'string' &&
        finite(row.right) &&
        finite(row.total) &&
        row.total >= 1,
    )
  );
}

/**
 * Leaves out the entries no command could use (a card state without numbers,
 * a log entry of the wrong shape, an exam without a total), in place; returns
 * how many. The rest of the learner's history is kept.
 */
export function dropDamaged(data: ProgressData): number {
  let dropped = 0;
  for (const [id, state] of Object.entries(data.cards)) {
    if (isCardState(state)) continue;
    delete data.cards[id];
    dropped += 1;
  }
  const log = data.log.filter(isLogEntry);
  const exams = data.exams.filter(isExamRecord);
  dropped += data.log.length - log.length + data.exams.length - exams.length;
  data.log = log;
  data.exams = exams;
  return dropped;
}
