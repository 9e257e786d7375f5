/**
 * `awsquiz check`: lints the notes. Each message points at file:line and says
 * what was expected. Exit 1 when there are errors, 0 with only warnings.
 */
import {
  factBlocks,
  factLines,
  type LineReport,
  lineReport,
  qaUnits,
  retiredLine,
  retiredSection,
} from '../content/cards.js';
import type { DeckIndex } from '../content/deck.js';
import type { LeftOutCard, Library } from '../content/library.js';
import type { Card, Diagnostic } from '../content/model.js';
import { RETIRED_SERVICES, retiredMention } from '../content/retired.js';
import { type Formatter, formatterFor, paragraph } from '../ui/format.js';
import type { MessageKey, Messages } from '../ui/i18n.js';
import { wrap } from '../ui/layout.js';
import type { CommandContext } from './context.js';
import type { CheckOptions } from './definitions.js';
import { openNotes } from './notes.js';

const MESSAGE = {
  'fullwidth-heading': 'check.fullwidthHeading',
  'lenient-bold': 'check.lenientBold',
  'empty-section': 'check.emptySection',
  'empty-heading': 'check.emptyHeading',
  'duplicate-heading': 'check.duplicateHeading',
  'no-card-line': 'check.noCardLine',
  'fact-no-card': 'check.factNoCard',
  'read-error': 'check.readError',
  'not-text': 'check.notText',
  'empty-file': 'check.emptyFile',
  'no-cards': 'check.noCards',
  'duplicate-section': 'check.sameSection',
  // What the limits on notes left out (content/load.ts LIMITS).
  'outside-link': 'check.outsideLink',
  'too-many-files': 'check.tooManyFiles',
  'too-large': 'check.tooLarge',
  'too-many-headings': 'check.tooManyHeadings',
  'too-deep': 'check.tooDeep',
  'too-many-marks': 'check.tooManyMarks',
  'retired-service': 'check.retiredService',
} as const;

const RETIRED_MESSAGE = {
  retired: 'check.retiredService',
  closed: 'check.closedService',
  renamed: 'check.renamedService',
} as const;

/**
 * A message's parameters: the subject, and for a section found in two places
 * the other place, which the subject carries after a U+001F separator.
 */
function messageOf(d: Diagnostic, messages: Messages): string {
  if (d.code === 'retired-service') {
    const service = RETIRED_SERVICES.find((s) => s.id === d.subject);
    if (service) {
      const { name, year, today } = service;
      return messages.t(RETIRED_MESSAGE[service.status], { name, year, today });
    }
  }
  const [subject = '', other = ''] = d.subject.split('\u001f');
  return messages.t(MESSAGE[d.code], { subject, other });
}

/** Files that give no cards: empty ones, and ones whose text makes none (unreadable ones have an error already). */
export function fileDiagnostics(library: Library): Diagnostic[] {
  const withCards = new Set(library.cards.map((card) => card.file));
  const out: Diagnostic[] = [];
  for (const note of library.notes) {
    if (!note.readable || withCards.has(note.file)) continue;
    out.push({
      file: note.file,
      line: 1,
      severity: 'warning',
      code: note.empty ? 'empty-file' : 'no-cards',
      subject: '',
    });
  }
  return out;
}

/**
 * Body lines that no card asks about (code blocks are shown in explanations,
 * so they count; a line a recall card expects counts too). A fact that no
 * question could be made of is told apart from a line that is no fact.
 */
export function lineDiagnostics(library: Library, index: DeckIndex): Diagnostic[] {
  const asked = new Set<string>();
  const clued = new Set<string>();
  const recalled = new Map<string, Set<string>>();
  for (const card of library.cards) {
    if (card.kind === 'which-fact' || card.kind === 'cloze' || card.kind === 'term') {
      asked.add(`${card.file}:${card.line}`);
    }
    if (card.kind === 'which-heading') clued.add(card.section);
    if (card.kind === 'recall') {
      const lines = recalled.get(card.section) ?? new Set<string>();
      for (const line of card.answer.split('\n')) lines.add(line);
      recalled.set(card.section, lines);
    }
  }
  const out: Diagnostic[] = [];
  for (const { section } of index.all) {
    const ref = section.key.join('\u001f');
    const facts = new Set(factLines(section).map((block) => block.line));
    // A line on a retired service is told of once by retiredDiagnostics, not as a line without a card.
    const retired = retiredSection(section);
    // A question of the notes and its answer and reasons are asked as one (cards.ts qaUnits).
    const qa = qaUnits(section).lines;
    for (const block of factBlocks(section)) {
      if (block.kind === 'code' || asked.has(`${section.file}:${block.line}`)) continue;
      if (qa.has(block.line)) continue;
      if (retired || retiredLine(block, section)) continue;
      if (clued.has(ref) || recalled.get(ref)?.has(block.text)) continue;
      out.push({
        file: section.file,
        line: block.line,
        severity: 'warning',
        code: facts.has(block.line) ? 'fact-no-card' : 'no-card-line',
        subject: block.text.length > 60 ? `${block.text.slice(0, 59)}…` : block.text,
      });
    }
  }
  return out;
}

/**
 * Notes that mention an AWS service AWS has retired, closed to new customers
 * or renamed (content/retired.ts): one warning a file and service, at the
 * first heading or line that mentions it as current (issue 13, OUTDATED).
 */
