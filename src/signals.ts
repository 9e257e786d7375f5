/**
 * How a session ends when it is not the learner's own choice: the terminal
 * closed (SIGHUP), a shutdown (SIGTERM), or Ctrl+C between two questions,
 * when the terminal is not in raw mode and Ctrl+C is a signal, not a key.
 *
 * Every answer is saved synchronously before the next question, and a signal
 * is handled between two JavaScript tasks, never in the middle of a save: so
 * ending at once loses nothing. What must not happen is the crash Node makes
 * of a closed terminal: readline's close calls setRawMode on the dead tty,
 * which emits an 'error' nobody handles, and at exit Node's own terminal
 * reset fails its assertion on EIO (exit 139). So: a failed setRawMode is
 * taken as a hangup, and on a hangup the standard streams are closed before
 * exit, which makes Node skip the reset of a terminal that is gone.
 */
import { closeSync } from 'node:fs';
import type { ReadStream } from 'node:tty';

export const EXIT_HANGUP = 129;
export const EXIT_TERMINATED = 143;
export const EXIT_INTERRUPTED = 130;

let interrupt: (() => void) | undefined;
let installed = false;

/** Ends now, after a hangup: the terminal is gone, so nothing is written or reset. */
function hangUp(): never {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
  }
  process.exit(EXIT_HANGUP);
}

/** A tty error that means the terminal has gone away. */
function gone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EIO' || code === 'ENXIO' || code === 'EBADF';
}

/**
 * setRawMode on a terminal that has gone emits 'error' (EIO) on stdin, and
 * readline passes it on as an unhandled error: such an error is taken here,
 * during the call, and ends the process as a hangup.
 */
function guardRawMode(stdin: ReadStream): void {
  const original = stdin.setRawMode;
  stdin.setRawMode = function setRawMode(this: ReadStream, mode: boolean) {
    const emit = this.emit;
    let failed: unknown;
    this.emit = function (this: ReadStream, event: string | symbol, ...args: unknown[]) {
      if (event === 'error' && gone(args[0])) {
        failed = args[0];
        return true;
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as ReadStream['emit'];
    try {
      original.call(this, mode);
    } finally {
      this.emit = emit;
    }
    if (failed !== undefined) hangUp();
    return this;
  };
}

/**
 * Installs the handlers for the whole process (once): SIGHUP → exit 129,
 * SIGTERM → terminal restored, exit 143, SIGINT → the session's summary (see
 * onInterrupt), exit 130; an I/O error on a standard stream whose terminal
 * went away → exit 129, never a stack.
 */
export function guardTerminal(): void {
  if (installed || process.platform === 'win32') return;
  installed = true;
  process.on('SIGHUP', hangUp);
  process.on('SIGTERM', () => {
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      // The terminal went too.
    }
    process.exit(EXIT_TERMINATED);
  });
  process.on('SIGINT', () => {
    const summary = interrupt;
    interrupt = undefined;
    summary?.();
    process.exit(EXIT_INTERRUPTED);
  });
  for (const stream of [process.stdout, process.stderr]) guardStream(stream);
  if (stdinRead) guardStdin();
}

function guardStream(stream: NodeJS.ReadStream | NodeJS.WriteStream): void {
  stream.prependListener('error', (error: unknown) => {
    if (gone(error)) hangUp();
  });
}

let stdinRead = false;
let stdinGuarded = false;

/**
 * stdin's part of guardTerminal, run when the CLI first reads process.stdin
 * (cli.ts processIO): Node makes that stream only when it is first read,
 * which costs a start that never reads it (topics, stats) ~5 ms.
 */
export function guardStdin(): void {
  stdinRead = true;
  if (!installed || stdinGuarded) return;
  stdinGuarded = true;
  if (process.stdin.isTTY) guardRawMode(process.stdin);
  guardStream(process.stdin);
}

/**
 * While a session runs, Ctrl+C arriving as a signal (between two questions)
 * runs `summary` before exit 130, as Ctrl+C at a question does. Returns the
 * function that ends this.
 */
export function onInterrupt(summary: () => void): () => void {
  interrupt = summary;
  return () => {
    if (interrupt === summary) interrupt = undefined;
  };
}
