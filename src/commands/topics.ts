/**
 * `awsquiz topics [--json]`: topics in note order with card, due and new counts.
 */

import type { CardEntry } from '../content/library.js';
import type { ProgressData } from '../quiz/progress-data.js';
import { topicSummaries } from '../quiz/summary.js';
import { readProgress } from '../store/progress.js';
import { formatterFor } from '../ui/format.js';
import { table } from '../ui/layout.js';
import { type CommandContext, warn } from './context.js';
import type { TopicsOptions } from './definitions.js';
import { openNotesIndex } from './notes.js';

/** A row of `topics --json`: `due` is due now; `dueToday` counts up to the end of the day. */
export interface TopicRow {
  name: string;
  cards: number;
  due: number;
  dueToday: number;
  new: number;
  /** Cards set aside with x while studying (never asked, not counted as due). */
  suspended: number;
}

export function topicRows(
  topics: string[],
  cards: readonly CardEntry[],
  progress: ProgressData,
  now: Date,
): TopicRow[] {
  return topicSummaries(topics, cards, progress, now).map((row) => ({
    name: row.name,
    cards: row.cards,
    due: row.dueNow,
    dueToday: row.dueToday,
    new: row.new,
    suspended: row.suspended,
  }));
}

export async function run(context: CommandContext, options: TopicsOptions): Promise<number> {
  const library = await openNotesIndex(context);
  const progress = readProgress({
    env: context.env,
    now: context.now,
    onWarning: warn(context),
  });
  const rows = topicRows(
    library.topics.map((topic) => topic.title),
    library.entries,
    progress,
    context.now(),
  );
  if (options.json) {
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const format = await formatterFor(context);
  const total = rows.reduce(
    (sum, row) => ({
      cards: sum.cards + row.cards,
      due: sum.due + row.due,
      new: sum.new + row.new,
    }),
    { cards: 0, due: 0, new: 0 },
  );
  const lines = table(
    [
      [
        context.messages.t('topics.header.name'),
        context.messages.t('topics.header.cards'),
        context.messages.t('topics.header.due'),
        context.messages.t('topics.header.new'),
      ],
      ...rows.map((r) => [r.name, String(r.cards), String(r.due), String(r.new)]),
      [
        context.messages.t('topics.total'),
        String(total.cards),
        String(total.due),
        String(total.new),
      ],
    ],
    [{ shrink: true }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
    format.width,
  );
  const styled = lines.map((line, i) =>
    i === 0
      ? format.style('dim', line)
      : i === lines.length - 1
        ? format.style('bold', line)
        : line,
  );
  context.stdout.write(`${styled.join('\n')}\n`);
  return 0;
}
