/**
 * `awsquiz study [topic…]`: the chosen topics' due cards first, then new ones.
 */

import { matchTopics } from '../content/topics.js';
import { isSuspended } from '../quiz/progress-data.js';
import { DEFAULT_RETENTION } from '../quiz/retention.js';
import { randomSeed } from '../quiz/rng.js';
import { newToday, nextDue, planStudy, sectionsAnsweredToday } from '../quiz/session.js';
import { firstAnswers, openProgress, scheduleStatus } from '../store/progress.js';
import { formatterFor, paragraph } from '../ui/format.js';
import { wrapWithCommand } from '../ui/layout.js';
import { type CommandContext, warn } from './context.js';
import type { StudyOptions } from './definitions.js';
import { openNotes } from './notes.js';
import { requireTerminal, runStudyLoop } from './study-loop.js';

export const DEFAULT_NEW_PER_DAY = 20;

export async function run(context: CommandContext, options: StudyOptions): Promise<number> {
  const queries = options.topics;
  const settings = {
    newPerDay: options.new ?? DEFAULT_NEW_PER_DAY,
    limit: options.limit,
    seed: options.seed ?? randomSeed(),
    retention: options.retention ?? DEFAULT_RETENTION,
  };
  const library = await openNotes(context);
  const topics = new Set(matchTopics(queries, library.topics).map((topic) => topic.title));
  requireTerminal(context, 'study');

  const store = await openProgress({
    env: context.env,
    now: context.now,
    onWarning: warn(context),
  });
  const now = context.now();
  const cards = library.cards.filter((card) => topics.has(card.topic));
  const status = scheduleStatus(store.data);
  const seenToday = newToday(firstAnswers(store.data).values(), now);
  const allowance = Math.max(0, settings.newPerDay - seenToday);
  const data = store.data;
  const plan = planStudy({
    cards,
    status,
    now,
    newAllowance: allowance,
    limit: settings.limit,
    suspended: (id) => isSuspended(data, id),
    buried: sectionsAnsweredToday(cards, data.log, now),
    order: options.order,
  });
  const format = await formatterFor(context);
  if (plan.queue.length === 0) {
    const next = nextDue(cards, status);
    const lines = paragraph(
      format,
      context.messages.t(cards.length === 0 ? 'study.noCards' : 'study.nothing'),
    );
    // Wrapped between words, with the command to type whole on its own line when need be.
    if (allowance === 0 && cards.some((card) => !status(card.id)))
      lines.push(
        ...wrapWithCommand(
          context.messages.t('study.newLimitReached', {
            n: settings.newPerDay,
            seen: seenToday,
            command: '',
          }),
          [
            'awsquiz study',
            ...queries,
            `--new ${Math.max(seenToday, settings.newPerDay) + 10}`,
          ].join(' '),
          format.width,
        ),
      );
    if (next !== undefined)
      lines.push(
        context.messages.t('study.summary.next', {
          when: context.messages.duration(next - now.getTime()),
        }),
      );
    context.stdout.write(`${lines.join('\n')}\n`);
    // No cards at all is a problem with the notes, as for an exam; nothing due is a good day.
    return cards.length === 0 ? 1 : 0;
  }
  const names =
    queries.length === 0 ? context.messages.t('study.allTopics') : [...topics].join(', ');
  const start = context.messages.t('study.start', {
    due: plan.due,
    fresh: plan.fresh,
    topics: names,
  });
  context.stdout.write(`${paragraph(format, start, 'heading').join('\n')}\n\n`);
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
