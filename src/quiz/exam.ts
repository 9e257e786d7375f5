/**
 * Practice exams, pure: drawing the questions, moving between them, time,
 * and scoring. The clock and the rng come in as values.
 */
import type { DeckIndex } from '../content/deck.js';
import type { Card, CardKind } from '../content/model.js';
import type { Say } from '../errors.js';
import { largestRemainder } from '../ground/apportion.js';
import type { ExamRecord, ExamTopicResult } from './progress-data.js';
import { makeQuestion } from './questions.js';
import { type Rng, shuffle } from './rng.js';
import type { Question } from './types.js';

/** Kinds with one checkable answer (cloze and recall are for study). */
export const EXAM_KINDS: ReadonlySet<CardKind> = new Set([
  'which-heading',
  'which-fact',
  'list-children',
  'term',
  // The notes' own question, when its answer is a name among others (questions.ts).
  'qa',
]);
export const DEFAULT_QUESTIONS = 20;
/** The AWS associate exams pass at 720/1000. */
export const DEFAULT_PASS = 72;

export interface Draw {
  questions: Question[];
  /** Questions the chosen topics can give. */
  available: number;
}

/**
 * N distinct multiple-choice questions from the given cards, spread over the
 * topics in proportion to how many exam cards each has, at most one per
 * section while other sections are left, in a seeded random order.
 *
 * Questions are made only for the cards drawn (in shuffled order, until a
 * topic has its share): a deck of 140,000 cards costs a shuffle, not 140,000
 * questions. A card that gives no multiple-choice question is passed over;
 * a topic that runs short leaves its share to the others.
 */
export function drawExam(
  cards: readonly Card[],
  index: DeckIndex,
  count: number,
  rng: Rng,
  /** Words the stems in the learner's language. */
  say: Say,
): Draw {
  const byTopic = new Map<string, Card[]>();
  for (const card of cards) {
    if (!EXAM_KINDS.has(card.kind)) continue;
    const list = byTopic.get(card.topic);
    if (list) list.push(card);
    else byTopic.set(card.topic, [card]);
  }
  const topics = [...byTopic.keys()];
  const sizes = topics.map((topic) => byTopic.get(topic)?.length ?? 0);
  const shares = largestRemainder(sizes, count, sizes);
  const draws: (Generator<Card> | undefined)[] = topics.map((topic) =>
    sectionFirst(shuffle(byTopic.get(topic) ?? [], rng)),
  );
  const picked: Question[] = [];
  let exhausted = 0;
  let made = 0;
  const take = (i: number, want: number) => {
    const draw = draws[i];
    let got = 0;
    while (draw && got < want) {
      const next = draw.next();
      if (next.done) {
        draws[i] = undefined;
        exhausted += 1;
        return;
      }
      made += 1;
      const question = makeQuestion(next.value, index, rng, 'exam', say);
      if (question?.format !== 'choice') continue;
      picked.push(question);
      got += 1;
    }
  };
  topics.forEach((_, i) => {
    take(i, shares[i] ?? 0);
  });
  // Topics that ran short: the others make up for them, in turn.
  for (let i = 0; picked.length < count && exhausted < topics.length; i = (i + 1) % topics.length) {
    take(i, 1);
  }
  const candidates = sizes.reduce((sum, size) => sum + size, 0);
  // Every card tried: the exact number of questions; else at least `count` were there.
  const available =
    exhausted === topics.length
      ? picked.length
      : Math.max(count, candidates - made + picked.length);
  return { questions: shuffle(picked, rng), available };
}

/** The cards in order, the first of each section first, then the seconds and the rest. */
function* sectionFirst(pool: readonly Card[]): Generator<Card> {
  const seen = new Set<string>();
  const rest: Card[] = [];
  for (const card of pool) {
    if (seen.has(card.section)) {
      rest.push(card);
      continue;
    }
    seen.add(card.section);
    yield card;
  }
  yield* rest;
}

export interface ExamState {
  questions: Question[];
  /** Chosen option per question; undefined = unanswered. */
  answers: (number | undefined)[];
  flags: boolean[];
  /** Milliseconds spent on each question, over every visit. */
  spent: number[];
  /** The question shown; questions.length = the review screen. */
  position: number;
  /** True once the review screen was reached: answering returns to it, no stepping back. */
  reviewing: boolean;
  startedAt: number;
  /** Epoch ms when time runs out, if timed. */
  deadline: number | undefined;
  /** Set when the exam is over: submitted by the user, or ended by the clock. */
  ended: 'submitted' | 'timeout' | undefined;
}

export function startExam(questions: Question[], now: number, minutes?: number): ExamState {
  return {
    questions,
    answers: questions.map(() => undefined),
    flags: questions.map(() => false),
    spent: questions.map(() => 0),
    position: 0,
    reviewing: false,
    startedAt: now,
    deadline: minutes === undefined ? undefined : now + minutes * 60_000,
    ended: undefined,
  };
}

/** What happens during an exam; `ms` is the time spent on the question just left. */
export type ExamEvent =
  | { type: 'answer'; option: number; flagged: boolean; ms: number }
  | { type: 'back'; flagged: boolean; ms: number }
  | { type: 'open'; index: number }
  | { type: 'submit' }
  | { type: 'timeout' }
  | { type: 'tick'; now: number };

