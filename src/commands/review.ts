/**
 * `awsquiz review`: every due card of every topic.
 */

import { isSuspended } from '../quiz/progress-data.js';
import { DEFAULT_RETENTION } from '../quiz/retention.js';
import { randomSeed } from '../quiz/rng.js';
import { nextDue, planReview, sectionsAnsweredToday } from '../quiz/session.js';
import { openProgress, scheduleStatus } from '../store/progress.js';
import { formatterFor, paragraph } from '../ui/format.js';
import { wrapWithCommand } from '../ui/layout.js';
import { type CommandContext, warn } from './context.js';
import type { ReviewOptions } from './definitions.js';
import { startCommand } from './hint.js';
import { openNotes } from './notes.js';
import { requireTerminal, runStudyLoop } from './study-loop.js';

export async function run(context: CommandContext, options: ReviewOptions): Promise<number> {
  const settings = {
    limit: options.limit,
    seed: options.seed ?? randomSeed(),
    retention: options.retention ?? DEFAULT_RETENTION,
  };
  const library = await openNotes(context);
  requireTerminal(context, 'review');
  const store = await openProgress({
    env: context.env,
    now: context.now,
    onWarning: warn(context),
  });
  const now = context.now();
  const status = scheduleStatus(store.data);
  const data = store.data;
  const plan = planReview({
    cards: library.cards,
    status,
    now,
    limit: settings.limit,
    suspended: (id) => isSuspended(data, id),
    buried: sectionsAnsweredToday(library.cards, data.log, now),
  });
  const format = await formatterFor(context);
  if (plan.queue.length === 0) {
    const next = nextDue(library.cards, status);
    const lines =
      next === undefined
        ? wrapWithCommand(
            context.messages.t('review.nothingYet', { command: '' }),
            startCommand(context, library.topics),
            format.width,
          )
        : paragraph(
            format,
            context.messages.t('review.nothingDue', {
              when: context.messages.duration(next - now.getTime()),
            }),
          );
    context.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  context.stdout.write(
    `${paragraph(format, context.messages.t('review.start', { due: plan.due }), 'heading').join('\n')}\n\n`,
  );
  await runStudyLoop({
    context,
    library,
    store,
    plan,
    format,
    seed: settings.seed,
    retention: settings.retention,
  });
  return 0;
}
