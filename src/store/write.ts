/**
 * Replacing the progress file so that a save either lands whole or not at all.
 *
 * The text goes to a temp file beside it; every byte written is counted and
 * the temp file's size checked after fsync. Only then is the current file
 * kept as the backup generation (`progress.json.bak`, a hard link: it costs
 * no space on a full disk) and the temp file renamed over it. A short write
 * (disk full, file-size limit) throws SaveFailed and leaves the current file
 * as it was.
 */
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { systemClock } from '../ground/clock.js';
import { alive } from './lock.js';

/** The file calls a save makes: tests replace them to inject faults. */
export interface FileOps {
  openSync: (path: string, flags: string | number) => number;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  fstatSync: (fd: number) => { size: number };
  closeSync: (fd: number) => void;
  ftruncateSync: (fd: number, length: number) => void;
  renameSync: (from: string, to: string) => void;
  linkSync: (existing: string, path: string) => void;
  unlinkSync: (path: string) => void;
}

export const realOps: FileOps = {
  openSync: (path, flags) => fs.openSync(path, flags),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fstatSync: (fd) => fs.fstatSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  renameSync: (from, to) => fs.renameSync(from, to),
  linkSync: (existing, path) => fs.linkSync(existing, path),
  unlinkSync: (path) => fs.unlinkSync(path),
};

/** A save that did not land; the previous file is untouched. `code` is the file system's. */
export class SaveFailed extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`save failed: ${code}`, { cause });
  }
}

export const backupPath = (path: string): string => `${path}.bak`;

/** `progress.json.tmp-<pid>-<random>`: the pid tells a live writer's temp file from a dead one's. */
function tempPath(path: string): string {
  return `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/** Writes all of `bytes` to a new temp file beside `path`, synced and checked; returns its name. */
function writeTemp(path: string, bytes: Uint8Array, ops: FileOps): string {
  const temp = tempPath(path);
  let fd: number | undefined;
  try {
    fd = ops.openSync(temp, 'wx');
    let done = 0;
    while (done < bytes.length) {
      const wrote = ops.writeSync(fd, bytes, done, bytes.length - done);
      if (wrote <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      done += wrote;
    }
    ops.fsyncSync(fd);
    if (ops.fstatSync(fd).size !== bytes.length) {
      throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    }
    ops.closeSync(fd);
    fd = undefined;
    return temp;
  } catch (error) {
    if (fd !== undefined) closeQuietly(ops, fd);
    try {
      ops.unlinkSync(temp);
    } catch {
      // Never created.
    }
    throw new SaveFailed(codeOf(error), error);
  }
}

/**
 * Replaces `path` with `text`, keeping the file it replaces as the backup
 * generation. Throws SaveFailed, with `path` as it was.
 */
export function replaceFile(
  path: string,
  text: string,
  ops: FileOps = realOps,
  backup = true,
): void {
  const temp = writeTemp(path, Buffer.from(text, 'utf8'), ops);
  try {
    if (backup) keepBackup(path, ops);
    ops.renameSync(temp, path);
  } catch (error) {
    try {
      ops.unlinkSync(temp);
    } catch {
      // Gone already.
    }
    throw new SaveFailed(codeOf(error), error);
  }
}

/** The current file becomes `.bak` (a second name for it, no copy); no current file, no change. */
function keepBackup(path: string, ops: FileOps): void {
  const spare = `${backupPath(path)}.tmp-${process.pid}-link`;
  try {
    ops.linkSync(path, spare);
  } catch {
    // No current file, or a file system without hard links: the backup stays as it was.
    return;
  }
  try {
    ops.renameSync(spare, backupPath(path));
  } catch (error) {
    try {
      ops.unlinkSync(spare);
    } catch {
      // Gone already.
    }
    throw error;
  }
}

/**
 * Before the first question: can a save of about `size` bytes land here?
 * Writes and syncs a temp file that big and removes it. Throws SaveFailed.
 */
export function probeWrite(path: string, size: number, ops: FileOps = realOps): void {
  const temp = writeTemp(path, new Uint8Array(size).fill(0x20), ops);
  ops.unlinkSync(temp);
}

/**
 * A write past `ulimit -f` sends SIGXFSZ, which kills the process before the
 * write can fail; ignored, the write fails with EFBIG and the save is refused
 * like any other short write.
 */
export function ignoreFileSizeSignal(): void {
  if (process.platform === 'win32' || process.listenerCount('SIGXFSZ') > 0) return;
  process.on('SIGXFSZ', () => {});
}

const TEMP = /^(.*)\.tmp-(\d+)-[a-z0-9]*$/;
/** Temp names of conf's writer (atomically), used before: `progress.json.tmp-<ms><random>`. */
const OLD_TEMP = /\.tmp-\d{13}[a-z0-9]*$/;
const OLD_TEMP_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the temp files of writers that died (kill -9, power cut) beside
 * `path`: ours by their pid, conf's older ones by their age. A live process's
 * temp file is never touched. Returns how many were removed.
 */
export function removeStaleTemps(path: string, now = systemClock().getTime()): number {
  const dir = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`) || !entry.includes('.tmp-')) continue;
    const match = TEMP.exec(entry);
    let stale = false;
    if (match && (match[1] === name || match[1] === `${name}.bak`)) {
      const pid = Number(match[2]);
      stale = pid !== process.pid && !alive(pid);
    } else if (OLD_TEMP.test(entry)) {
      try {
        stale = now - fs.statSync(join(dir, entry)).mtimeMs > OLD_TEMP_AGE_MS;
      } catch {
        stale = false;
      }
    }
    if (!stale) continue;
    try {
      fs.unlinkSync(join(dir, entry));
      removed += 1;
    } catch {
      // Removed by another process meanwhile.
    }
  }
  return removed;
}

/** Closes a file that failed to write; closing it may fail too, and that says nothing new. */
export function closeQuietly(ops: FileOps, fd: number): void {
  try {
    ops.closeSync(fd);
  } catch {
    // The write's own error is the one to report.
  }
}
