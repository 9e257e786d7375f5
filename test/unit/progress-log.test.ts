/**
 * Issue 16: answers are appended to progress.log beside the progress.json
 * snapshot. A line cut at the end is told apart and never poisons the file,
 * a compaction under two processes loses nothing, and a failure at any write
 * step of a compaction leaves the answers counted exactly once.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/store/journal.js';
import {
  type AnswerRecord,
  COMPACT_AT,
  openProgress,
  ProgressStore,
  readProgress,
} from '../../src/store/progress.js';
import { type FileOps, realOps } from '../../src/store/write.js';
import { writerCommand } from '../helpers/cli.js';
import { saved, storeFolder } from '../helpers/saved.js';

const NOW = new Date('2026-11-25T10:00:00Z');

function setup() {
  return storeFolder(() => NOW);
}

function answer(id: string, at = NOW): AnswerRecord {
  return {
    cardId: id,
    kind: 'recall',
    grade: 3,
    correct: true,
    ms: 10,
    now: at,
    reschedule: (previous) => ({
      due: at.getTime(),
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: (previous?.reps ?? 0) + 1,
      lapses: 0,
      state: 2,
      lastReview: at.getTime(),
    }),
  };
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('the review log', () => {
  it('appends one line per answer with a unique id, and leaves the snapshot alone', async () => {
    const { path, log, open } = setup();
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, cards: {}, log: [], exams: [] }));
    const snapshot = readFileSync(path, 'utf8');
    const store = await openProgress(open);
    for (let i = 0; i < 5; i++) store.recordAnswer(answer(`c${i % 2}`));
    // An older file loads unchanged; its log starts with the first answer.
    expect(readFileSync(path, 'utf8')).toBe(snapshot);
    const parsed = parseLog(readFileSync(log, 'utf8'));
    expect(parsed.generation).toBe(0);
    expect(parsed.records).toHaveLength(5);
    expect(new Set(parsed.records.map((record) => record.id)).size).toBe(5);
    const data = readProgress(open);
    expect(data.log).toHaveLength(5);
    expect(data.cards.c0?.reps).toBe(3);
    expect(data).toEqual(store.data);
  });

  it('ignores a last line cut by a crash when reading, then sets it aside and goes on', async () => {
    const { dir, log, open, warnings } = setup();
    const store = await openProgress(open);
    for (let i = 0; i < 3; i++) store.recordAnswer(answer(`c${i}`));
    const whole = readFileSync(log, 'utf8');
    // kill -9 in the middle of an append: part of a line, no newline.
    appendFileSync(log, '{"id":"x","a":[["c9",17');
    const cut = readFileSync(log, 'utf8');
    expect(readProgress(open).log).toHaveLength(3);
    expect(warnings).toEqual([]);
    // The next save (another process here) repairs under the lock before writing.
    const next = await openProgress(open);
    next.recordAnswer(answer('after'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('1 damaged entry');
    const aside = readdirSync(dir).find((name) => name.startsWith('progress.log.corrupt-'));
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe(cut);
    expect(saved(dir).log.map((entry) => entry[0])).toEqual(['c0', 'c1', 'c2', 'after']);
    // What was whole before the cut is still in the log kept beside the snapshot.
    expect(readFileSync(`${log}.bak`, 'utf8')).toBe(cut);
    expect(whole.length).toBeLessThan(cut.length);
  });

  it('does not glue the next answer to a cut line written by this very process', async () => {
    const { dir, log, open } = setup();
    const store = await openProgress(open);
    store.recordAnswer(answer('a'));
    store.recordAnswer(answer('b'));
    appendFileSync(log, '{"id":"cut"');
    store.recordAnswer(answer('c'));
    store.recordAnswer(answer('d'));
    expect(saved(dir).log.map((entry) => entry[0])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts a damaged line in the middle as one damaged entry and keeps the rest', async () => {
    const { dir, log, open, warnings } = setup();
    const store = await openProgress(open);
    store.recordAnswer(answer('a'));
    appendFileSync(log, 'garbage\n');
    const other = await openProgress(open);
    other.recordAnswer(answer('b'));
    expect(warnings.join('\n')).toContain('1 damaged entry');
    expect(saved(dir).log.map((entry) => entry[0])).toEqual(['a', 'b']);
  });

  it('refuses a log from a newer awsquiz and leaves it untouched', async () => {
    const { log, path, open } = setup();
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, cards: {}, log: [], exams: [] }));
    const newer = '{"awsquizLog":2,"generation":0}\n{"what":"new"}\n';
    writeFileSync(log, newer);
    expect(() => readProgress(open)).toThrow();
    await expect(openProgress(open)).rejects.toThrow();
    expect(readFileSync(log, 'utf8')).toBe(newer);
  });

  it('removes the temp files a dead writer left beside the log, never a live one’s', async () => {
    const { dir, log, open } = setup();
    const dead = `${log}.tmp-999999-abc`;
    const deadBackup = `${log}.bak.tmp-999999-link`;
    const live = `${log}.tmp-${process.ppid}-abc`;
    for (const file of [dead, deadBackup, live]) writeFileSync(file, '{"awsq');
    await openProgress(open);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(deadBackup)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(dir)).toContain(`progress.log.tmp-${process.ppid}-abc`);
  });

  it('folds the log into the snapshot every COMPACT_AT answers, nothing counted twice', async () => {
    const { dir, path, log, open } = setup();
    const store = await openProgress(open);
    const total = COMPACT_AT + 10;
    for (let i = 0; i < total; i++) store.recordAnswer(answer(`c${i % 50}`));
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    expect(snapshot.logGeneration).toBeGreaterThan(1);
    expect(lines(log).length).toBeLessThan(COMPACT_AT);
    const data = saved(dir);
    expect(data.log).toHaveLength(total);
    expect(Object.values(data.cards).reduce((sum, card) => sum + card.reps, 0)).toBe(total);
  });

  it('loses nothing when two processes answer across compactions', async () => {
    const { dir } = setup();
    const run = promisify(execFile);
    const [writer = ''] = writerCommand();
    // A small log, so the two writers compact many times while the other appends.
    const env = { ...process.env, AWSQUIZ_DATA_DIR: dir, AWSQUIZ_COMPACT_AT: '7' };
    await Promise.all([
      run(process.execPath, [writer, 'one', '120'], { env }),
      run(process.execPath, [writer, 'two', '120'], { env }),
    ]);
    const data = saved(dir);
    expect(data.log).toHaveLength(240);
    expect(data.log.filter((entry) => entry[0].startsWith('one'))).toHaveLength(120);
    expect(Object.values(data.cards).reduce((sum, card) => sum + card.reps, 0)).toBe(240);
    expect(
      JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).logGeneration,
    ).toBeGreaterThan(10);
    expect(existsSync(join(dir, 'progress.json.lock'))).toBe(false);
  }, 60_000);
});

describe('a compaction cut short', () => {
  /** Fails the n-th call of one file operation, as a crash or a full disk would there. */
  function failing(op: keyof FileOps, n: number): FileOps {
    let calls = 0;
    const fail = () => {
      calls += 1;
      if (calls === n) throw Object.assign(new Error(`injected at ${op} #${n}`), { code: 'EIO' });
    };
    const ops = { ...realOps } as Record<keyof FileOps, (...args: never[]) => unknown>;
    const real = realOps[op] as (...args: never[]) => unknown;
    ops[op] = (...args: never[]) => {
      fail();
      return real(...args);
    };
    return ops as unknown as FileOps;
  }

  const steps: [keyof FileOps, number][] = [
    ['openSync', 1], // the snapshot's temp file
    ['writeSync', 1],
    ['fsyncSync', 1],
    ['linkSync', 1], // the snapshot's .bak
    ['renameSync', 1], // .bak into place
    ['renameSync', 2], // the new snapshot into place
    ['renameSync', 3], // the old log to progress.log.bak
    ['openSync', 2], // the new log's temp file
    ['writeSync', 2],
    ['renameSync', 4], // the new log into place
  ];
  for (const [op, n] of steps) {
    it(`counts every answer once when ${op} #${n} fails`, async () => {
      const { dir, path, open } = setup();
      const store = await openProgress(open);
      for (let i = 0; i < 6; i++) store.recordAnswer(answer(`c${i % 3}`));
      // A change that is not an answer writes a new snapshot: a compaction.
      const compacting = new ProgressStore(
        path,
        store.data,
        { ...open, ops: failing(op, n) },
        undefined,
      );
      let failed = false;
      try {
        compacting.suspend(['c0'], NOW);
      } catch {
        failed = true;
      }
      const data = saved(dir);
      expect(data.log, `${op} #${n}`).toHaveLength(6);
      expect(Object.values(data.cards).reduce((sum, card) => sum + card.reps, 0)).toBe(6);
      // Either the change landed whole or it did not land and was reported.
      expect(Object.keys(data.suspended)).toEqual(failed ? [] : ['c0']);
      // And saving goes on from there with a healthy store.
      const again = await openProgress(open);
      again.recordAnswer(answer('next'));
      expect(saved(dir).log).toHaveLength(7);
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    });
  }
});
