/**
 * `awsquiz reset [--topic T…] [--yes]`: forgets progress, after asking.
 */

import { matchTopics } from '../content/topics.js';
import { UsageError } from '../errors.js';
import { openProgress } from '../store/progress.js';
import { terminalWidth } from '../ui/format.js';
import { type CommandContext, warn } from './context.js';
import type { ResetOptions } from './definitions.js';
import { openNotes } from './notes.js';

export async function run(context: CommandContext, options: ResetOptions): Promise<number> {
  const queries = options.topics;
  let ids: string[] | 'all' = 'all';
  let what = context.messages.t('reset.everything');
  if (queries.length > 0) {
    const library = await openNotes(context);
    const topics = new Set(matchTopics(queries, library.topics).map((topic) => topic.title));
    ids = library.cards.filter((card) => topics.has(card.topic)).map((card) => card.id);
    what = [...topics].join(', ');
  }
  if (!options.yes && (!context.stdin.isTTY || !context.stdout.isTTY)) {
    throw new UsageError(context.messages.t('reset.needsYes'));
  }
  const store = await openProgress({
    env: context.env,
    now: context.now,
    onWarning: warn(context),
  });
  if (!options.yes) {
    const { askConfirm } = await import('../ui/prompts.js');
    const width = terminalWidth(context.stdout, context.env);
    const io = { input: context.stdin, output: context.stdout };
    const message = context.messages.t('reset.confirm', { what });
    if (!(await askConfirm({ message, default: false, width, messages: context.messages }, io))) {
      context.stdout.write(`${context.messages.t('reset.kept')}\n`);
      return 0;
    }
  }
  store.reset(ids);
  context.stdout.write(`${context.messages.t('reset.done', { what })}\n`);
  return 0;
}
