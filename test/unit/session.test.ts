import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { dayStart } from '../../src/quiz/day.js';
import {
  answer,
  current,
  interleaveTopics,
  newToday,
  nextDue,
  planReview,
  planStudy,
  REPEAT_GAP,
  refreshCards,
  sectionsAnsweredToday,
  skipCard,
  startSession,
  summarize,
} from '../../src/quiz/session.js';

const card = (id: string, topic = 'EC2'): Card => ({
  id,
  kind: 'recall',
  topic,
  path: [topic, id],
  source: id,
  prompt: id,
  answer: id,
  section: id,
  line: 1,
  file: 'x.md',
});

const NOW = new Date('2026-11-25T10:00:00Z');
const HOUR = 3_600_000;
const cards = ['n1', 'd1', 'n2', 'd2', 'future', 'n3', 'd3'].map((id) => card(id));
const schedule: Record<string, number> = {
  d1: NOW.getTime() - HOUR,
  d2: NOW.getTime() - 5 * HOUR,
  d3: NOW.getTime(),
  future: NOW.getTime() + 24 * HOUR,
};
const status = (id: string) => (id in schedule ? { due: schedule[id] as number } : undefined);

describe('planStudy', () => {
  it('puts due cards first, most overdue first, then new cards in note order', () => {
    const plan = planStudy({ cards, status, now: NOW, newAllowance: 20 });
    expect(plan.queue.map((c) => c.id)).toEqual(['d2', 'd1', 'd3', 'n1', 'n2', 'n3']);
    expect(plan).toMatchObject({ due: 3, fresh: 3, dueLeftOver: 0 });
  });

  it("asks the day's new cards recall first and lists last", () => {
    const mixed = [
      { ...card('a-list'), kind: 'list-children' as const },
      { ...card('a-fact'), kind: 'which-fact' as const },
      card('a-recall'),
      { ...card('b-heading'), kind: 'which-heading' as const },
      card('b-recall'),
    ];
    const plan = planStudy({ cards: mixed, status: () => undefined, now: NOW, newAllowance: 20 });
    expect(plan.queue.map((c) => c.id)).toEqual([
      'a-recall',
      'b-recall',
      'b-heading',
      'a-fact',
      'a-list',
    ]);
  });

  it('introduces no more new cards than the day allows', () => {
    const plan = planStudy({ cards, status, now: NOW, newAllowance: 1 });
    expect(plan.queue.map((c) => c.id)).toEqual(['d2', 'd1', 'd3', 'n1']);
    expect(planStudy({ cards, status, now: NOW, newAllowance: 0 }).fresh).toBe(0);
  });

  it('stops at the limit, due cards before new ones', () => {
    const plan = planStudy({ cards, status, now: NOW, newAllowance: 20, limit: 2 });
    expect(plan.queue.map((c) => c.id)).toEqual(['d2', 'd1']);
    expect(plan.dueLeftOver).toBe(1);
  });

  it('review takes only due cards', () => {
    expect(planReview({ cards, status, now: NOW }).queue.map((c) => c.id)).toEqual([
      'd2',
      'd1',
      'd3',
    ]);
  });

  it('knows when the next card is due', () => {
    expect(nextDue(cards, status)).toBe(NOW.getTime() - 5 * HOUR);
    expect(nextDue([card('n9')], status)).toBeUndefined();
  });
});

describe('a session', () => {
  const plan = planStudy({ cards, status, now: NOW, newAllowance: 20 });

  it('shows where you are and how many due cards are left', () => {
    const state = startSession(plan);
    expect(current(state)).toMatchObject({
      number: 1,
      total: 6,
      dueLeft: 2,
      newLeft: 3,
      repeat: false,
    });
    const after = answer(answer(state, true), true);
    expect(current(after)).toMatchObject({ number: 3, dueLeft: 0, newLeft: 3 });
    // A missed card that will come back counts as one more review left.
    const missed = answer(after, false);
    expect(current(missed)).toMatchObject({ number: 4, dueLeft: 1, newLeft: 2 });
    // The header never says "0 left" while a card is still to come.
    let rest = missed;
    for (let now = current(rest); now; now = current(rest)) {
      expect(now.dueLeft + now.newLeft).toBe(now.total - now.number);
      rest = answer(rest, false);
    }
  });

  it('asks no more than --limit questions, repeats of missed cards included', () => {
    const limited = planStudy({ cards, status, now: NOW, newAllowance: 20, limit: 3 });
    let state = startSession(limited);
    let asked = 0;
    while (current(state)) {
      state = answer(state, false); // every answer wrong: each would come back
      asked += 1;
    }
    expect(asked).toBe(3);
  });

  it('asks a missed card once more later in the session, not forever', () => {
    let state = startSession(plan);
    state = answer(state, false); // d2 missed
    expect(state.queue.map((c) => c.id)).toEqual(['d2', 'd1', 'd3', 'n1', 'd2', 'n2', 'n3']);
    expect(state.queue.indexOf(state.queue[0] as Card, 1)).toBe(1 + REPEAT_GAP);
    for (let i = 0; i < 3; i++) state = answer(state, true);
    expect(current(state)).toMatchObject({ repeat: true });
    state = answer(state, false); // missed again: not re-queued a second time
    expect(state.queue).toHaveLength(7);
    while (current(state)) state = answer(state, true);
    expect(summarize(state)).toEqual({ answered: 7, correct: 5, accuracy: 5 / 7, learned: 3 });
  });

  it('summarises an empty session without dividing by zero', () => {
    expect(summarize(startSession(plan))).toEqual({
      answered: 0,
      correct: 0,
      accuracy: undefined,
      learned: 0,
    });
  });
});

