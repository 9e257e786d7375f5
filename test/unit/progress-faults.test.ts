/**
 * Issue 11: progress is never lost to a short write, a full disk, a file cut
 * short, a byte-order mark or a special file. Faults are injected at the
 * write call (FileOps); the file-size limit is real (`ulimit -f` in a child).
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { closeTruncated } from '../../src/store/decode.js';
import {
  type AnswerRecord,
  openProgress,
  type ProgressData,
  ProgressStore,
  readProgress,
} from '../../src/store/progress.js';
import { type FileOps, realOps, removeStaleTemps } from '../../src/store/write.js';
import { userMessage } from '../../src/ui/i18n.js';
import { writerCommand } from '../helpers/cli.js';
import { saved, storeFolder } from '../helpers/saved.js';

const NOW = new Date('2026-11-25T10:00:00Z');

function setup() {
  return storeFolder(() => NOW);
}

const state = (reps: number) => ({
  due: NOW.getTime(),
  stability: 1.5,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 1,
  learningSteps: 0,
  reps,
  lapses: 0,
  state: 2 as const,
  lastReview: NOW.getTime(),
});

function answer(id: string): AnswerRecord {
  return {
    cardId: id,
    kind: 'recall',
    grade: 3,
    correct: true,
    ms: 10,
    now: NOW,
    reschedule: (previous) => state((previous?.reps ?? 0) + 1),
  };
}

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

const temps = (dir: string) => readdirSync(dir).filter((name) => name.includes('.tmp-'));

describe('a save that does not land whole', () => {
  const faults: [string, Partial<FileOps>][] = [
    [
      'ENOSPC at the write',
      {
        writeSync: () => {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
      },
    ],
    // A short write that reports fewer bytes, then none: the loop must not spin or accept it.
    [
      'a short write, then 0 bytes',
      (() => {
        let calls = 0;
        return {
          writeSync: (_fd: number, _b: Uint8Array, _o: number, length: number) =>
            calls++ === 0 ? Math.min(length, 4096) - 1 : 0,
        };
      })(),
    ],
    // The write says all went well but the file holds less (a lying file system): the size check catches it.
    ['a file shorter than the bytes written', { fstatSync: () => ({ size: 4096 }) }],
    [
      'EFBIG at the write',
      {
        writeSync: () => {
          throw Object.assign(new Error('EFBIG'), { code: 'EFBIG' });
        },
      },
    ],
    [
      'ENOSPC at fsync',
      {
        fsyncSync: () => {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
      },
    ],
  ];
  for (const [name, fault] of faults) {
    it(`never replaces the good file: ${name}`, async () => {
      const { dir, path, open } = setup();
      const store = await openProgress(open);
      for (let i = 0; i < 40; i++) store.recordAnswer(answer(`card-${i % 9}`));
      const files = () => [readFileSync(path), readFileSync(join(dir, 'progress.log'))];
      const good = files();
      const failing = new ProgressStore(
        path,
        store.data,
        { ...open, ops: { ...realOps, ...fault } },
        undefined,
      );
      const error = thrownBy(() => failing.recordAnswer(answer('lost')));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(1);
      expect(userMessage(error as UserError, 'en')).toMatch(
        /^could not save: .*; your earlier progress is intact/,
      );
      expect(files()).toEqual(good);
      expect(temps(dir)).toEqual([]);
      expect(readProgress(open).log).toHaveLength(40);
      // The same fault when the save is a compaction (a reset): nothing changes either.
      expect(thrownBy(() => failing.reset(['card-1']))).toBeInstanceOf(UserError);
      expect(files()).toEqual(good);
      expect(temps(dir)).toEqual([]);
    });
  }

  it('keeps the previous save as progress.json.bak and goes back to it when the file is unreadable', async () => {
    const { path, open, warnings } = setup();
    const store = await openProgress(open);
    for (let i = 0; i < 4; i++) store.recordAnswer(answer(`c${i}`));
    // A new snapshot (here by a change that is not an answer): the old one becomes .bak.
    store.update(() => {});
    store.recordAnswer(answer('c4'));
    const previous = JSON.parse(readFileSync(`${path}.bak`, 'utf8')) as ProgressData;
    expect(previous.log).toHaveLength(1);
    // Damaged beyond a repair of its end: garbage at the start.
    const bad = `\u0000\u0000${readFileSync(path, 'utf8')}`;
    writeFileSync(path, bad);
    // The backup with the log that went with it and the log after: nothing lost.
    const data = readProgress(open);
    expect(data.log).toHaveLength(5);
    expect(warnings.join('\n')).toContain(
      'went back to the previous save (5 card states, 5 answers)',
    );
    const aside = warnings.join('\n').match(/moved to (\S+)\./)?.[1] ?? '';
    expect(readFileSync(aside, 'utf8')).toBe(bad);
  });

  it('ends on a real file-size limit with a message and exit 1, not SIGXFSZ, and the file stays whole', async () => {
    const { dir } = setup();
    const [writer = ''] = writerCommand();
    const script = `ulimit -f 24; exec "${process.execPath}" "${writer}" w 2000`;
    const result = await promisify(execFile)('bash', ['-c', script], {
      env: { ...process.env, AWSQUIZ_DATA_DIR: dir },
    }).then(
      () => ({ code: 0, signal: null, stdout: '', stderr: '' }),
      (error: { code: number; signal: string | null; stdout: string; stderr: string }) => error,
    );
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('could not save: file size limit reached');
    const acknowledged = result.stdout.trim().split('\n').length;
    expect(acknowledged).toBeGreaterThan(10);
    expect(saved(dir).log).toHaveLength(acknowledged);
    expect(temps(dir)).toEqual([]);
  }, 20_000);
});

describe('a full disk at the start', () => {
  it('is found before the first question, with a message and exit 1', async () => {
    const { path, open } = setup();
    writeFileSync(
      path,
      JSON.stringify({ schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} }),
    );
    const ops: FileOps = {
      ...realOps,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    const error = await openProgress({ ...open, ops }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(1);
    expect(userMessage(error as UserError, 'en')).toContain('could not save: disk full');
  });
});

function sample(answers: number): string {
  const data: ProgressData = { schemaVersion: 1, cards: {}, log: [], exams: [], suspended: {} };
  for (let i = 0; i < answers; i++) {
    data.cards[`card-${i}`] = state(i + 1);
    data.log.push([`card-${i}`, NOW.getTime() + i, 3, 'recall', 100 + i, 1]);
  }
  return JSON.stringify(data);
}

describe('a file cut short', () => {
  it('keeps the card states and answers before the cut, says how many, and moves the file aside byte-exact', () => {
    const { path, open, warnings } = setup();
    const whole = sample(30);
    const cut = whole.slice(0, whole.indexOf('["card-20"') + 5);
    writeFileSync(path, cut);
    const data = readProgress(open);
    expect(data.log).toHaveLength(20);
    expect(Object.keys(data.cards)).toHaveLength(30);
    expect(warnings[0]).toContain('30 card states and 20 answers');
    const aside = warnings[0]?.match(/moved to (\S+)\./)?.[1] ?? '';
    expect(readFileSync(aside, 'utf8')).toBe(cut);
    // Saved repaired: the next read is clean and says nothing.
    expect(readProgress(open).log).toHaveLength(20);
    expect(warnings).toHaveLength(1);
  });

  it('closes any cut of a progress file into JSON whose answers are a prefix of the original', () => {
    const whole = sample(12);
    const original = JSON.parse(whole) as ProgressData;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: whole.length - 1 }), (at) => {
        const closed = closeTruncated(whole.slice(0, at));
        if (closed === undefined) return;
        const parsed = JSON.parse(closed) as Partial<ProgressData>;
        const log = (parsed.log ?? []).filter((entry) => entry.length === 6);
        expect(log).toEqual(original.log.slice(0, log.length));
      }),
    );
  });

  it('closes a file of 4,000 answers cut inside the last one, keeping the others', () => {
    // That this takes time linear in the size is checked in bench/budgets.mjs (npm run bench).
    const whole = sample(4_000);
    const closed = closeTruncated(whole.slice(0, whole.indexOf('["card-3999"') + 5));
    expect(closed).toBeDefined();
    const log = (JSON.parse(closed ?? '{}') as ProgressData).log;
    expect(log.filter((entry) => entry.length === 6)).toHaveLength(3_999);
  });
});

describe('odd files', () => {
  it('reads a progress file that starts with a byte-order mark', async () => {
    const { path, open, warnings } = setup();
    writeFileSync(path, `\uFEFF${sample(3)}`);
    expect(readProgress(open).log).toHaveLength(3);
    const store = await openProgress(open);
    store.recordAnswer(answer('x'));
    expect(readProgress(open).log).toHaveLength(4);
    expect(warnings).toEqual([]);
  });

  it('refuses a FIFO, a link to /dev/zero and a folder, with a message', async () => {
    const cases: [string, (path: string) => void][] = [
      ['fifo', (path) => execFileSync('mkfifo', [path])],
      ['zero', (path) => symlinkSync('/dev/zero', path)],
      ['folder', (path) => mkdirSync(path)],
    ];
    for (const [name, make] of cases) {
      const { path, open } = setup();
      make(path);
      const error = thrownBy(() => readProgress(open));
      expect(error, name).toBeInstanceOf(UserError);
      expect(userMessage(error as UserError, 'en'), name).toContain('is not a regular file');
      const opened = await openProgress(open).catch((caught: unknown) => caught);
      expect(opened, name).toBeInstanceOf(UserError);
    }
  });

  it('follows a link to a regular file, and saves through it', async () => {
    const { dir, path, open } = setup();
    const real = join(dir, 'real.json');
    writeFileSync(real, sample(2));
    symlinkSync(real, path);
    const store = await openProgress(open);
    store.recordAnswer(answer('x'));
    expect(readProgress(open).log).toHaveLength(3);
    // The log goes beside the file the link points to.
    expect(existsSync(join(dir, 'real.log'))).toBe(true);
  });

  it('removes the temp files of dead writers, never a live one’s', async () => {
    const { dir, path, open } = setup();
    const dead = `${path}.tmp-999999-abc`;
    const live = `${path}.tmp-${process.ppid}-abc`;
    const oldConf = `${path}.tmp-1700000000000abc`;
    for (const file of [dead, live, oldConf]) writeFileSync(file, '{"sche');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(oldConf, hoursAgo, hoursAgo);
    await openProgress(open);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(oldConf)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(removeStaleTemps(path)).toBe(0);
    expect(temps(dir)).toEqual([live.slice(dir.length + 1)]);
  });
});
