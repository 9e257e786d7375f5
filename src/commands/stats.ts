/**
 * `awsquiz stats [--json] [topic...] [--topic T...]`: where do I stand?
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
  // Each name picks one topic (as in study and exam, several may be named).
  const found = options.topics.map((query) => {
    const matches = matchTopics([query], library.topics);
    if (matches.length > 1) {
      const list = matches.map((match) => match.title).join(', ');
      throw new UsageError(context.messages.t('error.oneTopic', { query, list }));
    }
    return matches;
  });
  const chosen = [...new Set(found.flat())];
  const progress = readProgress({ env: context.env, now: context.now, onWarning: warn(context) });
  const report = computeStats({
    topics: library.topics.map((topic) => topic.title),
    cards: library.cards,
    progress,
    now: context.now(),
  });
  if (chosen.length > 0) {
    const details = chosen.map((topic) => {
      const cards = library.cards.filter((card) => card.topic === topic.title);
      return {
        row: report.topics.find((r) => r.name === topic.title),
        sections: sectionStats(cards, progress, context.now()),
      };
    });
    if (options.json) {
      const json = details.map(({ row, sections }) => ({
        topic: row && statsJsonRow(row),
        sections: sections.map((section) => statsJsonRow(section)),
      }));
      // One topic: the object itself, as before; several: a list of them.
      context.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
      return 0;
    }
    const format = await formatterFor(context);
    const text = details.flatMap(({ row, sections }, i) =>
      row ? [...(i > 0 ? [''] : []), ...renderTopicDetail(row, sections, format)] : [],
    );
    context.stdout.write(`${text.join('\n')}\n`);
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
