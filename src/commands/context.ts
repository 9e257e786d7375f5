/**
 * What a command gets from the outside world. Commands, the prompts and the
 * exam never reach for process.* or the system clock themselves, so tests can
 * hand them fakes and drive every command in-process.
 */
import type { MessageRef } from '../errors.js';
import type { Messages } from '../ui/i18n.js';

export interface CommandContext {
  /** --content, if given. */
  content: string | undefined;
  /** false with --no-color. */
  color: boolean;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  /** The one clock: every time a command, the study loop, the exam or a countdown reads. */
  now: () => Date;
  /** The interface's words in the user's language (--lang, LC_ALL, LC_MESSAGES, LANG). */
  messages: Messages;
}

/**
 * A warning on stderr as one `awsquiz: …` line (damaged progress entries,
 * skipped files), given as text or as a message the core or the store made.
 */
export function warn(
  context: Pick<CommandContext, 'stderr' | 'messages'>,
): (message: string | MessageRef) => void {
  return (message) =>
    context.stderr.write(
      `${context.messages.t('error.prefix')}${typeof message === 'string' ? message : context.messages.text(message)}\n`,
    );
}