describe('days', () => {
  it('count new cards of the local day only', () => {
    const now = new Date(2026, 10, 25, 9, 0, 0);
    const start = dayStart(now).getTime();
    expect(newToday([start - 1, start, start + HOUR, now.getTime() + 1], now)).toBe(2);
  });
});

describe('the order of new cards', () => {
  const of = (id: string, topic: string, section: string, kind: Card['kind'] = 'recall'): Card => ({
    ...card(id, topic),
    section,
    kind,
  });

  it('takes the chosen topics in turn, note order within each', () => {
    const notes = [
      of('e1', 'EC2', 'e1'),
      of('e2', 'EC2', 'e2'),
      of('e3', 'EC2', 'e3'),
      of('s1', 'S3', 's1'),
      of('l1', 'Lambda', 'l1'),
      of('l2', 'Lambda', 'l2'),
    ];
    expect(interleaveTopics(notes).map((c) => c.id)).toEqual(['e1', 's1', 'l1', 'e2', 'l2', 'e3']);
    const plan = planStudy({ cards: notes, status: () => undefined, now: NOW, newAllowance: 3 });
    expect(plan.queue.map((c) => c.id)).toEqual(['e1', 's1', 'l1']);
    const notesOrder = planStudy({
      cards: notes,
      status: () => undefined,
      now: NOW,
      newAllowance: 3,
      order: 'notes',
    });
    expect(notesOrder.queue.map((c) => c.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('introduces one card of a section before a second one, recall first', () => {
    const notes = [
      of('a-heading', 'EC2', 'a', 'which-heading'),
      of('a-recall', 'EC2', 'a'),
      of('a-fact', 'EC2', 'a', 'which-fact'),
      of('b-recall', 'EC2', 'b'),
      of('c-fact', 'EC2', 'c', 'which-fact'),
    ];
    const plan = planStudy({ cards: notes, status: () => undefined, now: NOW, newAllowance: 4 });
    expect(plan.queue.map((c) => c.id)).toEqual(['a-recall', 'b-recall', 'c-fact', 'a-heading']);
  });

  it('leaves suspended cards out', () => {
    const plan = planStudy({
      cards,
      status,
      now: NOW,
      newAllowance: 20,
      suspended: (id) => id === 'd1' || id === 'n2',
    });
    expect(plan.queue.map((c) => c.id)).toEqual(['d2', 'd3', 'n1', 'n3']);
  });
});

describe('sibling burying', () => {
  const of = (id: string, section: string): Card => ({ ...card(id), section });
  const deck = [of('a1', 'a'), of('a2', 'a'), of('a3', 'a'), of('b1', 'b'), of('c1', 'c')];
  const dueAll = (id: string) => ({
    due: NOW.getTime() - (deck.findIndex((c) => c.id === id) + 1) * HOUR,
  });

  it("asks a section's other cards only when nothing else is left, a missed card's repeat still", () => {
    const plan = planStudy({ cards: deck, status: dueAll, now: NOW, newAllowance: 0 });
    let state = startSession(plan);
    const asked: string[] = [];
    for (let now = current(state); now; now = current(state)) {
      asked.push(now.card.id);
      state = answer(state, now.card.id !== 'c1'); // c1 missed: it comes back
    }
    // Most overdue first is c1, b1, a3, a2, a1; a3 buries a2 and a1 until b1 and c1 are done.
    expect(asked).toEqual(['c1', 'b1', 'a3', 'a2', 'c1', 'a1']);
  });

  it("reads today's sections from the study log: not yesterday's, not an exam's", () => {
    const start = dayStart(NOW).getTime();
    const log: [string, number, number, string, number, number][] = [
      ['a1', start + 1000, 3, 'recall', 1, 1],
      ['b1', start - 1000, 3, 'recall', 1, 1],
      ['c1', start + 2000, 3, 'recall', 1, 3],
    ];
    expect([...sectionsAnsweredToday(deck, log, NOW)]).toEqual(['a']);
  });

  it('puts sections answered earlier today last', () => {
    const plan = planStudy({
      cards: deck,
      status: () => undefined,
      now: NOW,
      newAllowance: 3,
      buried: new Set(['a']),
    });
    expect(plan.queue.map((c) => c.id)).toEqual(['b1', 'c1', 'a1']);
  });

  it('skips a suspended card and its repeat', () => {
    const plan = planStudy({ cards: deck, status: dueAll, now: NOW, newAllowance: 0 });
    let state = answer(startSession(plan), false); // c1 missed: repeat queued
    state = skipCard({ ...state, position: 0 });
    expect(state.queue.map((c) => c.id)).not.toContain('c1');
  });

  it('drops cards whose text changed after an edit, keeps the rest with their new text', () => {
    const state = startSession(
      planStudy({ cards: deck, status: dueAll, now: NOW, newAllowance: 0 }),
    );
    const edited = deck.filter((c) => c.id !== 'b1').map((c) => ({ ...c, answer: `${c.id}!` }));
    const after = refreshCards(state, edited);
    expect(after.queue.map((c) => c.id)).toEqual(['c1', 'a3', 'a2', 'a1']);
    expect(after.queue[1]?.answer).toBe('a3!');
  });

  it('asks the new version of a card whose line was edited (same file, line and kind)', () => {
    const state = startSession(
      planStudy({ cards: deck, status: dueAll, now: NOW, newAllowance: 0 }),
    );
    const b1 = deck.find((c) => c.id === 'b1') as Card;
    const edited = [...deck.filter((c) => c !== b1), { ...b1, id: 'b1-edited', line: b1.line }];
    const after = refreshCards(state, edited, deck);
    expect(after.queue.map((c) => c.id)).toEqual(['c1', 'b1-edited', 'a3', 'a2', 'a1']);
    expect(current({ ...after, position: 1 })).toMatchObject({ repeat: false });
  });
});
