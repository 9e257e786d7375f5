/**
 * `awsquiz study [topic…]`: the chosen topics' due cards first, then new ones.
 */

import { openLibrary } from '../content/library.js';
import { contentDir } from '../content/load.js';
import { matchTopics } from '../content/topics.js';
import { randomSeed } from '../quiz/rng.js';
import { DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION } from '../quiz/scheduler.js';
import { newToday, nextDue, planStudy } from '../quiz/session.js';
import { firstAnswers, openProgress, scheduleStatus } from '../store/progress.js';
import { formatterFor, paragraph } from '../ui/format.js';
import { formatDuration, t } from '../ui/i18n.js';
import type { CommandContext } from './context.js';
import { optionalInteger, parseNumber } from './options.js';
import { requireTerminal, runStudyLoop } from './study-loop.js';

export const DEFAULT_NEW_PER_DAY = 20;

export interface StudyOptions {
  new?: string;
  limit?: string;
  seed?: string;
  retention?: string;
}

/** Checks every option before anything else happens; bad values are usage errors (exit 2). */
export function studySettings(options: StudyOptions) {
  return {
    newPerDay: optionalInteger('--new', options.new, 0, 1000) ?? DEFAULT_NEW_PER_DAY,
    limit: optionalInteger('--limit', options.limit, 1, 100_000),
    seed: optionalInteger('--seed', options.seed, 0, 2 ** 31 - 1) ?? randomSeed(),
    retention:
      options.retention === undefined
        ? DEFAULT_RETENTION
        : parseNumber('--retention', options.retention, MIN_RETENTION, MAX_RETENTION),
  };
}

export function warn(context: CommandContext) {
  return (message: string) => context.stderr.write(`${t('error.prefix')}${message}\n`);
}

export async function run(context: CommandContext, args: unknown[]): Promise<number> {
  const queries = (args[0] ?? []) as string[];
  const options = (args[args.length - 1] ?? {}) as StudyOptions;
  const settings = studySettings(options);
  const library = await openLibrary(contentDir(context.content, context.env), context.env);
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
  const plan = planStudy({ cards, status, now, newAllowance: allowance, limit: settings.limit });
  const format = await formatterFor(context);
  if (plan.queue.length === 0) {
    const next = nextDue(cards, status);
    const lines = [t(cards.length === 0 ? 'study.noCards' : 'study.nothing')];
    if (allowance === 0 && cards.some((card) => !status(card.id)))
      lines.push(
        t('study.newLimitReached', {
          n: settings.newPerDay,
          seen: seenToday,
          more: Math.max(seenToday, settings.newPerDay) + 10,
        }),
      );
    if (next !== undefined)
      lines.push(t('study.summary.next', { when: formatDuration(next - now.getTime()) }));
    context.stdout.write(`${lines.join('\n')}\n`);
    // No cards at all is a problem with the notes, as for an exam; nothing due is a good day.
    return cards.length === 0 ? 1 : 0;
  }
  const names = queries.length === 0 ? t('study.allTopics') : [...topics].join(', ');
  const start = t('study.start', { due: plan.due, fresh: plan.fresh, topics: names });
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
