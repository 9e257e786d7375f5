/**
 * The progress store (DESIGN.md §5): the only module that imports conf.
 *
 * - `$AWSQUIZ_DATA_DIR/progress.json`, else conf's per-user folder
 *   (`~/.config/awsquiz-nodejs/progress.json` on Linux).
 * - Every change takes a lock file, re-reads the file, applies itself to
 *   what it read and writes atomically (conf → atomically: temp + rename),
 *   so two awsquiz processes never lose each other's answers.
 * - A corrupt file is moved aside byte for byte, never overwritten.
 * - A file from a newer awsquiz is never touched.
 *
 * Reading needs no conf: read-only commands parse the JSON with node:fs,
 * and conf (~75 ms to import) is loaded only when something is written.
 */
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import type { CardState } from '../quiz/card-state.js';
import type { GradeValue } from '../quiz/scheduler.js';
import { t } from '../ui/i18n.js';
import { ensureDir } from './dir.js';

export const SCHEMA_VERSION = 1;
const PROJECT = 'awsquiz';
const CONFIG_NAME = 'progress';

/** One answer: [card id, epoch ms, grade 1–4, card kind, ms taken, flags]. Tuples keep years of log small. */
export type LogEntry = [
  id: string,
  time: number,
  grade: GradeValue,
  kind: string,
  ms: number,
  flags: number,
];
export const FLAG_CORRECT = 1;
/** The answer came from an exam: logged, but it never changed the card's schedule. */
export const FLAG_EXAM = 2;

export interface ExamTopicResult {
  topic: string;
  right: number;
  total: number;
}

export interface ExamRecord {
  date: string;
  topics: string[];
  score: number;
  total: number;
  passMark: number;
  passed: boolean;
  seconds: number;
  byTopic: ExamTopicResult[];
}

export interface ProgressData {
  schemaVersion: number;
  cards: Record<string, CardState>;
  log: LogEntry[];
  exams: ExamRecord[];
}

export function emptyProgress(): ProgressData {
  return { schemaVersion: SCHEMA_VERSION, cards: {}, log: [], exams: [] };
}

/**
 * Where progress lives: AWSQUIZ_DATA_DIR, else the folder conf would use
 * (env-paths' config folder with suffix "nodejs"; an empty variable counts as
 * unset there, hence `||`). A test holds this to env-paths itself.
 */
export function dataDir(env: NodeJS.ProcessEnv): string {
  if (env.AWSQUIZ_DATA_DIR) return env.AWSQUIZ_DATA_DIR;
  const name = `${PROJECT}-nodejs`;
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', name);
  if (process.platform === 'win32') {
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), name, 'Config');
  }
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}

export function progressPath(env: NodeJS.ProcessEnv): string {
  return join(dataDir(env), `${CONFIG_NAME}.json`);
}

// ---------------------------------------------------------------------------
// Reading, migrating, validating

/** Migrations from version n to n+1, by n. Version 0: the file had no schemaVersion. */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: (data) => ({
    schemaVersion: 1,
    cards: data.cards ?? {},
    log: data.log ?? [],
    exams: data.exams ?? [],
  }),
};

class Corrupt extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A card state every command can use: numbers where numbers go, a known FSRS state. */
function isCardState(value: unknown): value is CardState {
  if (!isRecord(value)) return false;
  const numbers = [
    'due',
    'stability',
    'difficulty',
    'elapsedDays',
    'scheduledDays',
    'learningSteps',
    'reps',
    'lapses',
  ];
  return (
    numbers.every((key) => finite(value[key])) &&
    [0, 1, 2, 3].includes(value.state as number) &&
    (value.lastReview === undefined || finite(value.lastReview))
  );
}

function isLogEntry(value: unknown): value is LogEntry {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const [id, time, grade, kind, ms, flags] = value as unknown[];
  return (
    typeof id === 'string' &&
    finite(time) &&
    [1, 2, 3, 4].includes(grade as number) &&
    typeof kind === 'string' &&
    finite(ms) &&
    Number.isInteger(flags)
  );
}

function isExamRecord(value: unknown): value is ExamRecord {
  if (!isRecord(value)) return false;
  const { date, topics, score, total, passMark, passed, seconds, byTopic } = value;
  return (
    typeof date === 'string' &&
    !Number.isNaN(Date.parse(date)) &&
    Array.isArray(topics) &&
    topics.every((topic) => typeof topic === 'string') &&
    finite(total) &&
    total >= 1 &&
    finite(score) &&
    score >= 0 &&
    score <= total &&
    finite(passMark) &&
    typeof passed === 'boolean' &&
    finite(seconds) &&
    Array.isArray(byTopic) &&
    byTopic.every(
      (row) =>
        isRecord(row) &&
        typeof row.topic === 'string' &&
        finite(row.right) &&
        finite(row.total) &&
        row.total >= 1,
    )
  );
}

