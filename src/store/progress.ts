/**
 * The progress store: the learner's card states, answers, exams and
 * suspended cards in `progress.json`, a snapshot, and `progress.log`, the
 * saves since (where: paths.ts). This façade reads, locks and saves;
 * schema.ts has the versions, decode.ts the reading of a snapshot,
 * journal.ts the log, lock.ts the lock between processes, write.ts the
 * snapshot write that lands whole or not at all.
 *
 * - Every change takes the lock, re-reads the files if someone else wrote
 *   them, applies itself to what it read and saves, so two awsquiz processes
 *   never lose each other's answers. An answer (or a finished exam) is one
 *   line appended to the log; every COMPACT_AT answers, and for any other
 *   change (reset, suspend, undo), the log is folded into a new snapshot.
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
import { type MessageRef, UserError } from '../errors.js';
import { ensureDir } from '../ground/dir.js';
import type { CardState } from '../quiz/card-state.js';
import type { GradeValue } from '../quiz/scheduler.js';
import { Corrupt, type Decoded, decode, salvageTruncated } from './decode.js';
import {
  appendToLog,
  applyRecords,
  headerText,
  LOG_VERSION,
  type LogRecord,
  logPathOf,
  newRecord,
  type ParsedLog,
  parseLog,
  recordText,
} from './journal.js';
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

/**
 * Inode, size and modification time: changes whenever anyone rewrites or
 * appends to the file. A missing file is undefined, or "none" when asked
 * (so that a snapshot not written yet still counts as seen).
 */
function fileIdentity(path: string, missing?: true): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return missing ? 'none' : undefined;
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export interface OpenOptions {
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Told about a damaged file that was moved aside or repaired (worded at the edge). */
  onWarning: (message: MessageRef) => void;
  /** The file calls of a save; tests inject faults here. */
  ops?: FileOps;
  /** Answers kept in the log before a save folds them into the snapshot (COMPACT_AT). */
  compactAt?: number;
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
    if (code === 'EISDIR') throw new UserError({ key: 'store.notFile', params: { path } }, 1);
    throw new UserError(
      { key: 'store.unreadable', params: { path, reason: String((error as Error).message) } },
      1,
    );
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UserError({ key: 'store.notFile', params: { path } }, 1);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      { key: 'store.unreadable', params: { path, reason: String((error as Error).message) } },
      1,
    );
  } finally {
    closeSync(fd);
  }
}

const weight = (data: ProgressData): number =>
  data.log.length + Object.keys(data.cards).length + data.exams.length;

/**
 * The backup generation, if it reads whole, with the review logs that go
 * with it: `progress.log.bak` (kept when the snapshot after it was written)
 * and `progress.log` (the answers since). Its generation is moved past both,
 * since both are now in it.
 */
function readBackup(path: string): Decoded | undefined {
  let decoded: Decoded;
  try {
    const text = readText(backupPath(path));
    if (text === undefined) return undefined;
    decoded = decode(text, path);
  } catch (error) {
    if (error instanceof Corrupt || error instanceof UserError) return undefined;
    throw error;
  }
  const logFile = logPathOf(path);
  const generation = decoded.generation;
  const older = readLogQuietly(backupPath(logFile));
  if (older?.generation === generation) applyRecords(decoded.data, older.records);
  const newer = readLogQuietly(logFile);
  if (newer?.generation === generation + 1) applyRecords(decoded.data, newer.records);
  decoded.generation = generation + 2;
  return decoded;
}

