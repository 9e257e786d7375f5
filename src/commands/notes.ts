/**
 * The notes a command works on: --content, AWSQUIZ_CONTENT or the shipped
 * notes, with skipped files told on the context's stderr.
 */
import {
  type Library,
  type NotesIndex,
  type OpenOptions,
  openIndex,
  openLibrary,
} from '../content/library.js';
import { contentDir } from '../content/load.js';
import type { MessageRef } from '../errors.js';
import { terminalWidth } from '../ui/format.js';
import { displayWidth, truncate } from '../ui/layout.js';
import { type CommandContext, warn } from './context.js';

export function openNotes(
  context: Pick<CommandContext, 'content' | 'env' | 'stderr' | 'messages'>,
  onWarning: (message: string) => void = warn(context),
): Promise<Library> {
  return openLibrary(
    contentDir(context.content, context.env),
    context.env,
    openOptions(context, onWarning),
  );
}

/** The notes with only the ids and topics of their cards (see openIndex): for counting. */
export function openNotesIndex(
  context: Pick<CommandContext, 'content' | 'env' | 'stderr' | 'messages'>,
  onWarning: (message: string) => void = warn(context),
): Promise<NotesIndex> {
  return openIndex(
    contentDir(context.content, context.env),
    context.env,
    openOptions(context, onWarning),
  );
}

function openOptions(
  context: Pick<CommandContext, 'content' | 'env' | 'stderr' | 'messages'>,
  onWarning: (message: string) => void,
): OpenOptions {
  const stderr = context.stderr as { isTTY?: boolean; columns?: number };
  return {
    onWarning: (warning: MessageRef) => onWarning(context.messages.text(warning)),
    // A card no question can be made of is not made: nothing counts it (issue 13).
    whyLeftOut: async () => (await import('../quiz/questions.js')).whyNotAsked,
    // A changed note is parsed, carded and judged alone (quiz's ask-job: whyNotAsked of the
    // cards its own file decides, fileVerdict); a big cold folder on every core.
    worker: {
      script: 'quiz/ask-worker.js',
      job: async () => (await import('../quiz/ask-job.js')).askJob,
    },
    // A progress line only where someone watches: never into a pipe, a file or a test's stream.
    ...(stderr.isTTY === true
      ? {
          onProgress: (done: number, total: number) => {
            context.stderr.write(
              done === total
                ? '\r\u001b[K'
                : progressLine(
                    [
                      context.messages.t('notes.parsing', { done, total }),
                      context.messages.t('notes.parsingShort', { done, total }),
                      `${done}/${total}`,
                    ],
                    terminalWidth(stderr, context.env),
                  ),
            );
          },
        }
      : {}),
  };
}

/**
 * The progress line drawn over itself: one row, narrower than the terminal,
 * since `\r` goes back to the start of the last row only, and a line that
 * wraps would leave a copy on every row it is redrawn. The first of the
 * texts (longest first) that fits, else the last one cut to fit, so that a
 * narrow terminal still shows the count.
 */
export function progressLine(texts: readonly string[], columns: number): string {
  const fits = texts.find((text) => displayWidth(text) < columns);
  return `\r\u001b[K${fits ?? truncate(texts.at(-1) ?? '', columns - 1)}`;
}
