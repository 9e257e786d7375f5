import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import envPaths from 'env-paths';
import { describe, expect, it } from 'vitest';
import { type MessageRef, UserError } from '../../src/errors.js';
import { ensureDir } from '../../src/ground/dir.js';
import { schedule } from '../../src/quiz/scheduler.js';
import { breakStale, LOCK_STALE_MS, LockTimeout, withLock } from '../../src/store/lock.js';
import {
  decodeProgress,
  FLAG_EXAM,
  firstAnswers,
  openProgress,
  type ProgressData,
  ProgressStore,
  progressPath,
  readProgress,
  SCHEMA_VERSION,
} from '../../src/store/progress.js';
import { type FileOps, realOps } from '../../src/store/write.js';
import { text, userMessage } from '../../src/ui/i18n.js';
import { tempDir, writerCommand } from '../helpers/cli.js';
import { saved } from '../helpers/saved.js';

const NOW = new Date('2026-11-25T10:00:00Z');

const EXAM = {
  date: NOW.toISOString(),
  topics: ['EC2'],
  score: 1,
  total: 2,
  passMark: 72,
  passed: false,
  seconds: 30,
  byTopic: [{ topic: 'EC2', right: 1, total: 2 }],
};

function emptyData(): ProgressData {
  return { schemaVersion: SCHEMA_VERSION, cards: {}, log: [], exams: [], suspended: {} };
}

function options(dir = tempDir()) {
  const warnings: string[] = [];
  return {
    dir,
    warnings,
    open: {
      env: { AWSQUIZ_DATA_DIR: dir },
      now: () => NOW,
      onWarning: (m: MessageRef) => warnings.push(text(m, 'en')),
    },
  };
}

