/**
 * The study session as a pure state machine: which cards, in what order,
 * where we are, and the summary. Time and scheduling come in as values.
 */

import type { Card } from '../content/model.js';
import { dayStart } from './day.js';
import { FLAG_EXAM } from './progress-data.js';

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
  // The notes' own question: asked soon, as the learner wrote it to be asked.
  qa: 1,
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
  /** Cards set aside by the learner: never planned. */
  suspended?: ((id: string) => boolean) | undefined;
  /**
   * Sections (card.section) with a card answered earlier today: their cards
   * come after every other card (siblings are buried for the day).
   */
  buried?: ReadonlySet<string> | undefined;
  /** New cards across topics in turn ('mixed', the default), or in note order. */
  order?: NewCardOrder | undefined;
}

export type NewCardOrder = 'mixed' | 'notes';

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
  /** Sections answered earlier today (see PlanInput.buried). */
  buried?: readonly string[] | undefined;
}

/** Cards round-robin across their topics (in the order topics first appear), note order within each. */
export function interleaveTopics(cards: readonly Card[]): Card[] {
  const byTopic = new Map<string, Card[]>();
  for (const card of cards) {
    const list = byTopic.get(card.topic);
    if (list) list.push(card);
    else byTopic.set(card.topic, [card]);
  }
  const lists = [...byTopic.values()];
  const out: Card[] = [];
  for (let round = 0; out.length < cards.length; round++) {
    for (const list of lists) {
      const card = list[round];
      if (card) out.push(card);
    }
  }
  return out;
}

/**
 * The day's new cards, siblings spread apart: first one card of each section
 * (recall first within a section), then a second one of each, and so on;
 * sections answered earlier today come last. Sections keep the order of
 * their first card in `ordered`.
 */
function spreadSiblings(ordered: readonly Card[], buried: ReadonlySet<string>): Card[] {
  const sectionOrder = new Map<string, number>();
  const bySection = new Map<string, { card: Card; order: number }[]>();
  ordered.forEach((card, order) => {
    if (!sectionOrder.has(card.section)) sectionOrder.set(card.section, sectionOrder.size);
    const list = bySection.get(card.section) ?? [];
    list.push({ card, order });
    bySection.set(card.section, list);
  });
  const keyed: { card: Card; late: number; round: number; rank: number; section: number }[] = [];
  for (const [section, list] of bySection) {
    list.sort(
      (a, b) => NEW_CARD_RANK[a.card.kind] - NEW_CARD_RANK[b.card.kind] || a.order - b.order,
    );
    list.forEach(({ card }, round) => {
      keyed.push({
        card,
        late: buried.has(section) ? 1 : 0,
        round,
        rank: NEW_CARD_RANK[card.kind],
        section: sectionOrder.get(section) ?? 0,
      });
    });
  }
  keyed.sort(
    (a, b) => a.late - b.late || a.round - b.round || a.rank - b.rank || a.section - b.section,
  );
  return keyed.map(({ card }) => card);
}

/**
 * Due cards first (most overdue first), then new cards: across the chosen
 * topics in turn (or in note order), one card of a section before a second
 * one, up to the allowance and the limit. Suspended cards are left out;
 * cards of sections answered earlier today come after all others.
 */
export function planStudy(input: PlanInput): Plan {
  const now = input.now.getTime();
  const buried = input.buried ?? new Set<string>();
  const due: { card: Card; due: number }[] = [];
  const fresh: Card[] = [];
  for (const card of input.cards) {
    if (input.suspended?.(card.id)) continue;
    const status = input.status(card.id);
    if (!status) fresh.push(card);
    else if (status.due <= now) due.push({ card, due: status.due });
  }
  const late = (card: Card) => (buried.has(card.section) ? 1 : 0);
  due.sort((a, b) => late(a.card) - late(b.card) || a.due - b.due);
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  const dueCards = due.map((d) => d.card).slice(0, limit);
  const room = Math.max(0, Math.min(input.newAllowance, limit - dueCards.length));
  let newCards: Card[];
  if (input.order === 'notes') {
    // As before mixing: the first in note order, then recall first and lists last.
    newCards = fresh
      .slice(0, room)
      .map((card, order) => ({ card, order, rank: NEW_CARD_RANK[card.kind] }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ card }) => card);
  } else {
    const ordered = interleaveTopics(fresh);
    const chosen = new Set(spreadSiblings(ordered, buried).slice(0, room));
    // Asked in the spread order again, so the chosen ones of a section stay apart.
    newCards = spreadSiblings(
      ordered.filter((card) => chosen.has(card)),
      buried,
    );
  }
  return {
    queue: [...dueCards, ...newCards],
    due: dueCards.length,
    fresh: newCards.length,
    dueLeftOver: due.length - dueCards.length,
    limit: input.limit,
    buried: [...buried],
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
  /** Sections with a card answered today: their other cards wait until nothing else is left. */
  buried: string[];
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
    buried: [...(plan.buried ?? [])],
  };
}

export interface Current {
  card: Card;
  /** 1-based. */
  number: number;
  total: number;
  /** Cards to review still waiting after this one: due ones and missed ones that come back. */
  dueLeft: number;
  /** New cards still waiting after this one. */
  newLeft: number;
  /** True when this is a repeat of a card missed earlier in the session. */
  repeat: boolean;
}

