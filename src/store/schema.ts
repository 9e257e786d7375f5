/**
 * The progress file's version, migrations, and the checks that tell a usable
 * entry from a damaged one. The data types are quiz/progress-data.ts.
 */
import type { CardState } from '../quiz/card-state.js';
import type { ExamRecord, LogEntry, ProgressData } from '../quiz/progress-data.js';

export {
  type ExamRecord,
  type ExamTopicResult,
  FLAG_CORRECT,
  FLAG_EXAM,
  type LogEntry,
  type ProgressData,
} from '../quiz/progress-data.js';

export const SCHEMA_VERSION = 1;

export function emptyProgress(): ProgressData {
  return { schemaVersion: SCHEMA_VERSION, cards: {}, log: [], exams: [], suspended: {} };
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
  for (const [id, since] of Object.entries(data.suspended)) {
    if (finite(since)) continue;
    delete data.suspended[id];
    dropped += 1;
  }
  data.log = log;
  data.exams = exams;
  return dropped;
}
