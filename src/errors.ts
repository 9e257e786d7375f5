/**
 * Errors that end a command with a message for the user and an exit code.
 * Anything else that escapes is a bug and is reported as one.
 */

/**
 * A message for people as a catalogue key and its parameters. The core
 * (content/, quiz/) says what happened this way; ui/i18n makes the text in
 * the user's language at the edge.
 */
/** Words a message in the interface language: the core is handed one, as it is handed the clock. */
export type Say = (message: MessageRef) => string;

export interface MessageRef {
  key: string;
  /** A parameter may itself be a message (a reason inside a sentence), worded first. */
  params?: Record<string, string | number | MessageRef>;
}

export class UserError extends Error {
  readonly exitCode: number;
  /** The message as lines of catalogue keys; empty when it was given as text. */
  readonly parts: readonly MessageRef[];
  constructor(message: string | MessageRef | readonly MessageRef[], exitCode = 1) {
    const parts = typeof message === 'string' ? [] : Array.isArray(message) ? message : [message];
    super(typeof message === 'string' ? message : parts.map((part) => part.key).join('\n'));
    this.name = 'UserError';
    this.exitCode = exitCode;
    this.parts = parts;
  }
}

/** A usage mistake: bad flag, unknown topic, bad number, missing terminal. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string | MessageRef | readonly MessageRef[]) {
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
