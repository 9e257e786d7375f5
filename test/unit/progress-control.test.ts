/**
 * Issue 14's store side: suspending cards, taking back an answer, and reset
 * clearing suspension. Each change is read back through a fresh store, as the
 * next awsquiz run would see it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSuspended } from '../../src/quiz/progress-data.js';
import { schedule } from '../../src/quiz/scheduler.js';
import { type AnswerRecord, openProgress, readProgress } from '../../src/store/progress.js';
import { tempDir } from '../helpers/cli.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function setup() {
  const dir = tempDir();
  const open = { env: { AWSQUIZ_DATA_DIR: dir }, now: () => NOW, onWarning: () => {} };
  return { dir, open };
}

function answer(cardId: string, now: Date, exam = false): AnswerRecord {
  return {
    cardId,
    kind: 'recall',
    grade: 3,
    correct: true,
    ms: 900,
    now,
    exam,
    reschedule: (previous) => schedule(previous, 3, now),
  };
}

describe('suspend and unsuspend', () => {
  it('sets cards aside with the time, keeps their state and log, and brings them back', async () => {
    const { open } = setup();
    const store = await openProgress(open);
    store.recordAnswer(answer('a', NOW));
    const state = store.data.cards.a;
    store.suspend(['a', 'b'], later(1));
    let data = readProgress(open);
    expect(data.suspended).toEqual({ a: later(1).getTime(), b: later(1).getTime() });
    expect(isSuspended(data, 'a')).toBe(true);
    expect(isSuspended(data, 'c')).toBe(false);
    expect(data.cards.a).toEqual(state);
    expect(data.log).toHaveLength(1);
    // Suspending again keeps the first time.
    store.suspend(['a'], later(5));
    expect(readProgress(open).suspended.a).toBe(later(1).getTime());
    store.unsuspend(['a']);
    data = readProgress(open);
    expect(isSuspended(data, 'a')).toBe(false);
    expect(isSuspended(data, 'b')).toBe(true);
    store.unsuspend('all');
    expect(readProgress(open).suspended).toEqual({});
  });

  it('reads a file without the field (written by an older awsquiz) as nothing suspended', async () => {
    const { dir, open } = setup();
    const old = JSON.stringify({ schemaVersion: 1, cards: {}, log: [], exams: [] });
    writeFileSync(join(dir, 'progress.json'), old);
    expect(readProgress(open).suspended).toEqual({});
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(old);
  });

  it('drops a suspension without a time as a damaged entry and keeps the rest', async () => {
    const { dir, open } = setup();
    const warnings: unknown[] = [];
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({
        schemaVersion: 1,
        cards: {},
        log: [],
        exams: [],
        suspended: { a: 5, b: 'x' },
      }),
    );
    const data = readProgress({ ...open, onWarning: (m) => warnings.push(m) });
    expect(data.suspended).toEqual({ a: 5 });
    expect(warnings).toHaveLength(1);
  });

  it('is cleared by reset for the reset cards, and by reset all', async () => {
    const { open } = setup();
    const store = await openProgress(open);
    store.suspend(['a', 'b'], NOW);
    store.reset(['a']);
    expect(readProgress(open).suspended).toEqual({ b: NOW.getTime() });
    store.reset('all');
    expect(readProgress(open).suspended).toEqual({});
  });
});

describe('undoAnswer', () => {
  it('takes back one study answer: the log loses it and the card goes back', async () => {
    const { open } = setup();
    const store = await openProgress(open);
    store.recordAnswer(answer('a', NOW));
    const before = store.data.cards.a;
    store.recordAnswer(answer('b', later(1)));
    store.recordAnswer(answer('a', later(2)));
    expect(store.undoAnswer({ cardId: 'a', time: later(2).getTime(), previous: before })).toBe(
      true,
    );
    const data = readProgress(open);
    expect(data.cards.a).toEqual(before);
    expect(data.log.map(([id, time]) => [id, time])).toEqual([
      ['a', NOW.getTime()],
      ['b', later(1).getTime()],
    ]);
  });

  it('forgets a card that had no state before the answer', async () => {
    const { open } = setup();
    const store = await openProgress(open);
    store.recordAnswer(answer('a', NOW));
    expect(store.undoAnswer({ cardId: 'a', time: NOW.getTime(), previous: undefined })).toBe(true);
    const data = readProgress(open);
    expect(data.cards.a).toBeUndefined();
    expect(data.log).toEqual([]);
  });

  it('returns false and changes nothing when the review is not there', async () => {
    const { open } = setup();
    const store = await openProgress(open);
    store.recordAnswer(answer('a', NOW));
    // An exam answer at the same time is not a study answer to take back.
    store.recordAnswer(answer('b', later(1), true));
    const before = readProgress(open);
    const other = await openProgress(open);
    other.reset(['a']);
    const afterReset = readProgress(open);
    expect(store.undoAnswer({ cardId: 'a', time: NOW.getTime(), previous: undefined })).toBe(false);
    expect(store.undoAnswer({ cardId: 'b', time: later(1).getTime(), previous: undefined })).toBe(
      false,
    );
    expect(readProgress(open)).toEqual(afterReset);
    expect(afterReset.log).toHaveLength(before.log.length - 1);
  });
});
