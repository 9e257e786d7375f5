/**
 * Errors that end a command with a message for the user and an exit code
 * (DESIGN.md §6). Anything else that escapes is a bug and is reported as one.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** A usage mistake: bad flag, unknown topic, bad number, missing terminal. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** The user pressed Ctrl+C. Whatever was answered is already saved. Exit 130. */
export class InterruptedError extends Error {
  readonly exitCode = 130;
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