describe('progress store', () => {
  it('keeps progress.json in AWSQUIZ_DATA_DIR and saves every answer at once', async () => {
    const { dir, open } = options();
    const store = await openProgress(open);
    expect(store.path).toBe(join(dir, 'progress.json'));
    store.recordAnswer({
      cardId: 'a',
      kind: 'recall',
      grade: 3,
      correct: true,
      ms: 1234,
      now: NOW,
      reschedule: (previous) => schedule(previous, 3, NOW),
    });
    const saved = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.log).toEqual([['a', NOW.getTime(), 3, 'recall', 1234, 1]]);
    expect(saved.cards.a.reps).toBe(1);
    expect(readProgress(open).log).toHaveLength(1);
  });

  it('logs exam answers without touching the schedule', async () => {
    const { open } = options();
    const store = await openProgress(open);
    store.recordAnswer({
      cardId: 'x',
      kind: 'which-fact',
      grade: 1,
      correct: false,
      ms: 5,
      now: NOW,
      exam: true,
      reschedule: () => {
        throw new Error('must not reschedule');
      },
    });
    expect(store.data.cards).toEqual({});
    expect(store.data.log[0]?.[5]).toBe(FLAG_EXAM);
    expect(firstAnswers(store.data).size).toBe(0);
  });

  it('saves a finished exam in one write, its answers marked as exam answers', async () => {
    const { open } = options();
    const store = await openProgress(open);
    const record = {
      date: NOW.toISOString(),
      topics: ['EC2'],
      score: 1,
      total: 2,
      passMark: 72,
      passed: false,
      seconds: 30,
      byTopic: [{ topic: 'EC2', right: 1, total: 2 }],
    };
    store.recordExam(record, [
      { cardId: 'a', kind: 'which-fact', grade: 3, correct: true, ms: 10, now: NOW },
      { cardId: 'b', kind: 'term', grade: 1, correct: false, ms: 20, now: NOW },
    ]);
    expect(store.data.exams).toEqual([record]);
    expect(store.data.log.map((e) => e[5])).toEqual([FLAG_EXAM | 1, FLAG_EXAM]);
    expect(store.data.cards).toEqual({});
  });

  it('moves a corrupt file aside byte for byte, warns naming both paths, and starts empty', async () => {
    for (const broken of [
      '{"schemaVersion":1,"cards":{"a":',
      'not json at all',
      '[1,2,3]',
      '{"schemaVersion":1,"cards":[]}',
    ]) {
      const { dir, open, warnings } = options();
      const path = join(dir, 'progress.json');
      writeFileSync(path, broken);
      const store = await openProgress(open);
      expect(store.data.log).toEqual([]);
      const aside = readdirSync(dir).filter((f) => f.startsWith('progress.json.corrupt-'));
      expect(aside, broken).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(broken);
      expect(warnings[0]).toContain(path);
      expect(warnings[0]).toContain(join(dir, aside[0] ?? ''));
    }
  });

  it('leaves out damaged entries, keeps the rest, and keeps the file as it was beside it', () => {
    const { dir, open, warnings } = options();
    const path = join(dir, 'progress.json');
    const good = schedule(undefined, 3, NOW);
    const original = JSON.stringify({
      schemaVersion: 1,
      cards: {
        ok: good,
        empty: {},
        none: null,
        odd: { ...good, state: 9 },
        nan: { ...good, stability: null },
      },
      log: [['ok', 1, 3, 'recall', 5, 1], null, [1], { id: 'x' }, ['ok', 2, 7, 'recall', 5, 1]],
      exams: [
        EXAM,
        {},
        null,
        { ...EXAM, total: 0, score: 5 },
        { ...EXAM, topics: 'EC2' },
        { ...EXAM, date: 'not a date' },
      ],
    });
    writeFileSync(path, original);
    const data = readProgress(open);
    expect(Object.keys(data.cards)).toEqual(['ok']);
    expect(data.log).toEqual([['ok', 1, 3, 'recall', 5, 1]]);
    expect(data.exams).toEqual([EXAM]);
    expect(warnings).toHaveLength(1);
    const aside = readdirSync(dir).find((f) => f.startsWith('progress.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe(original);
    expect(warnings[0]).toContain('13 damaged entries');
    expect(warnings[0]).toContain(path);
    expect(warnings[0]).toContain(join(dir, aside ?? ''));
    // Saved without them: the next read is clean and says nothing.
    expect(readProgress(open)).toEqual(data);
    expect(warnings).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['progress.json', aside].sort());
  });

  it('refuses a file from a newer awsquiz and leaves it untouched', async () => {
    const { dir, open } = options();
    const path = join(dir, 'progress.json');
    const newer = JSON.stringify({
      schemaVersion: SCHEMA_VERSION + 1,
      cards: {},
      log: [],
      exams: [],
      future: true,
    });
    writeFileSync(path, newer);
    expect(userMessage((await openProgress(open).catch((e) => e)) as UserError, 'en')).toMatch(
      /newer awsquiz/,
    );
    await expect(openProgress(open)).rejects.toBeInstanceOf(UserError);
    expect(readFileSync(path, 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('migrates a file without schemaVersion forward', () => {
    const state = schedule(undefined, 3, NOW);
    const migrated = decodeProgress(JSON.stringify({ cards: { a: state } }), 'p.json');
    expect(migrated).toEqual({
      schemaVersion: SCHEMA_VERSION,
      cards: { a: state },
      log: [],
      exams: [],
      suspended: {},
    });
  });

  it('keeps cards it does not know (their section may come back)', async () => {
    const { dir, open } = options();
    const orphan = {
      due: 5,
      stability: 1,
      difficulty: 1,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
    };
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({
        schemaVersion: 1,
        cards: { gone: orphan },
        log: [],
        exams: [],
        suspended: {},
      }),
    );
    const store = await openProgress(open);
    store.recordAnswer({
      cardId: 'b',
      kind: 'cloze',
      grade: 3,
      correct: true,
      ms: 1,
      now: NOW,
      reschedule: (p) => schedule(p, 3, NOW),
    });
    expect(store.data.cards.gone).toEqual(orphan);
  });

  it("resets one topic's cards or everything", async () => {
    const { open } = options();
    const store = await openProgress(open);
    for (const id of ['a', 'b']) {
      store.recordAnswer({
        cardId: id,
        kind: 'recall',
        grade: 3,
        correct: true,
        ms: 1,
        now: NOW,
        reschedule: (p) => schedule(p, 3, NOW),
      });
    }
    store.reset(['a']);
    expect(Object.keys(store.data.cards)).toEqual(['b']);
    expect(store.data.log.map((e) => e[0])).toEqual(['b']);
    store.reset('all');
    expect(store.data).toEqual({ schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} });
  });

  it('loses nothing when two processes answer at the same time', async () => {
    const { dir } = options();
    const run = promisify(execFile);
    const [writer = ''] = writerCommand();
    const ready = tempDir();
    const env = { ...process.env, AWSQUIZ_DATA_DIR: dir, WRITERS_READY: `${ready}:2` };
    await Promise.all([
      run(process.execPath, [writer, 'one', '200'], { env }),
      run(process.execPath, [writer, 'two', '200'], { env }),
    ]);
    const data = saved(dir);
    expect(data.log).toHaveLength(400);
    expect(data.log.filter((e: unknown[]) => String(e[0]).startsWith('one'))).toHaveLength(200);
    // Each card's state was computed from the state found under the lock: no update was lost.
    const reps = Object.values(data.cards as Record<string, { reps: number }>).reduce(
      (sum, c) => sum + c.reps,
      0,
    );
    expect(reps).toBe(400);
    // The writers really took turns, so merging what the other wrote was tested (how often
    // depends on the scheduler: a save is a short append, and under load one writer may do
    // dozens in its time slice, so a few turns are enough to prove it).
    const turns = data.log.filter(
      (e: unknown[], i: number) =>
        i > 0 && String(e[0]).slice(0, 3) !== String(data.log[i - 1]?.[0]).slice(0, 3),
    ).length;
    expect(turns).toBeGreaterThan(5);
    expect(existsSync(join(dir, 'progress.json.lock'))).toBe(false);
  }, 60_000);

  // The time per save is a budget in bench/run.mjs (npm run bench), not a test here.
  it('saves answers exactly, even with 50,000 answers in the log', async () => {
    const { dir, open } = options();
    const log = Array.from({ length: 50_000 }, (_, i) => [
      `card-${i % 600}`,
      NOW.getTime() - i * 60_000,
      3,
      'which-fact',
      2000,
      1,
    ]);
    const cards = Object.fromEntries(
      Array.from({ length: 600 }, (_, i) => [`card-${i}`, schedule(undefined, 3, NOW)]),
    );
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({ schemaVersion: 1, cards, log, exams: [] }),
    );
    const store = await openProgress(open);
    for (let i = 0; i < 15; i++) {
      store.recordAnswer({
        cardId: 'card-1',
        kind: 'recall',
        grade: 3,
        correct: true,
        ms: 1,
        now: NOW,
        reschedule: (p) => schedule(p, 3, NOW),
      });
    }
    expect(store.data.log).toHaveLength(50_015);
    // Snapshot and log together read back exactly, with nothing of conf's own.
    expect(saved(dir)).toEqual(store.data);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).not.toContain('__internal__');
    expect(readFileSync(join(dir, 'progress.log'), 'utf8').split('\n')).toHaveLength(17);
    expect(progressPath({ AWSQUIZ_DATA_DIR: dir })).toBe(join(dir, 'progress.json'));
  });
  it('warms the first save without writing, and stays exact when another process saves first', async () => {
    const { dir, open } = options();
    const path = join(dir, 'progress.json');
    const log = [
      ['x', 1, 3, 'recall', 5, 1],
      ['y', 2, 1, 'cloze', 6, 0],
    ];
    writeFileSync(path, JSON.stringify({ ...emptyData(), log }));
    const before = readFileSync(path, 'utf8');
    const store = await openProgress(open);
    store.warm();
    // The snapshot is read as it is; only an empty log is started beside it.
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.log']);
    const answer = (cardId: string) => ({
      cardId,
      kind: 'recall',
      grade: 3 as const,
      correct: true,
      ms: 1,
      now: NOW,
      reschedule: (p: Parameters<typeof schedule>[0]) => schedule(p, 3, NOW),
    });
    // Another process answers between the warm-up and our first save.
    (await openProgress(open)).recordAnswer(answer('other'));
    store.recordAnswer(answer('ours'));
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readProgress(open).log.map((entry) => entry[0])).toEqual(['x', 'y', 'other', 'ours']);
  });

  it('turns a failed write (a full disk) into a message, keeps the file, and releases the lock', async () => {
    const { dir, open } = options();
    const path = join(dir, 'progress.json');
    const store = await openProgress(open);
    store.recordAnswer({ cardId: 'a', kind: 'recall', grade: 3, correct: true, ms: 1, now: NOW });
    const before = [readFileSync(path), readFileSync(join(dir, 'progress.log'))];
    const full: FileOps = {
      ...realOps,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      },
    };
    const failing = new ProgressStore(path, emptyData(), { ...open, ops: full }, undefined);
    let thrown: unknown;
    try {
      failing.recordAnswer({
        cardId: 'b',
        kind: 'recall',
        grade: 3,
        correct: true,
        ms: 1,
        now: NOW,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).exitCode).toBe(1);
    expect(userMessage(thrown as UserError, 'en')).toContain('could not save: disk full');
    expect(userMessage(thrown as UserError, 'en')).toContain('your earlier progress is intact');
    expect([readFileSync(path), readFileSync(join(dir, 'progress.log'))]).toEqual(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('creates missing data folders level by level, and fails where one cannot be made', () => {
    const base = tempDir();
    ensureDir(join(base, 'a', 'b', 'c'));
    expect(statSync(join(base, 'a', 'b', 'c')).isDirectory()).toBe(true);
    ensureDir(join(base, 'a')); // exists: nothing to do
    writeFileSync(join(base, 'file'), '');
    expect(() => ensureDir(join(base, 'file', 'x'))).toThrow(/ENOTDIR/);
    expect(() => ensureDir(join(base, 'file'))).toThrow(/ENOTDIR/);
    expect(() => ensureDir('/proc/awsquiz-cannot-exist/x')).toThrow(/ENOENT/);
  });

  it('reads without waiting for a writer that holds the lock, and leaves no file behind', () => {
    const { dir, open } = options();
    const path = join(dir, 'progress.json');
    writeFileSync(path, JSON.stringify({ ...emptyData(), log: [['a', 1, 3, 'recall', 5, 1]] }));
    writeFileSync(`${path}.lock`, String(process.pid)); // a live writer, mid-save
    const start = performance.now();
    expect(readProgress(open).log).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.json.lock']);
  });

  it('breaks a lock left by a process that died', async () => {
    const { dir, open } = options();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, 'progress.json.lock'), String(dead));
    const store = await openProgress(open);
    store.recordAnswer({ cardId: 'a', kind: 'recall', grade: 3, correct: true, ms: 1, now: NOW });
    expect(store.data.log).toHaveLength(1);
    expect(existsSync(join(dir, 'progress.json.lock'))).toBe(false);
  });

  it('clears a lock breaker left behind by a crash, then breaks the dead lock', async () => {
    const { dir, open } = options();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const lock = join(dir, 'progress.json.lock');
    writeFileSync(lock, String(dead));
    writeFileSync(`${lock}.break`, '');
    const old = new Date(Date.now() - 20_000);
    utimesSync(`${lock}.break`, old, old);
    const store = await openProgress(open);
    store.recordAnswer({ cardId: 'a', kind: 'recall', grade: 3, correct: true, ms: 1, now: NOW });
    expect(store.data.log).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.log']);
  });

  it('breaks a lock older than ten seconds even if its process lives', async () => {
    const { dir, open } = options();
    const lock = join(dir, 'progress.json.lock');
    writeFileSync(lock, String(process.pid));
    const old = new Date(Date.now() - 20_000);
    utimesSync(lock, old, old);
    const store = await openProgress(open);
    store.recordAnswer({ cardId: 'a', kind: 'recall', grade: 3, correct: true, ms: 1, now: NOW });
    expect(saved(dir).log).toHaveLength(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('judges a lock stale by the clock it is given, never by a session clock', () => {
    const { dir } = options();
    const lock = join(dir, 'progress.json.lock');
    writeFileSync(lock, String(process.pid)); // a live owner, its lock just made
    const wall = Date.now();
    breakStale(lock, () => new Date(wall + 5_000));
    expect(existsSync(lock)).toBe(true);
    breakStale(lock, () => new Date(wall + LOCK_STALE_MS + 5_000));
    expect(existsSync(lock)).toBe(false);
    // Waiting for a held lock ends by the same clock: a clock far ahead gives up at once.
    writeFileSync(lock, String(process.pid));
    let calls = 0;
    const jumping = () => new Date(wall + (calls++ === 0 ? 0 : 6_000));
    expect(() => withLock(lock, () => 1, 5_000, jumping)).toThrow(LockTimeout);
  });

  it('finds progress where conf put it (env-paths, suffix nodejs) when AWSQUIZ_DATA_DIR is not set', () => {
    // conf's default folder is env-paths' config folder with the suffix "nodejs".
    const saved = process.env.XDG_CONFIG_HOME;
    try {
      for (const xdg of [undefined, '', tempDir()]) {
        if (xdg === undefined) delete process.env.XDG_CONFIG_HOME;
        else process.env.XDG_CONFIG_HOME = xdg;
        const { AWSQUIZ_DATA_DIR: _, ...env } = process.env;
        const conf = envPaths('awsquiz', { suffix: 'nodejs' }).config;
        expect(progressPath(env), String(xdg)).toBe(join(conf, 'progress.json'));
      }
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});
