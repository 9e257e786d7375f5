import { describe, expect, it } from 'vitest';
import {
  gradeFromOutcome,
  isDue,
  maturity,
  newCardState,
  retrievability,
  schedule,
} from '../../src/quiz/scheduler.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const DAY = 86_400_000;

describe('grade mapping', () => {
  it('maps multiple choice and typed answers to Again / Good', () => {
    expect(gradeFromOutcome('choice', true)).toBe(3);
    expect(gradeFromOutcome('choice', false)).toBe(1);
    expect(gradeFromOutcome('typed', true)).toBe(3);
    expect(gradeFromOutcome('typed', false)).toBe(1);
  });

  it('uses the self-grade for recall', () => {
    expect(gradeFromOutcome('recall', true, 'again')).toBe(1);
    expect(gradeFromOutcome('recall', true, 'hard')).toBe(2);
    expect(gradeFromOutcome('recall', true, 'good')).toBe(3);
    expect(gradeFromOutcome('recall', true, 'easy')).toBe(4);
  });
});

describe('FSRS scheduling', () => {
  it('moves a new card into learning and makes it due later', () => {
    const state = schedule(undefined, 3, NOW);
    expect(state.state).not.toBe(0);
    expect(state.reps).toBe(1);
    expect(state.due).toBeGreaterThan(NOW.getTime());
    expect(maturity(undefined)).toBe('new');
    expect(maturity(state)).toBe('learning');
  });

  it('grows the interval with each success and resets it with a lapse', () => {
    let state = schedule(undefined, 3, NOW);
    let now = NOW;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      now = new Date(state.due);
      state = schedule(state, 3, now);
      intervals.push(state.due - now.getTime());
    }
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i]).toBeGreaterThanOrEqual(intervals[i - 1] ?? 0);
    }
    expect(maturity(state)).toBe('mature');
    const lapsed = schedule(state, 1, new Date(state.due));
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due - state.due).toBeLessThan(DAY);
    expect(maturity(lapsed)).toBe('learning');
  });

  it('schedules Easy further out than Good, and Good than Hard', () => {
    const hard = schedule(undefined, 2, NOW).due;
    const good = schedule(undefined, 3, NOW).due;
    const easy = schedule(undefined, 4, NOW).due;
    expect(hard).toBeLessThanOrEqual(good);
    expect(good).toBeLessThan(easy);
  });

  it('is deterministic (no fuzz) and honours the desired retention', () => {
    let a = schedule(undefined, 4, NOW, 0.9);
    let b = schedule(undefined, 4, NOW, 0.8);
    a = schedule(a, 3, new Date(a.due), 0.9);
    b = schedule(b, 3, new Date(b.due), 0.8);
    expect(schedule(undefined, 3, NOW)).toEqual(schedule(undefined, 3, NOW));
    expect(b.scheduledDays).toBeGreaterThan(a.scheduledDays);
  });

  it('knows what is due and how well it is remembered', () => {
    const state = schedule(undefined, 3, NOW);
    expect(isDue(state, NOW)).toBe(false);
    expect(isDue(state, new Date(state.due))).toBe(true);
    expect(isDue(newCardState(NOW), NOW)).toBe(false);
    const later = retrievability(state, new Date(NOW.getTime() + 30 * DAY));
    expect(retrievability(state, new Date(state.due))).toBeGreaterThan(later);
    expect(retrievability(undefined, NOW)).toBe(0);
    // Within the first day it already falls: a card reviewed this morning is not at 100% tonight.
    const tonight = retrievability(state, new Date(NOW.getTime() + 12 * 3_600_000));
    expect(tonight).toBeLessThan(1);
    expect(tonight).toBeGreaterThan(later);
  });
});
