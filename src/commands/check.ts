/**
 * `awsquiz check`: lints the notes. Each message points at file:line and says
 * what was expected. Exit 1 when there are errors, 0 with only warnings.
 */
import { factBlocks } from '../content/cards.js';
import type { DeckIndex } from '../content/deck.js';
import { type Library, openLibrary } from '../content/library.js';
import { contentDir } from '../content/load.js';
import type { Diagnostic } from '../content/model.js';
import { t } from '../ui/i18n.js';
import type { CommandContext } from './context.js';

const MESSAGE = {
  'fullwidth-heading': 'check.fullwidthHeading',
  'lenient-bold': 'check.lenientBold',
  'empty-section': 'check.emptySection',
  'duplicate-heading': 'check.duplicateHeading',
  'no-card-line': 'check.noCardLine',
  'read-error': 'check.readError',
} as const;

/** Body lines that no card asks about (code blocks are shown in explanations, so they count). */
export function lineDiagnostics(library: Library, index: DeckIndex): Diagnostic[] {
  const asked = new Set<string>();
  const clued = new Set<string>();
  for (const card of library.cards) {
    if (card.kind === 'which-fact' || card.kind === 'cloze' || card.kind === 'term') {
      asked.add(`${card.file}:${card.line}`);
    }
    if (card.kind === 'which-heading') clued.add(card.section);
  }
  const out: Diagnostic[] = [];
  for (const { section } of index.all) {
    const ref = section.key.join('\u001f');
    for (const block of factBlocks(section)) {
      if (block.kind === 'code' || asked.has(`${section.file}:${block.line}`)) continue;
      if (clued.has(ref)) continue;
      out.push({
        file: section.file,
        line: block.line,
        severity: 'warning',
        code: 'no-card-line',
        subject: block.text.length > 60 ? `${block.text.slice(0, 59)}…` : block.text,
      });
    }
  }
  return out;
}

export interface CheckResult {
  files: number;
  cards: number;
  diagnostics: Diagnostic[];
}

export async function check(library: Library): Promise<CheckResult> {
  const { deck, index } = await library.structure();
  const diagnostics = [...deck.diagnostics, ...lineDiagnostics(library, index)].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
  return { files: library.files, cards: library.cards.length, diagnostics };
}

export function formatDiagnostic(d: Diagnostic): string {
  const severity = d.severity === 'error' ? 'error' : 'warning';
  return `${d.file}:${d.line}: ${severity}: ${t(MESSAGE[d.code], { subject: d.subject })}`;
}

export async function run(context: CommandContext): Promise<number> {
  const library = await openLibrary(contentDir(context.content, context.env), context.env);
  const result = await check(library);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const lines = result.diagnostics.map(formatDiagnostic);
  lines.push(
    result.diagnostics.length === 0
      ? t('check.clean', { files: result.files, cards: result.cards })
      : t('check.summary', { files: result.files, cards: result.cards, errors, warnings }),
  );
  context.stdout.write(`${lines.join('\n')}\n`);
  return errors > 0 ? 1 : 0;
}