/** A failed save as a message for the learner: what happened, and that nothing earlier was lost. */
function saveFailed(path: string, error: SaveFailed): UserError {
  const known: Record<string, string> = {
    ENOSPC: 'store.reason.full',
    EDQUOT: 'store.reason.quota',
    EFBIG: 'store.reason.tooBig',
    EROFS: 'store.reason.readOnly',
    EACCES: 'store.reason.denied',
    EPERM: 'store.reason.denied',
  };
  const key = known[error.code];
  const reason: MessageRef | string = key
    ? { key }
    : String((error.cause as Error | undefined)?.message ?? error.code);
  return new UserError({ key: 'store.saveFailed', params: { path, reason } }, 1);
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

/** Snapshot text: the generation right after the version, so a file cut short keeps it. */
function snapshotText(data: ProgressData, generation: number): string {
  const { schemaVersion, ...rest } = data;
  return JSON.stringify({ schemaVersion, logGeneration: generation, ...rest });
}

/**
 * Reads the snapshot (the caller holds the lock). A missing file is empty
 * progress. One with damaged entries is copied aside as it was and saved
 * without them. One that cannot be read as a whole is moved aside, and the
 * larger of what can be read of it (a file cut short) and the backup
 * generation (with its logs) is saved in its place; every repair is told
 * (onWarning).
 */
function loadSnapshot(path: string, options: OpenOptions): Decoded {
  const text = readText(path);
  if (text === undefined) return emptyDecoded();
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
      save(path, snapshotText(decoded.data, decoded.generation), options, false);
      options.onWarning({ key: 'store.damaged', params: { path, n: decoded.damaged, aside } });
    }
    return decoded;
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
    options.onWarning({ key: 'store.corrupt', params: { path, aside } });
    return emptyDecoded();
  }
  try {
    save(path, snapshotText(chosen.data, chosen.generation), options, false);
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
  options.onWarning({ key: useBackup ? 'store.fromBackup' : 'store.salvaged', params: counts });
  return chosen;
}

const emptyDecoded = (): Decoded => ({ data: emptyProgress(), damaged: 0, generation: 0 });

/**
 * Where the review log stands: missing (the next answer starts it), usable
 * (answers are appended; `count` records so far), stale (it belongs to an
 * older snapshot: the next save compacts) or unclean (its last line was cut,
 * or it has damaged lines: the next save reads it under the lock and repairs).
 */
interface LogState {
  kind: 'missing' | 'usable' | 'stale' | 'unclean';
  identity: string | undefined;
  count: number;
}

/** The size in a file identity (inode:size:mtime). */
const sizeOf = (identity: string | undefined): number => Number(identity?.split(':')[1] ?? -1);

interface Loaded {
  data: ProgressData;
  generation: number;
  log: LogState;
}

/** Snapshot + log, read without the lock and without repairs; undefined when a repair is needed. */
function readFiles(path: string, logFile: string): Loaded | undefined {
  // The log first: a compaction in between leaves a log that no longer applies, never a gap.
  const logIdentity = fileIdentity(logFile);
  const logText = readText(logFile);
  const text = readText(path);
  let decoded: Decoded;
  try {
    decoded = text === undefined ? emptyDecoded() : decode(text, path);
  } catch (error) {
    if (error instanceof Corrupt) return undefined;
    throw error;
  }
  if (decoded.damaged > 0) return undefined;
  const { data, generation } = decoded;
  if (logText === undefined) {
    return { data, generation, log: { kind: 'missing', identity: undefined, count: 0 } };
  }
  const log = parseLog(logText);
  refuseNewer(log, logFile);
  if (log.generation === undefined) return undefined;
  if (log.generation !== generation) {
    return { data, generation, log: { kind: 'stale', identity: logIdentity, count: 0 } };
  }
  if (log.damaged > 0) return undefined;
  applyRecords(data, log.records);
  const kind = log.cut || !log.clean ? 'unclean' : 'usable';
  return { data, generation, log: { kind, identity: logIdentity, count: log.records.length } };
}

/**
 * Reads snapshot and log under the lock, and repairs what needs it: a
 * damaged snapshot (loadSnapshot), a log with damaged or cut lines (copied
 * aside as it was, told, and compacted without them).
 */
