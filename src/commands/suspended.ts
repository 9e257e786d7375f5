/**
 * `awsquiz suspended [--json] [--unsuspend <id…> | --all]`: the cards set
 * aside with `x` while studying (topic, heading path, prompt, file:line), and
 * bringing them back. Their progress was kept all along.
 */

import type { Card } from '../content/model.js';
import { UsageError, UserError } from '../errors.js';
import { openProgress, readProgress } from '../store/progress.js';
import { formatterFor, paragraph } from '../ui/format.js';
import { truncate, wrap } from '../ui/layout.js';
import { type CommandContext, warn } from './context.js';
import type { SuspendedOptions } from './definitions.js';
import { openNotes } from './notes.js';

/** A row of `suspended --json`; the card fields are null for a card no longer in the notes. */
export interface SuspendedRow {
  id: string;
  /** ISO 8601: when it was suspended. */
  since: string;
  topic: string | null;
  path: string[] | null;
  prompt: string | null;
  file: string | null;
  line: number | null;
}

export async function run(context: CommandContext, options: SuspendedOptions): Promise<number> {
  const storeOptions = { env: context.env, now: context.now, onWarning: warn(context) };
  if (options.all || options.unsuspend.length > 0) {
    if (options.all && options.unsuspend.length > 0)
      throw new UsageError(context.messages.t('suspended.conflict'));
    const store = await openProgress(storeOptions);
    const suspended = store.data.suspended ?? {};
    const unknown = options.unsuspend.find((id) => !Object.hasOwn(suspended, id));
    if (unknown !== undefined)
      throw new UserError(context.messages.t('suspended.unknown', { id: truncate(unknown, 60) }));
    const n = options.all ? Object.keys(suspended).length : new Set(options.unsuspend).size;
    store.unsuspend(options.all ? 'all' : options.unsuspend);
    context.stdout.write(`${context.messages.t('suspended.back', { n })}\n`);
    return 0;
  }
  const library = await openNotes(context);
  const progress = readProgress(storeOptions);
  const byId = new Map<string, Card>(library.cards.map((card) => [card.id, card]));
  const rows: SuspendedRow[] = Object.entries(progress.suspended ?? {})
    .filter(([, time]) => typeof time === 'number')
    .sort((a, b) => a[1] - b[1])
    .map(([id, time]) => {
      const card = byId.get(id);
      return {
        id,
        since: new Date(time).toISOString(),
        topic: card?.topic ?? null,
        path: card?.path ?? null,
        prompt: card?.prompt ?? null,
        file: card?.file ?? null,
        line: card?.line ?? null,
      };
    });
  if (options.json) {
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const format = await formatterFor(context);
  const t = context.messages.t;
  if (rows.length === 0) {
    context.stdout.write(`${t('suspended.none')}\n`);
    return 0;
  }
  const lines = paragraph(format, t('suspended.title', { n: rows.length }), 'heading');
  for (const row of rows) {
    lines.push('');
    lines.push(format.style('bold', row.id));
    if (row.topic === null) {
      lines.push(`  ${format.style('dim', t('suspended.gone'))}`);
      continue;
    }
    const path = [row.topic, ...(row.path ?? []).slice(1)].join(' › ');
    lines.push(...wrap(path, format.width - 2).map((line) => `  ${line}`));
    lines.push(`  ${truncate(row.prompt ?? '', format.width - 2)}`);
    lines.push(format.style('dim', `  ${row.file}:${row.line}`));
  }
  lines.push('');
  const howTo = t('suspended.howTo', {
    one: 'awsquiz suspended --unsuspend <id>',
    all: 'awsquiz suspended --all',
  });
  for (const part of howTo.split('\n')) lines.push(...paragraph(format, part, 'dim'));
  context.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