/**
 * Leaves out the entries no command could use (a card state without numbers,
 * a log entry of the wrong shape, an exam without a total), in place; returns
 * how many. The rest of the learner's history is kept.
 */
function salvage(data: ProgressData): number {
  let dropped = 0;
  for (const [id, state] of Object.entries(data.cards)) {
    if (isCardState(state)) continue;
    delete data.cards[id];
    dropped += 1;
  }
  const log = data.log.filter(isLogEntry);
  const exams = data.exams.filter(isExamRecord);
  dropped += data.log.length - log.length + data.exams.length - exams.length;
  data.log = log;
  data.exams = exams;
  return dropped;
}

/** Text of a progress file → current-version data; throws Corrupt or a UserError for a newer file. */
export function decodeProgress(text: string, path: string): ProgressData {
  return decode(text, path).data;
}

/** decodeProgress, telling how many damaged entries were left out. */
function decode(text: string, path: string): { data: ProgressData; damaged: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Corrupt('not JSON');
  }
  if (!isRecord(parsed)) throw new Corrupt('not an object');
  let data = parsed;
  let version = data.schemaVersion === undefined ? 0 : data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new Corrupt('bad schemaVersion');
  }
  if (version > SCHEMA_VERSION) {
    throw new UserError(t('store.newer', { path, version, supported: SCHEMA_VERSION }), 1);
  }
  while (version < SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new Corrupt(`no migration from ${version}`);
    data = migrate(data);
    version += 1;
  }
  if (!isRecord(data.cards) || !Array.isArray(data.log) || !Array.isArray(data.exams)) {
    throw new Corrupt('wrong shape');
  }
  const progress = data as unknown as ProgressData;
  return { data: progress, damaged: salvage(progress) };
}

/** Inode, size and modification time: changes whenever anyone rewrites the file. */
function fileIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return undefined;
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export interface OpenOptions {
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Told about a corrupt file that was moved aside. */
  onWarning: (message: string) => void;
}

/** The file's text, or undefined when there is no file. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    // No file there, or no folder there (a path under a file): no progress yet.
    // Writing to such a place says what is wrong (ensureDataDir).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UserError(
      t('store.unreadable', { path, reason: String((error as Error).message) }),
      1,
    );
  }
}

/**
 * Reads the file; a missing file is empty progress; a corrupt one is moved
 * aside (warned) and empty; one with damaged entries is copied aside as it
 * was, and saved again without them (warned), so the next read is clean.
 */
function load(path: string, options: OpenOptions): ProgressData {
  const text = readText(path);
  if (text === undefined) return emptyProgress();
  try {
    const { data, damaged } = decode(text, path);
    if (damaged > 0) {
      const aside = `${path}.corrupt-${timestamp(options.now())}`;
      copyFileSync(path, aside);
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, path);
      options.onWarning(t('store.damaged', { path, n: damaged, aside }));
    }
    return data;
  } catch (error) {
    if (!(error instanceof Corrupt)) throw error;
    const aside = `${path}.corrupt-${timestamp(options.now())}`;
    renameSync(path, aside);
    options.onWarning(t('store.corrupt', { path, aside }));
    return emptyProgress();
  }
}

// ---------------------------------------------------------------------------
// Locking

const LOCK_WAIT_MS = 5_000;
const LOCK_STALE_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a lock left by a process that died or hung. Only one process at a
 * time may break a lock (it holds `<lock>.break`), so two waiting processes
 * can never both see the dead owner's lock and the second delete the fresh
 * lock the first has just taken.
 */