function load(path: string, options: OpenOptions): Loaded {
  const logFile = logPathOf(path);
  const logText = readText(logFile);
  const parsed = logText === undefined ? undefined : parseLog(logText);
  // Before any repair of the snapshot: a log from a newer awsquiz leaves both files alone.
  if (parsed) refuseNewer(parsed, logFile);
  const decoded = loadSnapshot(path, options);
  const { data } = decoded;
  let generation = decoded.generation;
  if (parsed === undefined) {
    return { data, generation, log: { kind: 'missing', identity: undefined, count: 0 } };
  }
  if (parsed.generation !== undefined && parsed.generation !== generation) {
    return { data, generation, log: { kind: 'stale', identity: fileIdentity(logFile), count: 0 } };
  }
  if (parsed.generation !== undefined) applyRecords(data, parsed.records);
  const damaged = parsed.generation === undefined ? 1 : parsed.damaged + (parsed.cut ? 1 : 0);
  if (damaged > 0 || !parsed.clean) {
    if (damaged > 0) {
      const aside = `${logFile}.corrupt-${timestamp(options.now())}`;
      copyFileSync(logFile, aside);
      options.onWarning({ key: 'store.damaged', params: { path: logFile, n: damaged, aside } });
    }
    const done = compact(path, data, generation, options);
    generation = done.generation;
    return { data, generation, log: done.log };
  }
  return {
    data,
    generation,
    log: { kind: 'usable', identity: fileIdentity(logFile), count: parsed.records.length },
  };
}

/** A log from a newer awsquiz is never touched, as a newer snapshot is not. */
function refuseNewer(log: ParsedLog, logFile: string): void {
  if (log.newer === undefined) return;
  throw new UserError(
    {
      key: 'store.newer',
      params: { path: logFile, version: log.newer, supported: LOG_VERSION },
    },
    1,
  );
}

function readLogQuietly(logFile: string): ReturnType<typeof parseLog> | undefined {
  try {
    const text = readText(logFile);
    return text === undefined ? undefined : parseLog(text);
  } catch {
    return undefined;
  }
}

/**
 * Folds the log into the snapshot (the caller holds the lock): the snapshot
 * of generation+1 replaces the old one (kept as `.bak`), then the old log
 * becomes `progress.log.bak` and a fresh, empty log of the new generation
 * takes its place. A crash or a failure after the snapshot landed leaves a
 * log that no longer applies (or none): nothing counted twice, nothing lost.
 * Throws (a UserError) only when the snapshot did not land.
 */
