/**
 * `awsquiz stats [--json] [--topic T]`: where do I stand?
 */

import { matchTopics } from '../content/topics.js';
import { UsageError } from '../errors.js';
import { computeStats, sectionStats, statsJsonRow } from '../quiz/stats.js';
import { readProgress } from '../store/progress.js';
import { formatterFor } from '../ui/format.js';
import { renderStats, renderTopicDetail } from '../ui/stats-view.js';
import { type CommandContext, warn } from './context.js';
import type { StatsOptions } from './definitions.js';
import { startCommand } from './hint.js';
import { openNotes } from './notes.js';

export async function run(context: CommandContext, options: StatsOptions): Promise<number> {
  const library = await openNotes(context);
  const found = options.topic !== undefined ? matchTopics([options.topic], library.topics) : [];
  const [topic, ...more] = found;
  if (more.length > 0) {
    const list = found.map((match) => match.title).join(', ');
    throw new UsageError(
      context.messages.t('error.oneTopic', { query: options.topic ?? '', list }),
    );
  }
  const progress = readProgress({ env: context.env, now: context.now, onWarning: warn(context) });
  const report = computeStats({
    topics: library.topics.map((topic) => topic.title),
    cards: library.cards,
    progress,
    now: context.now(),
  });
  if (topic) {
    const cards = library.cards.filter((card) => card.topic === topic.title);
    const sections = sectionStats(cards, progress, context.now());
    const row = report.topics.find((r) => r.name === topic.title);
    if (options.json) {
      const json = {
        topic: row && statsJsonRow(row),
        sections: sections.map((section) => statsJsonRow(section)),
      };
      context.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    const format = await formatterFor(context);
    if (row) context.stdout.write(`${renderTopicDetail(row, sections, format).join('\n')}\n`);
    return 0;
  }
  if (options.json) {
    const json = {
      ...report,
      topics: report.topics.map((row) => statsJsonRow(row)),
      total: statsJsonRow(report.total),
    };
    context.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const format = await formatterFor(context);
  const start = startCommand(context, library.topics);
  context.stdout.write(`${renderStats(report, format, start).join('\n')}\n`);
  return 0;
}