function breakStale(lock: string): void {
  const breaker = `${lock}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    // Someone else is breaking it; a breaker left behind by a crash is cleared when old.
    try {
      if (Date.now() - statSync(breaker).mtimeMs > LOCK_STALE_MS) unlinkSync(breaker);
    } catch {
      // Gone already.
    }
    return;
  }
  try {
    const stat = statSync(lock);
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    const dead = Number.isInteger(pid) && pid > 0 && !alive(pid);
    // A hung owner may still release it meanwhile: delete only the very file that was judged.
    if ((dead || Date.now() - stat.mtimeMs > LOCK_STALE_MS) && statSync(lock).ino === stat.ino) {
      unlinkSync(lock);
    }
  } catch {
    // Gone already, or just being written: try again.
  } finally {
    closeSync(fd);
    try {
      unlinkSync(breaker);
    } catch {
      // Cleared by another process as left behind.
    }
  }
}

/** An error of the file system (no space, read-only, not a folder…) as a message for the learner. */
function unwritable(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || error instanceof UserError) return error;
  return new UserError(
    t('store.unwritable', { dir: dirname(path), reason: String((error as Error).message) }),
    1,
  );
}

/** The folder of the progress file, created if missing; its file-system error as a UserError. */
function ensureDataDir(path: string): void {
  try {
    ensureDir(dirname(path));
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    throw unwritable(path, error);
  }
}

function withLock<T>(path: string, work: () => T): T {
  const lock = `${path}.lock`;
  ensureDataDir(path);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(path, error);
      breakStale(lock);
      if (Date.now() > deadline) throw new UserError(t('store.locked', { lock }), 1);
      sleep(5 + Math.floor(Math.random() * 10));
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return work();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock);
    } catch {
      // Someone broke our lock as stale; nothing to release.
    }
  }
}

// ---------------------------------------------------------------------------
// The store

/**
 * Read-only access: no conf, and no lock, since every write is an atomic
 * rename and a reader sees the old file or the new one whole. Only a file
 * that reads as corrupt is looked at again under the lock (a writer may be
 * between its temp file and its rename on a filesystem without atomic
 * writes) and, if it still is, moved aside.
 */
export function readProgress(options: OpenOptions): ProgressData {
  const path = progressPath(options.env);
  const text = readText(path);
  if (text === undefined) return emptyProgress();
  try {
    const { data, damaged } = decode(text, path);
    if (damaged === 0) return data;
  } catch (error) {
    if (!(error instanceof Corrupt)) throw error;
  }
  // Corrupt or damaged: looked at again under the lock, and set aside there.
  return withLock(path, () => load(path, options));
}

interface ConfLike {
  store: Record<string, unknown>;
}

/**
 * conf's `store` setter reads and parses the whole file again before every
 * write, to carry over its own `__internal__` key (kept for conf migrations,
 * which we do not use), unless the value it is given already has one. So we
 * give it an empty one, and the serializer leaves it out of the file: a save
 * then costs one serialization and one atomic write, no read.
 */
const CONF_INTERNAL = '__internal__';

/**
 * JSON.stringify for progress data that stays fast as the log grows. Between
 * resets answers are only ever appended to the same log array, so the text of
 * the entries serialized last time is kept and only new entries are added
 * (a log of 50,000 answers takes ~10 ms to stringify whole). Any other change
 * to the log (a new array after a re-read or reset, a shorter one, a different
 * last entry) starts over. The result is exactly JSON.stringify's text.
 */
export function progressSerializer(): (value: object) => string {
  let log: unknown[] | undefined;
  let count = 0;
  let last: unknown;
  let text = '';
  const logText = (entries: unknown[]): string => {
    if (entries !== log || entries.length < count || (count > 0 && entries[count - 1] !== last)) {
      // Starting over: one native call for the whole log is several times
      // faster than one per entry (the first save of every session).
      log = entries;
      text = JSON.stringify(entries).slice(1, -1);
      count = entries.length;
    }
    for (; count < entries.length; count++) {
      text += `${count > 0 ? ',' : ''}${JSON.stringify(entries[count]) ?? 'null'}`;
    }
    last = entries[count - 1];
    return `[${text}]`;
  };
  return (value) => {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (key === CONF_INTERNAL) continue;
      const json = key === 'log' && Array.isArray(item) ? logText(item) : JSON.stringify(item);
      if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
    }
    return `{${parts.join(',')}}`;
  };
}

export interface AnswerRecord {
  cardId: string;
  kind: string;
  grade: GradeValue;
  correct: boolean;
  ms: number;
  now: Date;
  /** Exam answers are logged but never reschedule the card. */
  exam?: boolean;
  /** The card's next state, computed from the state found under the lock. */
  reschedule?: (previous: CardState | undefined) => CardState;
}

function logEntry(answer: Omit<AnswerRecord, 'exam' | 'reschedule'>, exam: boolean): LogEntry {
  const flags = (answer.correct ? FLAG_CORRECT : 0) | (exam ? FLAG_EXAM : 0);
  return [
    answer.cardId,
    answer.now.getTime(),
    answer.grade,
    answer.kind,
    Math.round(answer.ms),
    flags,
  ];
}

/** What planning needs of each card: its due time, for cards that were ever studied. */
export function scheduleStatus(data: ProgressData): (id: string) => { due: number } | undefined {
  return (id) => {
    const state = data.cards[id];
    return state && state.state !== 0 ? { due: state.due } : undefined;
  };
}

export class ProgressStore {
  readonly path: string;
  private conf: ConfLike;
  private readonly options: OpenOptions;
  /** The data as of the last read or write. */
  data: ProgressData;

  /** Identity of the file as we last read or wrote it. */
  private seen: string | undefined;

  private readonly serialize: (value: object) => string;

  constructor(
    path: string,
    conf: ConfLike,
    data: ProgressData,
    options: OpenOptions,
    seen: string | undefined,
    serialize: (value: object) => string = JSON.stringify,
  ) {
    this.path = path;
    this.conf = conf;
    this.data = data;
    this.options = options;
    this.seen = seen;
    this.serialize = serialize;
  }

  /**
   * Does the first save's extra work ahead of time: serializes the log once,
   * so the serializer only adds to it on the first answer. The study loop
   * calls it while the first question is on screen, when the learner is
   * reading and the process is idle.
   */
  warm(): void {
    this.serialize(this.data);
  }

  /**
   * Applies one change to the freshly read file under the lock, and writes it.
   * The file is re-read only if someone else wrote it since we last did: every
   * atomic write is a rename, so another writer always changes the inode.
   */
  update(change: (data: ProgressData) => void): ProgressData {
    return withLock(this.path, () => {
      const fresh =
        this.seen !== undefined && this.seen === fileIdentity(this.path)
          ? this.data
          : load(this.path, this.options);
      change(fresh);
      try {
        this.conf.store = { ...fresh, [CONF_INTERNAL]: {} };
      } catch (error) {
        throw unwritable(this.path, error);
      }
      this.data = fresh;
      this.seen = fileIdentity(this.path);
      return fresh;
    });
  }

  recordAnswer(answer: AnswerRecord): CardState | undefined {
    let next: CardState | undefined;
    this.update((data) => {
      data.log.push(logEntry(answer, answer.exam ?? false));
      if (!answer.exam && answer.reschedule) {
        next = answer.reschedule(data.cards[answer.cardId]);
        data.cards[answer.cardId] = next;
      }
    });
    return next;
  }

  /**
   * Saves a finished exam in one write: its answers go to the log (marked as
   * exam answers, so no card is rescheduled) and the record to the history.
   * An abandoned exam never calls this, so nothing of it is half-written.
   */
  recordExam(
    record: ExamRecord,
    answers: readonly Omit<AnswerRecord, 'exam' | 'reschedule'>[],
  ): void {
    this.update((data) => {
      for (const answer of answers) data.log.push(logEntry(answer, true));
      data.exams.push(record);
    });
  }

  /** Forgets the schedule and log of these cards (or all progress). */
  reset(ids: readonly string[] | 'all'): void {
    this.update((data) => {
      if (ids === 'all') {
        Object.assign(data, emptyProgress());
        return;
      }
      const gone = new Set(ids);
      for (const id of gone) delete data.cards[id];
      data.log = data.log.filter((entry) => !gone.has(entry[0]));
    });
  }
}

/** Opens the store for writing: loads conf (lazily) and reads the file once. */
export async function openProgress(options: OpenOptions): Promise<ProgressStore> {
  const path = progressPath(options.env);
  // Taken before the read: if anyone writes in between, the first save sees a
  // changed file and reads it again; otherwise it saves without re-reading.
  const seen = fileIdentity(path);
  const data = readProgress(options);
  // Before conf, whose own folder creation never returns on some paths (see dir.ts):
  // and a folder we cannot write to is better said before the first question than after it.
  ensureDataDir(path);
  const { default: Conf } = await import('conf');
  const serialize = progressSerializer();
  let conf: ConfLike;
  try {
    conf = new Conf<Record<string, unknown>>({
      projectName: PROJECT,
      configName: CONFIG_NAME,
      cwd: dataDir(options.env),
      // Compact JSON (conf's default pretty-printing triples the file), and
      // only the new part of the log serialized on each save.
      serialize,
      clearInvalidConfig: false,
    });
  } catch (error) {
    throw unwritable(path, error);
  }
  return new ProgressStore(path, conf, data, options, seen, serialize);
}

// ---------------------------------------------------------------------------
// Reading the log

/** Card id → epoch ms of its first study answer (exams excluded). */
export function firstAnswers(data: ProgressData): Map<string, number> {
  const first = new Map<string, number>();
  for (const [id, time, , , , flags] of data.log) {
    if (flags & FLAG_EXAM) continue;
    const seen = first.get(id);
    if (seen === undefined || time < seen) first.set(id, time);
  }
  return first;
}