function compact(
  path: string,
  data: ProgressData,
  generation: number,
  options: OpenOptions,
): { generation: number; log: LogState } {
  const ops = options.ops ?? realOps;
  const next = generation + 1;
  save(path, snapshotText(data, next), options, true);
  const logFile = logPathOf(path);
  try {
    try {
      ops.renameSync(logFile, backupPath(logFile));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    replaceFile(logFile, headerText(next), ops, false);
  } catch {
    // The answers are in the snapshot; the log is started again by the next save.
    return { generation: next, log: { kind: 'stale', identity: fileIdentity(logFile), count: 0 } };
  }
  return { generation: next, log: { kind: 'usable', identity: fileIdentity(logFile), count: 0 } };
}

/** Answers kept in the log before a save folds them into the snapshot. */
export const COMPACT_AT = 1000;

/** An error of the file system (no space, read-only, not a folder…) as a message for the learner. */
function unwritable(path: string, error: unknown): unknown {
  const code = errorCode(error);
  if (code === undefined || error instanceof UserError) return error;
  return new UserError(
    {
      key: 'store.unwritable',
      params: { dir: dirname(path), reason: String((error as Error).message) },
    },
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
    if (error instanceof LockTimeout)
      throw new UserError({ key: 'store.locked', params: { lock } }, 1);
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
 * Read-only access: no lock, since the snapshot is only ever replaced by an
 * atomic rename and the log only appended to; the log is read first, so a
 * compaction in between is seen as a log that no longer applies. A line cut
 * at the end (an append in progress) is left out. Only files that read as
 * damaged are looked at again under the lock and, if they still are, repaired.
 */
export function readProgress(options: OpenOptions): ProgressData {
  const path = target(progressPath(options.env));
  const read = readFiles(path, logPathOf(path));
  if (read !== undefined) return read.data;
  return withLock(path, () => load(path, options)).data;
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

  /** Identity of the snapshot as we last read or wrote it; undefined: read it again. */
  private seen: string | undefined;
  private generation: number;
  private log: LogState;
  private readonly logFile: string;

  constructor(
    path: string,
    data: ProgressData,
    options: OpenOptions,
    seen: string | undefined,
    state: { generation: number; log: LogState } = {
      generation: 0,
      log: { kind: 'stale', identity: undefined, count: 0 },
    },
  ) {
    this.path = path;
    this.data = data;
    this.options = options;
    this.seen = seen;
    this.generation = state.generation;
    this.log = state.log;
    this.logFile = logPathOf(path);
  }

  /**
   * Does the first save's one-time work ahead of time without writing
   * progress (the id generator's first call, the lock, the freshness check). The
   * study loop calls it while the first question is on screen.
   */
  warm(): void {
    recordText(newRecord([['', 0, 3, '', 0, 0]]));
    // One turn of the lock and the freshness check, writing no progress.
    withLock(this.path, () => this.current());
  }

  /**
   * The data as on disk (the caller holds the lock): what we hold, unless
   * someone else wrote the snapshot or the log since we last did (every
   * snapshot write is a rename, every append changes the log's size).
   */
  private current(): ProgressData {
    if (
      this.seen !== undefined &&
      this.log.kind !== 'unclean' &&
      this.seen === fileIdentity(this.path, true) &&
      this.log.identity === fileIdentity(this.logFile)
    ) {
      return this.data;
    }
    const loaded = load(this.path, this.options);
    this.generation = loaded.generation;
    this.log = loaded.log;
    this.seen = fileIdentity(this.path, true);
    return loaded.data;
  }

  /**
   * Adds one record to the log under the lock: `build` makes it from the
   * data as on disk. Appended when the log can take it, the first line of a
   * new log when there is none, folded into the snapshot (compaction) when
   * the log is full or stale.
   */
  private append(build: (data: ProgressData) => LogRecord): void {
    withLock(this.path, () => {
      const fresh = this.current();
      const record = build(fresh);
      applyRecords(fresh, [record]);
      this.data = fresh;
      const ops = this.options.ops ?? realOps;
      try {
        if (this.log.kind === 'usable' && this.log.count < (this.options.compactAt ?? COMPACT_AT)) {
          appendToLog(this.logFile, recordText(record), sizeOf(this.log.identity), ops);
          this.log = {
            kind: 'usable',
            identity: fileIdentity(this.logFile),
            count: this.log.count + 1,
          };
        } else if (this.log.kind === 'missing' && this.seen !== 'none') {
          // The first answer beside a snapshot without a log (a file from an older awsquiz);
          // with no snapshot at all, the first answer writes one (below).
          replaceFile(this.logFile, headerText(this.generation) + recordText(record), ops, false);
          this.log = { kind: 'usable', identity: fileIdentity(this.logFile), count: 1 };
        } else {
          this.compactHeld(fresh);
        }
      } catch (error) {
        // `fresh` holds a change the files may not: read them again next time.
        this.seen = undefined;
        if (error instanceof SaveFailed) throw saveFailed(this.path, error);
        throw unwritable(this.path, error);
      }
    });
  }

  private compactHeld(data: ProgressData): void {
    const done = compact(this.path, data, this.generation, this.options);
    this.generation = done.generation;
    this.log = done.log;
    this.seen = fileIdentity(this.path, true);
  }

  /**
   * Applies one change to the data as on disk under the lock, and writes it
   * as a new snapshot (the log folded in). For changes that are not an
   * added answer: reset, suspend, undo.
   */
  update(change: (data: ProgressData) => void): ProgressData {
    this.change((data) => {
      change(data);
      return true;
    });
    return this.data;
  }

  /** As update, but a change that returns false writes nothing. */
  private change(change: (data: ProgressData) => boolean): boolean {
    return withLock(this.path, () => {
      const fresh = this.current();
      this.data = fresh;
      if (!change(fresh)) return false;
      try {
        this.compactHeld(fresh);
      } catch (error) {
        this.seen = undefined;
        throw unwritable(this.path, error);
      }
      return true;
    });
  }

  recordAnswer(answer: AnswerRecord): CardState | undefined {
    let next: CardState | undefined;
    this.append((data) => {
      if (!answer.exam && answer.reschedule) next = answer.reschedule(data.cards[answer.cardId]);
      return newRecord([logEntry(answer, answer.exam ?? false)], next);
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
    this.append(() =>
      newRecord(
        answers.map((answer) => logEntry(answer, true)),
        undefined,
        record,
      ),
    );
  }

  /** Forgets the schedule, log and suspension of these cards (or all progress). */
  reset(ids: readonly string[] | 'all'): void {
    this.update((data) => {
      if (ids === 'all') {
        Object.assign(data, emptyProgress());
        return;
      }
      const gone = new Set(ids);
      for (const id of gone) {
        delete data.cards[id];
        delete data.suspended[id];
      }
      data.log = data.log.filter((entry) => !gone.has(entry[0]));
    });
  }

  /** Sets these cards aside: never asked until unsuspended; their state and log are kept. */
  suspend(ids: readonly string[], now: Date): void {
    this.update((data) => {
      for (const id of ids) data.suspended[id] ??= now.getTime();
    });
  }

  /** Asks these cards (or every suspended card) again. */
  unsuspend(ids: readonly string[] | 'all'): void {
    this.update((data) => {
      if (ids === 'all') data.suspended = {};
      else for (const id of ids) delete data.suspended[id];
    });
  }

  /**
   * Takes back the study answer logged for `cardId` at epoch ms `time`: the
   * review leaves the log and the card's state goes back to `previous` (or
   * the card is forgotten, when it had none). False, and nothing changes,
   * when no such review is found (another process changed it meanwhile).
   */
  undoAnswer(entry: { cardId: string; time: number; previous: CardState | undefined }): boolean {
    return this.change((data) => {
      const at = findReview(data.log, entry.cardId, entry.time);
      if (at === -1) return false;
      data.log.splice(at, 1);
      if (entry.previous === undefined) delete data.cards[entry.cardId];
      else data.cards[entry.cardId] = entry.previous;
      return true;
    });
  }
}

/** Index of the last study (not exam) review of `cardId` at `time` in the log, or -1. */
function findReview(log: readonly LogEntry[], cardId: string, time: number): number {
  for (let i = log.length - 1; i >= 0; i--) {
    const [id, at, , , , flags] = log[i] as LogEntry;
    if (id === cardId && at === time && !(flags & FLAG_EXAM)) return i;
  }
  return -1;
}

/**
 * Opens the store for writing: reads the file once, and makes sure before
 * the first question that a save can land (the folder is writable, stale temp
 * files are gone, and a file the size of the next save fits on the disk).
 */
export async function openProgress(options: OpenOptions): Promise<ProgressStore> {
  const path = target(progressPath(options.env));
  const logFile = logPathOf(path);
  ignoreFileSizeSignal();
  // Taken before the read: if anyone writes in between, the first save sees a
  // changed file and reads it again; otherwise it saves without re-reading.
  const seen = fileIdentity(path, true);
  const loaded = readFiles(path, logFile) ?? withLock(path, () => load(path, options));
  ensureDataDir(path);
  removeStaleTemps(path);
  removeStaleTemps(logFile);
  try {
    // Room for a compaction: the whole data as a snapshot, and a session's answers.
    probeWrite(path, JSON.stringify(loaded.data).length + PROBE_MARGIN, options.ops ?? realOps);
  } catch (error) {
    if (error instanceof SaveFailed) throw saveFailed(path, error);
    throw error;
  }
  if (loaded.log.kind === 'missing' && seen !== 'none') startLog(path, seen, loaded, options);
  return new ProgressStore(path, loaded.data, options, seen, loaded);
}

/**
 * Beside a snapshot from an older awsquiz (no log yet), the empty log is
 * started before the first question, so the first answer is an append like
 * every other. Only if no one wrote either file since we read them; else the
 * first save reads them again.
 */
function startLog(path: string, seen: string | undefined, loaded: Loaded, options: OpenOptions) {
  const logFile = logPathOf(path);
  withLock(path, () => {
    if (fileIdentity(logFile) !== undefined || fileIdentity(path, true) !== seen) return;
    try {
      replaceFile(logFile, headerText(loaded.generation), options.ops ?? realOps, false);
    } catch (error) {
      if (error instanceof SaveFailed) throw saveFailed(path, error);
      throw error;
    }
    loaded.log = { kind: 'usable', identity: fileIdentity(logFile), count: 0 };
  });
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
