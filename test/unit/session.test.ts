import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { dayStart } from '../../src/quiz/day.js';
import {
  answer,
  current,
  newToday,
  nextDue,
  planReview,
  planStudy,
  REPEAT_GAP,
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
    // A repeat of a missed card is neither due nor new.
    const missed = answer(after, false);
    expect(current(missed)).toMatchObject({ number: 4, dueLeft: 0, newLeft: 2 });
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
