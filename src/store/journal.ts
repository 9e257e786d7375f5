/**
 * The review log beside the snapshot: `progress.log`, one JSON line per save,
 * appended, so saving an answer costs the same with a year of history as
 * with none. The snapshot (`progress.json`) holds everything up to the last
 * compaction; the log holds what came after.
 *
 * Line 1 is a header, `{"awsquizLog":1,"generation":G}`; the log applies to
 * the snapshot whose `logGeneration` is G and to no other. A compaction
 * writes a snapshot with generation G+1 first and a fresh log after, so a
 * crash between the two leaves a log that no longer applies instead of one
 * that would count its answers twice.
 *
 * Every other line is a record: `{"id":…,"a":[log entries],"s":state?,"x":exam?}`
 * with a random id, so a line stays identifiable (logs from two machines can
 * be merged by it). An answer is appended whole or the file is cut back to
 * its length before (a short write, a full disk); a line cut by a crash
 * (kill -9, power loss) has no newline and does not parse, and is told apart
 * from the lines before it.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import type { CardState } from '../quiz/card-state.js';
import type { ExamRecord, LogEntry, ProgressData } from '../quiz/progress-data.js';
import { isCardState, isExamRecord, isLogEntry, isRecord } from './schema.js';
import { closeQuietly, type FileOps, SaveFailed } from './write.js';

export const LOG_VERSION = 1;

/** `progress.json` → `progress.log` (any other name gets `.log` added). */
export function logPathOf(path: string): string {
  return path.endsWith('.json') ? `${path.slice(0, -'.json'.length)}.log` : `${path}.log`;
}

export interface LogRecord {
  id: string;
  /** Answers, in order. */
  a: LogEntry[];
  /** The next state of the first answer's card (study answers only). */
  s?: CardState;
  /** A finished exam. */
  x?: ExamRecord;
}

export function newRecord(
  entries: LogEntry[],
  state?: CardState | undefined,
  exam?: ExamRecord,
): LogRecord {
  const record: LogRecord = { id: randomUUID(), a: entries };
  if (state !== undefined) record.s = state;
  if (exam !== undefined) record.x = exam;
  return record;
}

export function headerText(generation: number): string {
  return `${JSON.stringify({ awsquizLog: LOG_VERSION, generation })}\n`;
}

export function recordText(record: LogRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function isLogRecord(value: unknown): value is LogRecord {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.a) &&
    value.a.every(isLogEntry) &&
    (value.s === undefined || (isCardState(value.s) && value.a.length > 0)) &&
    (value.x === undefined || isExamRecord(value.x))
  );
}

export interface ParsedLog {
  /** The header's generation; undefined when the header is unreadable (then nothing applies). */
  generation: number | undefined;
  /** The header's log version when it is newer than this awsquiz reads (the file is left alone). */
  newer: number | undefined;
  records: LogRecord[];
  /** Lines that are not records, before the last one. */
  damaged: number;
  /** The last line has no newline and does not read: a write cut short. */
  cut: boolean;
  /** The text ends with a newline (an append may follow as it is). */
  clean: boolean;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

export function parseLog(text: string): ParsedLog {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  // After the last newline: '' for a whole file, else a last line without its newline.
  const tail = lines.pop() as string;
  const header = parseLine(lines[0] ?? tail);
  const generation =
    isRecord(header) &&
    header.awsquizLog === LOG_VERSION &&
    Number.isSafeInteger(header.generation) &&
    (header.generation as number) >= 0
      ? (header.generation as number)
      : undefined;
  const newer =
    isRecord(header) && typeof header.awsquizLog === 'number' && header.awsquizLog > LOG_VERSION
      ? header.awsquizLog
      : undefined;
  const records: LogRecord[] = [];
  let damaged = 0;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const value = parseLine(line);
    if (isLogRecord(value)) records.push(value);
    else damaged += 1;
  }
  let cut = false;
  if (tail !== '' && lines.length > 0) {
    const value = parseLine(tail);
    // A whole record whose newline did not land still counts.
    if (isLogRecord(value)) records.push(value);
    else cut = true;
  }
  if (lines.length === 0 && tail !== '') cut = generation === undefined;
  return { generation, newer, records, damaged, cut, clean: tail === '' };
}

/** Applies records to data, in order, as the saves that wrote them did. */
export function applyRecords(data: ProgressData, records: readonly LogRecord[]): void {
  for (const record of records) {
    for (const entry of record.a) data.log.push(entry);
    const first = record.a[0];
    if (record.s !== undefined && first !== undefined) data.cards[first[0]] = record.s;
    if (record.x !== undefined) data.exams.push(record.x);
  }
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/**
 * Appends `text` to the existing log at `path`, which is `size` bytes long
 * (as last read under the lock), synced and checked. On a short write or any
 * failure the file is cut back to that length, so the log is as it was;
 * throws SaveFailed. A file of another length is not written at all.
 */
export function appendToLog(path: string, text: string, size: number, ops: FileOps): void {
  const bytes = Buffer.from(text, 'utf8');
  let fd: number;
  try {
    // O_APPEND without O_CREAT: a log that vanished is not silently started anew.
    fd = ops.openSync(path, constants.O_WRONLY | constants.O_APPEND);
  } catch (error) {
    throw new SaveFailed(codeOf(error), error);
  }
  let before: number | undefined;
  try {
    if (ops.fstatSync(fd).size !== size) {
      throw Object.assign(new Error('the log changed under the lock'), { code: 'EIO' });
    }
    before = size;
    let done = 0;
    while (done < bytes.length) {
      const wrote = ops.writeSync(fd, bytes, done, bytes.length - done);
      if (wrote <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      done += wrote;
    }
    ops.fsyncSync(fd);
    if (ops.fstatSync(fd).size !== before + bytes.length) {
      throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    }
  } catch (error) {
    if (before !== undefined) {
      try {
        ops.ftruncateSync(fd, before);
        ops.fsyncSync(fd);
      } catch {
        // Could not cut it back: the part-line has no newline and is found on the next read.
      }
    }
    closeQuietly(ops, fd);
    throw new SaveFailed(codeOf(error), error);
  }
  ops.closeSync(fd);
}
