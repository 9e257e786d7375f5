/**
 * The progress store: the learner's card states, answers and exams in
 * `progress.json` (where: paths.ts). This façade reads, locks and saves;
 * schema.ts has the shape, decode.ts the reading, lock.ts the lock between
 * processes, write.ts the save that lands whole or not at all.
 *
 * - Every change takes the lock, re-reads the file if someone else wrote it,
 *   applies itself to what it read and saves, so two awsquiz processes never
 *   lose each other's answers.
 * - A damaged file is moved aside byte for byte, never overwritten; what can
 *   be read of it (or the backup generation, if that holds more) is used.
 * - A file from a newer awsquiz is never touched; a path that is not a
 *   regular file (a FIFO, a device, a link to one) is refused.
 *
 * Why not conf, which kept this file before: conf writes through atomically
 * (temp file + rename) without checking that the temp file is whole, so on a
 * full disk or past `ulimit -f` it renamed a truncated file over the good one
 * and the whole history was lost; its store setter also re-reads the file on
 * every save and it cannot keep a backup generation. Locking, migrations and
 * serialization were ours already; what conf still did was the folder and
 * the write, both now in paths.ts and write.ts (~100 lines, tested with
 * injected faults). The folder is the one conf used, so old progress is found.
 */
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import type { CardState } from '../quiz/card-state.js';
import type { GradeValue } from '../quiz/scheduler.js';
import { type MessageKey, t } from '../ui/i18n.js';
import { Corrupt, type Decoded, decode, salvageTruncated } from './decode.js';
import { ensureDir } from './dir.js';
import { LockTimeout, withLock as withFileLock } from './lock.js';
import { progressPath } from './paths.js';
import {
  type ExamRecord,
  emptyProgress,
  FLAG_CORRECT,
  FLAG_EXAM,
  type LogEntry,
  type ProgressData,
} from './schema.js';
import {
  backupPath,
  type FileOps,
  ignoreFileSizeSignal,
  probeWrite,
  realOps,
  removeStaleTemps,
  replaceFile,
  SaveFailed,
} from './write.js';

export { dataDir, progressPath } from './paths.js';
export {
  type ExamRecord,
  type ExamTopicResult,
  emptyProgress,
  FLAG_CORRECT,
  FLAG_EXAM,
  type LogEntry,
  type ProgressData,
  SCHEMA_VERSION,
} from './schema.js';

/** Text of a progress file → current-version data; throws Corrupt or a UserError for a newer file. */
export function decodeProgress(text: string, path: string): ProgressData {
  return decode(text, path).data;
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
  /** Told about a damaged file that was moved aside or repaired. */
  onWarning: (message: string) => void;
  /** The file calls of a save; tests inject faults here. */
  ops?: FileOps;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The file's text, or undefined when there is no file. Opened without
 * blocking and looked at before reading: a FIFO, a device (/dev/zero) or a
 * folder is refused, never read.
 */
function readText(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // No file there, or no folder there (a path under a file): no progress yet.
    // Writing to such a place says what is wrong (ensureDataDir).
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new UserError(t('store.notFile', { path }), 1);
    throw new UserError(
      t('store.unreadable', { path, reason: String((error as Error).message) }),
      1,
    );
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UserError(t('store.notFile', { path }), 1);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      t('store.unreadable', { path, reason: String((error as Error).message) }),
      1,
    );
  } finally {
    closeSync(fd);
  }
}

const weight = (data: ProgressData): number =>
  data.log.length + Object.keys(data.cards).length + data.exams.length;

/** The backup generation, if it reads whole. */
function readBackup(path: string): Decoded | undefined {
  try {
    const text = readText(backupPath(path));
    if (text === undefined) return undefined;
    const decoded = decode(text, path);
    return decoded;
  } catch (error) {
    if (error instanceof Corrupt || error instanceof UserError) return undefined;
    throw error;
  }
}

/** A failed save as a message for the learner: what happened, and that nothing earlier was lost. */
function saveFailed(path: string, error: SaveFailed): UserError {
  const known: Record<string, MessageKey> = {
    ENOSPC: 'store.reason.full',
    EDQUOT: 'store.reason.quota',
    EFBIG: 'store.reason.tooBig',
    EROFS: 'store.reason.readOnly',
    EACCES: 'store.reason.denied',
    EPERM: 'store.reason.denied',
  };
  const key = known[error.code];
  const reason = key ? t(key) : String((error.cause as Error | undefined)?.message ?? error.code);
  return new UserError(t('store.saveFailed', { path, reason }), 1);
}

/** Saves under the lock (the caller holds it): replaceFile with its failure as a UserError. */
function save(path: string, text: string, options: OpenOptions, backup = true): void {
  try {
    replaceFile(path, text, options.ops ?? realOps, backup);
  } catch (error) {
    if (error instanceof SaveFailed) throw saveFailed(path, error);
    throw error;
  }
}

/**
 * Reads the file (the caller holds the lock). A missing file is empty
 * progress. One with damaged entries is copied aside as it was and saved
 * without them. One that cannot be read as a whole is moved aside, and the
 * larger of what can be read of it (a file cut short) and the backup
 * generation is saved in its place; every repair is told (onWarning).
 */