export function retiredDiagnostics(index: DeckIndex): Diagnostic[] {
  const told = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { section } of index.all) {
    const around = section.path.join(' › ');
    const mentions = [
      { line: section.line, service: retiredMention(section.title, around) },
      ...section.blocks
        .filter((block) => block.kind !== 'code')
        .map((block) => ({ line: block.line, service: retiredMention(block.text, around) })),
    ];
    for (const { line, service } of mentions) {
      if (!service || told.has(`${section.file}\u001f${service.id}`)) continue;
      told.add(`${section.file}\u001f${service.id}`);
      out.push({
        file: section.file,
        line,
        severity: 'warning',
        code: 'retired-service',
        subject: service.id,
      });
    }
  }
  return out;
}

export interface CheckResult {
  files: number;
  cards: number;
  diagnostics: Diagnostic[];
  /** How many lines became facts, and how many were left out, by reason (issue 13). */
  lines: LineReport;
  /** The cards left out because no question can be made of them, each with why (issue 13). */
  notAsked: LeftOutCard[];
}

export async function check(library: Library): Promise<CheckResult> {
  const { deck, index } = await library.structure();
  const diagnostics = [
    ...deck.diagnostics,
    ...library.notices,
    ...fileDiagnostics(library),
    ...lineDiagnostics(library, index),
    ...retiredDiagnostics(index),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return {
    files: library.files,
    cards: library.cards.length,
    diagnostics,
    lines: lineReport(deck),
    notAsked: library.leftOut,
  };
}

/** One line per problem, as compilers print them (`file:line: severity: message`), for grep and editors. */
export function formatDiagnostic(d: Diagnostic, messages: Messages): string {
  return `${d.file}:${d.line}: ${severityLabel(d, messages)}: ${messageOf(d, messages)}`;
}

function severityLabel(d: Diagnostic, messages: Messages): string {
  return messages.t(d.severity === 'error' ? 'check.error' : 'check.warning');
}

/** On a terminal: the place and severity in colour, the message wrapped under it. */
function displayDiagnostic(d: Diagnostic, format: Formatter): string[] {
  const severity = format.style(
    d.severity === 'error' ? 'bad' : 'warn',
    severityLabel(d, format.messages),
  );
  const message = wrap(messageOf(d, format.messages), format.width - 4);
  return [
    `${format.style('accent', `${d.file}:${d.line}`)}: ${severity}:`,
    ...message.map((l) => `    ${l}`),
  ];
}

/** `check --cards`: one line per card, `file:line: kind id heading › path`, for grep and editors. */
export function cardLines(cards: readonly Card[]): string[] {
  return cards.map(cardLine);
}

function cardLine(card: Card): string {
  return `${card.file}:${card.line}: ${card.kind} ${card.id} ${card.path.join(' › ')}`;
}

/** Why a card was left out, in the learner's words. */
function notAskedReason(messages: Messages, reason: LeftOutCard['reason']): string {
  return messages.t(`notAsked.${reason}` as MessageKey);
}

/** `check --cards`: the cards left out, each as a card line with the reason after it. */
export function notAskedLines(notAsked: readonly LeftOutCard[], messages: Messages): string[] {
  return notAsked.map(
    ({ card, reason }) =>
      `${cardLine(card)} (${messages.t('check.cardNotAsked', {
        reason: notAskedReason(messages, reason),
      })})`,
  );
}

export async function run(context: CommandContext, options?: CheckOptions): Promise<number> {
  // Unreadable files are reported below with the rest, not warned about first.
  const library = await openNotes(context, () => {});
  const result = await check(library);
  if (options?.cards) {
    const listed = [
      ...cardLines(library.cards),
      ...notAskedLines(result.notAsked, context.messages),
    ];
    context.stdout.write(`${listed.join('\n')}\n`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const format = await formatterFor(context);
  const lines = context.stdout.isTTY
    ? result.diagnostics.flatMap((d) => displayDiagnostic(d, format))
    : result.diagnostics.map((d) => formatDiagnostic(d, context.messages));
  lines.push(
    ...paragraph(
      format,
      result.diagnostics.length === 0
        ? context.messages.t('check.clean', { files: result.files, cards: result.cards })
        : context.messages.t('check.summary', {
            files: result.files,
            cards: result.cards,
            errors,
            warnings,
          }),
    ),
  );
  const left = Object.entries(result.lines.leftOut).map(
    ([reason, n]) => `${context.messages.t(`reason.${reason}` as MessageKey)} ${n}`,
  );
  lines.push(
    context.messages.t('check.lines', {
      facts: result.lines.facts,
      lines: result.lines.lines,
      left: left.length > 0 ? left.join(', ') : '-',
    }),
  );
  if (result.notAsked.length > 0) {
    const counts = new Map<LeftOutCard['reason'], number>();
    for (const { reason } of result.notAsked) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    lines.push(
      context.messages.t('check.notAsked', {
        n: result.notAsked.length,
        reasons: [...counts]
          .map(([reason, n]) => `${notAskedReason(context.messages, reason)} ${n}`)
          .join(', '),
      }),
    );
  }
  context.stdout.write(`${lines.join('\n')}\n`);
  return errors > 0 ? 1 : 0;
}
