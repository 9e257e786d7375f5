/**
 * `awsquiz export --format json|csv|anki [--topic T…] [--seed N]`: the
 * generated questions as data on stdout.
 */

import { matchTopics } from '../content/topics.js';
import { makeQuestion } from '../quiz/questions.js';
import { createRng } from '../quiz/rng.js';
import type { Question } from '../quiz/types.js';
import type { CommandContext } from './context.js';
import type { ExportOptions } from './definitions.js';
import { openNotes } from './notes.js';

export interface ExportedCard {
  id: string;
  topic: string;
  path: string[];
  kind: string;
  prompt: string;
  answer: string;
  options?: string[];
  explanation: string;
  /** Where the card comes from: the note (relative to the notes folder) and its 1-based line. */
  file: string;
  line: number;
}

/** Default seed: exports are reproducible unless asked otherwise. */
const DEFAULT_SEED = 1;

export function explanationText(question: Pick<Question, 'explanation'>): string {
  return [question.explanation.path.join(' › '), ...question.explanation.lines].join('\n');
}

export async function exportCards(
  context: CommandContext,
  options: Pick<ExportOptions, 'topics' | 'seed'>,
): Promise<ExportedCard[]> {
  const seed = options.seed ?? DEFAULT_SEED;
  const library = await openNotes(context);
  const topics = new Set(matchTopics(options.topics, library.topics).map((s) => s.title));
  const { index } = await library.structure();
  const rng = createRng(seed);
  const out: ExportedCard[] = [];
  for (const card of library.cards) {
    if (!topics.has(card.topic)) continue;
    // Multiple choice wherever the card allows it, so the options are in the export.
    const question =
      makeQuestion(card, index, rng, 'exam') ?? makeQuestion(card, index, rng, 'study');
    if (!question) continue;
    const exported: ExportedCard = {
      id: card.id,
      topic: card.topic,
      path: card.path,
      kind: card.kind,
      prompt: question.stem,
      // The option as offered (its heading's words may be hidden), so options include it.
      answer:
        question.format === 'choice'
          ? (question.options?.[question.correct ?? -1] ?? question.answer)
          : card.answer,
      explanation: explanationText(question),
      file: card.file,
      line: card.line,
    };
    if (question.options) exported.options = question.options;
    out.push(exported);
  }
  return out;
}

export function toJson(cards: ExportedCard[]): string {
  return `${JSON.stringify({ version: 1, cards }, null, 2)}\n`;
}

/** RFC 4180: CRLF between records; fields with a comma, quote or line break are quoted. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(cards: ExportedCard[]): string {
  const header = [
    'id',
    'topic',
    'path',
    'kind',
    'prompt',
    'answer',
    'options',
    'explanation',
    'file',
    'line',
  ];
  const rows = cards.map((card) => [
    card.id,
    card.topic,
    card.path.join(' › '),
    card.kind,
    card.prompt,
    card.answer,
    (card.options ?? []).join(' | '),
    card.explanation,
    card.file,
    String(card.line),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\t/g, ' ')
    .replace(/\r?\n/g, '<br>');
}

/** An Anki tag: no spaces; `::` makes Anki show the heading path as a tree. */
function tag(text: string): string {
  return text.replace(/[\s\u3000]+/g, '_').replace(/"/g, '');
}

/**
 * Anki's "Import File" text format: tab-separated guid, front, back, tags,
 * with file headers that tell Anki the separator, that fields hold HTML and
 * which columns hold the guid and the tags. The guid is the card's stable id,
 * so importing a newer export updates the notes instead of duplicating them.
 */
export function toAnki(cards: ExportedCard[]): string {
  const lines = ['#separator:tab', '#html:true', '#guid column:1', '#tags column:4'];
  for (const card of cards) {
    const options = card.options
      ? `<ol>${card.options.map((o) => `<li>${html(o)}</li>`).join('')}</ol>`
      : '';
    const front = html(card.prompt) + options;
    const back = `<b>${html(card.answer)}</b><hr>${html(card.explanation)}`;
    const tags = ['awsquiz', tag(card.topic), tag(card.path.join('::'))];
    lines.push([`awsquiz-${card.id}`, front, back, [...new Set(tags)].join(' ')].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export async function run(context: CommandContext, options: ExportOptions): Promise<number> {
  const cards = await exportCards(context, options);
  const format = options.format;
  const text = format === 'csv' ? toCsv(cards) : format === 'anki' ? toAnki(cards) : toJson(cards);
  context.stdout.write(text);
  return 0;
}