function load(path: string, options: OpenOptions): ProgressData {
  const text = readText(path);
  if (text === undefined) return emptyProgress();
  let decoded: Decoded | undefined;
  try {
    decoded = decode(text, path);
  } catch (error) {
    if (!(error instanceof Corrupt)) throw error;
  }
  const aside = `${path}.corrupt-${timestamp(options.now())}`;
  if (decoded) {
    if (decoded.damaged > 0) {
      copyFileSync(path, aside);
      save(path, JSON.stringify(decoded.data), options, false);
      options.onWarning(t('store.damaged', { path, n: decoded.damaged, aside }));
    }
    return decoded.data;
  }
  const readable = salvageTruncated(text, path);
  // Nothing worth keeping before the cut: said as a plain damaged file.
  const salvaged = readable && weight(readable.data) > 0 ? readable : undefined;
  const backup = readBackup(path);
  const useBackup =
    backup !== undefined && (salvaged === undefined || weight(backup.data) > weight(salvaged.data));
  const chosen = useBackup ? backup : salvaged;
  renameSync(path, aside);
  if (chosen === undefined) {
    options.onWarning(t('store.corrupt', { path, aside }));
    return emptyProgress();
  }
  try {
    save(path, JSON.stringify(chosen.data), options, false);
  } catch (error) {
    // Nothing saved: the damaged file goes back where it was, for the next try.
    renameSync(aside, path);
    throw error;
  }
  const counts = {
    path,
    aside,
    cards: Object.keys(chosen.data.cards).length,
    answers: chosen.data.log.length,
  };
  options.onWarning(t(useBackup ? 'store.fromBackup' : 'store.salvaged', counts));
  return chosen.data;
}

/** An error of the file system (no space, read-only, not a folder…) as a message for the learner. */
function unwritable(path: string, error: unknown): unknown {
  const code = errorCode(error);
  if (code === undefined || error instanceof UserError) return error;
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
  ensureDataDir(path);
  const lock = `${path}.lock`;
  try {
    return withFileLock(lock, work);
  } catch (error) {
    if (error instanceof LockTimeout) throw new UserError(t('store.locked', { lock }), 1);
    throw unwritable(path, error);
  }
}

/** The file a link points to (saves replace the file, not the link); the path itself otherwise. */
function target(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

// ---------------------------------------------------------------------------
// The store

/**
 * Read-only access: no lock, since every save is an atomic rename and a
 * reader sees the old file or the new one whole. Only a file that reads as
 * damaged is looked at again under the lock and, if it still is, repaired.
 */
export function readProgress(options: OpenOptions): ProgressData {
  const path = target(progressPath(options.env));
  const text = readText(path);
  if (text === undefined) return emptyProgress();
  try {
    const { data, damaged } = decode(text, path);
    if (damaged === 0) return data;
  } catch (error) {
    if (!(error instanceof Corrupt)) throw error;
  }
  return withLock(path, () => load(path, options));
}

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
  private readonly options: OpenOptions;
  /** The data as of the last read or write. */
  data: ProgressData;

  /** Identity of the file as we last read or wrote it. */
  private seen: string | undefined;

  private readonly serialize: (value: object) => string;

  constructor(
    path: string,
    data: ProgressData,
    options: OpenOptions,
    seen: string | undefined,
    serialize: (value: object) => string = JSON.stringify,
  ) {
    this.path = path;
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
        save(this.path, this.serialize(fresh), this.options);
      } catch (error) {
        // `fresh` holds a change the file does not: read the file again next time.
        this.seen = undefined;
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

  /** Sets these cards aside: no study session asks them until they are unsuspended. */
  suspend(ids: readonly string[], now: Date): void {
    this.update((data) => {
      const suspended = { ...(data.suspended ?? {}) };
      for (const id of ids) suspended[id] ??= now.getTime();
      data.suspended = suspended;
    });
  }

  /** Brings these suspended cards (or all) back; their progress was kept. */
  unsuspend(ids: readonly string[] | 'all'): void {
    this.update((data) => {
      if (ids === 'all') {
        delete data.suspended;
        return;
      }
      const suspended = { ...(data.suspended ?? {}) };
      for (const id of ids) delete suspended[id];
      if (Object.keys(suspended).length === 0) delete data.suspended;
      else data.suspended = suspended;
    });
  }

  /**
   * Takes back one study answer: removes the study review of cardId logged at
   * epoch ms `time` and puts the card's state back to `previous` (none: deleted).
   * False if no such answer is in the log.
   */
  undoAnswer(entry: { cardId: string; time: number; previous: CardState | undefined }): boolean {
    let found = false;
    this.update((data) => {
      for (let i = data.log.length - 1; i >= 0; i--) {
        const logged = data.log[i];
        if (
          logged &&
          logged[0] === entry.cardId &&
          logged[1] === entry.time &&
          !(logged[5] & FLAG_EXAM)
        ) {
          data.log.splice(i, 1);
          found = true;
          break;
        }
      }
      if (!found) return;
      if (entry.previous) data.cards[entry.cardId] = entry.previous;
      else delete data.cards[entry.cardId];
    });
    return found;
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

/**
 * Opens the store for writing: reads the file once, and makes sure before
 * the first question that a save can land (the folder is writable, stale temp
 * files are gone, and a file the size of the next save fits on the disk).
 */
export async function openProgress(options: OpenOptions): Promise<ProgressStore> {
  const path = target(progressPath(options.env));
  ignoreFileSizeSignal();
  // Taken before the read: if anyone writes in between, the first save sees a
  // changed file and reads it again; otherwise it saves without re-reading.
  const seen = fileIdentity(path);
  const data = readProgress(options);
  ensureDataDir(path);
  removeStaleTemps(path);
  const serialize = progressSerializer();
  try {
    probeWrite(path, serialize(data).length + PROBE_MARGIN, options.ops ?? realOps);
  } catch (error) {
    if (error instanceof SaveFailed) throw saveFailed(path, error);
    throw error;
  }
  return new ProgressStore(path, data, options, seen, serialize);
}

/** Room for the answers of a session beyond the current file (an answer is ~50 bytes). */
const PROBE_MARGIN = 16 * 1024;

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