/**
 * The exam as a state machine: every move between questions, flags, the
 * review screen and the end. Pure; the clock comes in with `tick`.
 */
export function examReducer(state: ExamState, event: ExamEvent): ExamState {
  if (state.ended !== undefined) return state;
  const index = state.position;
  switch (event.type) {
    case 'answer': {
      if (index >= state.questions.length) return state;
      const answered = answerQuestion(
        spend(state, index, event.ms),
        index,
        event.option,
        event.flagged,
      );
      return goTo(answered, state.reviewing ? state.questions.length : index + 1);
    }
    case 'back': {
      if (index === 0 || index >= state.questions.length || state.reviewing) return state;
      return goTo(flagQuestion(spend(state, index, event.ms), index, event.flagged), index - 1);
    }
    case 'open':
      if (index < state.questions.length) return state;
      return { ...goTo(state, event.index), reviewing: true };
    case 'submit':
      return index < state.questions.length ? state : { ...state, ended: 'submitted' };
    case 'timeout':
      return { ...state, ended: 'timeout' };
    case 'tick':
      return expired(state, event.now) ? { ...state, ended: 'timeout' } : state;
  }
}

function spend(state: ExamState, index: number, ms: number): ExamState {
  const spent = [...state.spent];
  spent[index] = (spent[index] ?? 0) + Math.max(0, ms);
  return { ...state, spent };
}

/** The screen an exam state asks for. */
export type ExamScreen =
  | { type: 'question'; index: number; canGoBack: boolean }
  | { type: 'review'; items: ReviewItem[]; answered: number; flagged: number }
  | { type: 'ended'; timedOut: boolean };

export interface ReviewItem {
  index: number;
  answered: boolean;
  flagged: boolean;
  /** The question's first line. */
  label: string;
}

export function examScreen(state: ExamState): ExamScreen {
  if (state.ended !== undefined) return { type: 'ended', timedOut: state.ended === 'timeout' };
  if (state.position < state.questions.length) {
    return {
      type: 'question',
      index: state.position,
      canGoBack: state.position > 0 && !state.reviewing,
    };
  }
  const items = state.questions
    .map((question, index) => ({
      index,
      answered: state.answers[index] !== undefined,
      flagged: state.flags[index] ?? false,
      label: question.stem.split('\n')[0] ?? '',
    }))
    .filter((item) => item.flagged || !item.answered);
  return {
    type: 'review',
    items,
    answered: answeredCount(state),
    flagged: state.flags.filter(Boolean).length,
  };
}

export function answeredCount(state: ExamState): number {
  return state.answers.filter((answer) => answer !== undefined).length;
}

export function remaining(state: ExamState, now: number): number | undefined {
  return state.deadline === undefined ? undefined : Math.max(0, state.deadline - now);
}

export function expired(state: ExamState, now: number): boolean {
  return state.deadline !== undefined && now >= state.deadline;
}

export function answerQuestion(
  state: ExamState,
  index: number,
  option: number,
  flagged: boolean,
): ExamState {
  const answers = [...state.answers];
  const flags = [...state.flags];
  answers[index] = option;
  flags[index] = flagged;
  return { ...state, answers, flags };
}

export function flagQuestion(state: ExamState, index: number, flagged: boolean): ExamState {
  const flags = [...state.flags];
  flags[index] = flagged;
  return { ...state, flags };
}

export function goTo(state: ExamState, position: number): ExamState {
  return { ...state, position: Math.max(0, Math.min(state.questions.length, position)) };
}

/** A scored exam: what the history keeps (ExamRecord, less date and topics), and more. */
export interface ExamResult extends Omit<ExamRecord, 'date' | 'topics'> {
  /** 0–100, rounded down to one decimal. */
  percent: number;
  /** Indexes of questions answered wrong or not at all. */
  missed: number[];
  unanswered: number;
}

/** What the history keeps of a scored exam. */
export function examRecord(result: ExamResult, date: Date, topics: string[]): ExamRecord {
  const { score, total, passMark, passed, seconds, byTopic } = result;
  return { date: date.toISOString(), topics, score, total, passMark, passed, seconds, byTopic };
}

/** Unanswered questions count as wrong, as in the AWS exams. */
export function scoreExam(state: ExamState, passMark: number, now: number): ExamResult {
  const total = state.questions.length;
  const topics = new Map<string, ExamTopicResult>();
  const missed: number[] = [];
  let score = 0;
  let unanswered = 0;
  state.questions.forEach((question, i) => {
    const chosen = state.answers[i];
    const right = chosen !== undefined && chosen === question.correct;
    if (chosen === undefined) unanswered += 1;
    if (right) score += 1;
    else missed.push(i);
    const row = topics.get(question.topic) ?? { topic: question.topic, right: 0, total: 0 };
    row.total += 1;
    if (right) row.right += 1;
    topics.set(question.topic, row);
  });
  const percent = total === 0 ? 0 : Math.floor((score / total) * 1000) / 10;
  const end = state.deadline === undefined ? now : Math.min(now, state.deadline);
  return {
    score,
    total,
    percent,
    passMark,
    passed: total > 0 && percent >= passMark,
    seconds: Math.max(0, Math.round((end - state.startedAt) / 1000)),
    byTopic: [...topics.values()].sort(
      (a, b) => a.right / a.total - b.right / b.total || b.total - a.total,
    ),
    missed,
    unanswered,
  };
}
