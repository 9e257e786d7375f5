/**
 * The notes a command works on: --content, AWSQUIZ_CONTENT or the shipped
 * notes, with skipped files told on the context's stderr.
 */
import { type Library, openLibrary } from '../content/library.js';
import { contentDir } from '../content/load.js';
import type { MessageRef } from '../errors.js';
import { type CommandContext, warn } from './context.js';

export function openNotes(
  context: Pick<CommandContext, 'content' | 'env' | 'stderr' | 'messages'>,
  onWarning: (message: string) => void = warn(context),
): Promise<Library> {
  return openLibrary(contentDir(context.content, context.env), context.env, {
    onWarning: (warning: MessageRef) => onWarning(context.messages.text(warning)),
  });
}
