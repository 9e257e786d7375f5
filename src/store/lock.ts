/**
 * An exclusive lock between awsquiz processes: a file created with O_EXCL
 * that holds the owner's pid. A lock whose owner died, or that is older than
 * LOCK_STALE_MS (a hung owner), is broken. Synchronous on purpose: a save
 * happens between two questions and must finish before the next one.
 *
 * (proper-lockfile and friends are asynchronous or keep timers alive, and
 * none breaks a lock by its owner's pid; this is small enough to own.)
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { type Clock, systemClock } from '../ground/clock.js';

export const LOCK_WAIT_MS = 5_000;
export const LOCK_STALE_MS = 10_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Is a process with this id running (ours or someone else's)? */
export function alive(pid: number): boolean {
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
export function breakStale(lock: string, clock: Clock = systemClock): void {
  const breaker = `${lock}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    // Someone else is breaking it; a breaker left behind by a crash is cleared when old.
    try {
      if (clock().getTime() - statSync(breaker).mtimeMs > LOCK_STALE_MS) unlinkSync(breaker);
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
    if (
      (dead || clock().getTime() - stat.mtimeMs > LOCK_STALE_MS) &&
      statSync(lock).ino === stat.ino
    ) {
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

export class LockTimeout extends Error {
  constructor(readonly lock: string) {
    super(`lock held: ${lock}`);
  }
}

/**
 * Runs `work` holding `lock`. Throws LockTimeout after `waitMs`, and the file
 * system's own error (EACCES, ENOSPC…) when the lock cannot be created.
 * `clock` is wall time, compared with the lock file's modification time: the
 * system clock, never a session's fake one (tests inject their own).
 */
export function withLock<T>(
  lock: string,
  work: () => T,
  waitMs = LOCK_WAIT_MS,
  clock: Clock = systemClock,
): T {
  const deadline = clock().getTime() + waitMs;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      breakStale(lock, clock);
      if (clock().getTime() > deadline) throw new LockTimeout(lock);
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
