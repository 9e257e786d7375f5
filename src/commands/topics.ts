/**
 * `awsquiz topics [--json]`: topics in note order with card, due and new counts.
 */

import { openLibrary } from '../content/library.js';
import { contentDir } from '../content/load.js';
import { t } from '../ui/i18n.js';
import type { CommandContext } from './context.js';

export interface TopicRow {
  name: string;
  cards: number;
  due: number;
  new: number;
}

export function topicRows(context: CommandContext): TopicRow[] {
  const library = openLibrary(contentDir(context.content, context.env));
  const rows = new Map<string, TopicRow>();
  for (const topic of library.deck.topics) {
    if (!rows.has(topic.title))
      rows.set(topic.title, { name: topic.title, cards: 0, due: 0, new: 0 });
  }
  for (const card of library.cards) {
    const row = rows.get(card.topic);
    if (!row) continue;
    row.cards += 1;
    row.new += 1;
  }
  return [...rows.values()];
}

export async function run(context: CommandContext, args: unknown[]): Promise<number> {
  const options = (args[args.length - 1] ?? {}) as { json?: boolean };
  const rows = topicRows(context);
  if (options.json) {
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = [
    t('topics.header.name'),
    t('topics.header.cards'),
    t('topics.header.due'),
    t('topics.header.new'),
  ];
  const lines = [header.join('\t'), ...rows.map((r) => [r.name, r.cards, r.due, r.new].join('\t'))];
  context.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
