/**
 * The study session as a pure state machine: which cards, in what order,
 * where we are, and the summary. Time and scheduling come in as values.
 */

import type { Card } from '../content/model.js';
import { dayStart } from './day.js';

/** What the session needs to know of a card's schedule; undefined = never studied. */
export interface CardStatus {
  /** Epoch ms when the card is due. */
  due: number;
}

/** Order of kinds among a session's new cards. */
const NEW_CARD_RANK: Record<Card['kind'], number> = {
  recall: 0,
  'which-heading': 1,
  term: 2,
  cloze: 2,
  'which-fact': 3,
  'list-children': 4,
};

export interface PlanInput {
  /** Candidate cards in note order. */
  cards: readonly Card[];
  status: (id: string) => CardStatus | undefined;
  now: Date;
  /** How many new cards may still be introduced today. */
  newAllowance: number;
  /** At most this many questions (undefined: no limit). */
  limit?: number | undefined;
}

export interface Plan {
  queue: Card[];
  /** Due cards in the queue. */
  due: number;
  /** New cards in the queue. */
  fresh: number;
  /** Due cards that did not fit in the limit. */
  dueLeftOver: number;
  /** At most this many questions, repeats of missed cards included. */
  limit?: number | undefined;
}

/** Due cards first (most overdue first), then new cards in note order, up to the allowance and the limit. */
export function planStudy(input: PlanInput): Plan {
  const now = input.now.getTime();
  const due: { card: Card; due: number }[] = [];
  const fresh: Card[] = [];
  for (const card of input.cards) {
    const status = input.status(card.id);
    if (!status) fresh.push(card);
    else if (status.due <= now) due.push({ card, due: status.due });
  }
  due.sort((a, b) => a.due - b.due);
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  const dueCards = due.map((d) => d.card).slice(0, limit);
  const room = Math.max(0, Math.min(input.newAllowance, limit - dueCards.length));
  // The day's new cards: first in note order, then asked recall first and
  // lists last, so a section's test questions do not follow its answer at once.
  const newCards = fresh
    .slice(0, room)
    .map((card, order) => ({ card, order, rank: NEW_CARD_RANK[card.kind] }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ card }) => card);
  return {
    queue: [...dueCards, ...newCards],
    due: dueCards.length,
    fresh: newCards.length,
    dueLeftOver: due.length - dueCards.length,
    limit: input.limit,
  };
}

/** Only what is due (for `review`). */
export function planReview(input: Omit<PlanInput, 'newAllowance'>): Plan {
  return planStudy({ ...input, newAllowance: 0 });
}

/** The next time any of these cards is due, or undefined if none was studied. */
export function nextDue(
  cards: readonly Card[],
  status: (id: string) => CardStatus | undefined,
): number | undefined {
  let next: number | undefined;
  for (const card of cards) {
    const due = status(card.id)?.due;
    if (due !== undefined && (next === undefined || due < next)) next = due;
  }
  return next;
}

export interface SessionState {
  queue: Card[];
  position: number;
  /** Ids asked again in this session after a miss (each at most once). */
  repeated: string[];
  answered: number;
  correct: number;
  /** New cards answered for the first time. */
  learned: number;
  /** At most this many questions, repeats included (undefined: no limit). */
  limit?: number | undefined;
  /** Ids of cards that were new when the session started. */
  newIds: string[];
}

export function startSession(plan: Plan): SessionState {
  return {
    limit: plan.limit,
    queue: [...plan.queue],
    position: 0,
    repeated: [],
    answered: 0,
    correct: 0,
    learned: 0,
    newIds: plan.queue.slice(plan.due).map((card) => card.id),
  };
}

export interface Current {
  card: Card;
  /** 1-based. */
  number: number;
  total: number;
  /** Due (not new) cards still waiting after this one. */
  dueLeft: number;
  /** New cards still waiting after this one. */
  newLeft: number;
  /** True when this is a repeat of a card missed earlier in the session. */
  repeat: boolean;
}

export function current(state: SessionState): Current | undefined {
  const card = state.queue[state.position];
  if (!card) return undefined;
  const fresh = new Set(state.newIds);
  const repeats = new Set(state.repeated);
  let dueLeft = 0;
  let newLeft = 0;
  // Cards seen before position i: a later copy is a repeat (one pass, not indexOf per card).
  const seen = new Set<Card>();
  for (let i = 0; i < state.position; i++) {
    const earlier = state.queue[i];
    if (earlier) seen.add(earlier);
  }
  const repeat = seen.has(card);
  seen.add(card);
  for (let i = state.position + 1; i < state.queue.length; i++) {
    const later = state.queue[i];
    if (!later || seen.has(later)) continue; // a repeat
    seen.add(later);
    if (fresh.has(later.id)) newLeft += 1;
    else if (!repeats.has(later.id)) dueLeft += 1;
  }
  return {
    card,
    number: state.position + 1,
    total: state.queue.length,
    dueLeft,
    newLeft,
    repeat,
  };
}

/** Cards a missed card waits behind before it is asked again. */
export const REPEAT_GAP = 3;

/**
 * Records an answer and moves on. A missed card comes back once later in the
 * same session (after REPEAT_GAP other cards, or at the end), like a short
 * learning step, unless the session's question limit is reached (the
 * scheduler has it due again soon anyway).
 */
export function answer(state: SessionState, correct: boolean): SessionState {
  const now = current(state);
  if (!now) return state;
  const queue = [...state.queue];
  const repeated = [...state.repeated];
  const firstTime = !now.repeat;
  const room = state.limit === undefined || queue.length < state.limit;
  if (!correct && firstTime && room && !repeated.includes(now.card.id)) {
    repeated.push(now.card.id);
    queue.splice(Math.min(queue.length, state.position + 1 + REPEAT_GAP), 0, now.card);
  }
  return {
    ...state,
    queue,
    repeated,
    position: state.position + 1,
    answered: state.answered + 1,
    correct: state.correct + (correct ? 1 : 0),
    learned: state.learned + (firstTime && state.newIds.includes(now.card.id) ? 1 : 0),
  };
}

export interface Summary {
  answered: number;
  correct: number;
  /** 0–1, undefined with no answers. */
  accuracy: number | undefined;
  learned: number;
}

export function summarize(state: SessionState): Summary {
  return {
    answered: state.answered,
    correct: state.correct,
    accuracy: state.answered === 0 ? undefined : state.correct / state.answered,
    learned: state.learned,
  };
}

/**
 * New cards already introduced today: cards whose first answer ever falls on
 * today's local date. `firstAnswered` maps card id → epoch ms of its first answer.
 */
export function newToday(firstAnswered: Iterable<number>, now: Date): number {
  const start = dayStart(now).getTime();
  let count = 0;
  for (const t of firstAnswered) if (t >= start && t <= now.getTime()) count += 1;
  return count;
}