/** A queue entry is a repeat when the same card came earlier in the queue. */
function isRepeatAt(queue: readonly Card[], index: number): boolean {
  const card = queue[index];
  return card !== undefined && queue.findIndex((c) => c.id === card.id) !== index;
}

export function current(state: SessionState): Current | undefined {
  const card = state.queue[state.position];
  if (!card) return undefined;
  const fresh = new Set(state.newIds);
  let dueLeft = 0;
  let newLeft = 0;
  // Card ids seen before position i: a later copy is a repeat (one pass, not a search per card).
  const seen = new Set<string>();
  for (let i = 0; i < state.position; i++) {
    const earlier = state.queue[i];
    if (earlier) seen.add(earlier.id);
  }
  const repeat = seen.has(card.id);
  seen.add(card.id);
  for (let i = state.position + 1; i < state.queue.length; i++) {
    const later = state.queue[i];
    if (!later) continue;
    const again = seen.has(later.id);
    seen.add(later.id);
    // A missed card that comes back is one more review, whatever it was before.
    if (again || !fresh.has(later.id)) dueLeft += 1;
    else newLeft += 1;
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
 * Sibling burying: when the card at `position` belongs to a section already
 * answered today, the first later card of another section (not a repeat) is
 * brought forward in its place. When no such card is left, the buried ones
 * are asked after all.
 */
function unburyNext(queue: Card[], position: number, buried: ReadonlySet<string>): void {
  const next = queue[position];
  if (!next || !buried.has(next.section) || isRepeatAt(queue, position)) return;
  for (let j = position + 1; j < queue.length; j++) {
    const later = queue[j];
    if (later && !buried.has(later.section) && !isRepeatAt(queue, j)) {
      queue.splice(j, 1);
      queue.splice(position, 0, later);
      return;
    }
  }
}

/**
 * Records an answer and moves on. A missed card comes back once later in the
 * same session (after REPEAT_GAP other cards, or at the end), like a short
 * learning step, unless the session's question limit is reached (the
 * scheduler has it due again soon anyway). The card's section is buried for
 * the rest of the session.
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
  const buried = state.buried.includes(now.card.section)
    ? state.buried
    : [...state.buried, now.card.section];
  unburyNext(queue, state.position + 1, new Set(buried));
  return {
    ...state,
    queue,
    repeated,
    buried,
    position: state.position + 1,
    answered: state.answered + 1,
    correct: state.correct + (correct ? 1 : 0),
    learned: state.learned + (firstTime && state.newIds.includes(now.card.id) ? 1 : 0),
  };
}

/** Sets the current card aside (suspended): it and its repeat leave the queue; the next card is asked. */
export function skipCard(state: SessionState): SessionState {
  const now = current(state);
  if (!now) return state;
  const id = now.card.id;
  const queue = state.queue.filter((card, i) => i < state.position || card.id !== id);
  unburyNext(queue, state.position, new Set(state.buried));
  return { ...state, queue };
}

/**
 * After the notes were edited and read again: cards still waiting are
 * replaced by their new versions. A card whose text changed has a new id: it
 * is replaced by the new card of the same kind made from the same file and
 * line, if there is one (else it leaves the queue). `before` is the deck as
 * it was, so only cards the edit made are brought in.
 */
export function refreshCards(
  state: SessionState,
  cards: readonly Card[],
  before?: readonly Card[],
): SessionState {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const known = new Set(before?.map((card) => card.id));
  const made = new Map<string, Card>();
  for (const card of before ? cards : []) {
    const key = `${card.file}\u0000${card.line}\u0000${card.kind}`;
    if (!known.has(card.id) && !made.has(key)) made.set(key, card);
  }
  const queue: Card[] = [];
  state.queue.forEach((card, i) => {
    if (i < state.position) {
      queue.push(card);
      return;
    }
    const key = `${card.file}\u0000${card.line}\u0000${card.kind}`;
    const fresh = byId.get(card.id) ?? made.get(key);
    if (!fresh) return;
    // One new card stands in for one old one (a repeat keeps its place as a repeat).
    const taken = queue.slice(state.position).some((c) => c.id === fresh.id);
    if (taken && !isRepeatAt(state.queue, i)) return;
    queue.push(fresh);
  });
  const replaced = new Set(state.queue.slice(state.position).map((card) => card.id));
  const newIds = [
    ...state.newIds,
    ...queue
      .slice(state.position)
      .filter((card) => !replaced.has(card.id))
      .map((card) => card.id),
  ];
  return { ...state, queue, newIds };
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
 * Sections with a card answered in a study session earlier today (local day):
 * their other cards are buried for the day. `log` entries are
 * [card id, epoch ms, grade, kind, ms, flags]; exam answers do not count.
 */
export function sectionsAnsweredToday(
  cards: readonly Card[],
  log: readonly (readonly [string, number, ...unknown[]])[],
  now: Date,
): Set<string> {
  const start = dayStart(now).getTime();
  const today = new Set<string>();
  for (const entry of log) {
    const flags = entry[5];
    if (entry[1] >= start && !(typeof flags === 'number' && flags & FLAG_EXAM)) today.add(entry[0]);
  }
  const sections = new Set<string>();
  for (const card of cards) if (today.has(card.id)) sections.add(card.section);
  return sections;
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
