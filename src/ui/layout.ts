/**
 * Text layout by display width: wrapping with basic Japanese line-breaking
 * rules (kinsoku), truncation, padding, tables and bars. Pure, no colour:
 * styles are applied to whole laid-out lines by ui/format.ts.
 */

import { createRequire } from 'node:module';
import { eastAsianWidth } from 'get-east-asian-width';
import { largestRemainder } from '../ground/apportion.js';

/**
 * Text that may hold grapheme clusters wider than one code point or widths
 * that need more than East Asian Width: astral characters (most emoji),
 * combining marks, joiners, variation selectors, controls.
 */
const COMPLEX =
  /[\u0000-\u001f\u007f-\u009f\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a\u0e47-\u0e4e\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u2028-\u202e\u2060-\u206f\u20d0-\u20ff\u3099\u309a\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\ud800-\udfff]/;

/**
 * string-width measures everything, but costs ~30 ms to load (its emoji
 * regular expressions and a segmenter), a third of the start-up budget of a
 * read-only command. It is loaded only for text that needs it; everything
 * else is measured with get-east-asian-width, which string-width itself uses.
 */
let fullWidthOf: ((text: string) => number) | undefined;
function stringWidth(text: string): number {
  fullWidthOf ??= (
    createRequire(import.meta.url)('string-width') as { default: (t: string) => number }
  ).default;
  return fullWidthOf(text);
}

let segmenter: Intl.Segmenter | undefined;
const widthCache = new Map<string, number>();

/** Display width of one grapheme (CJK and emoji: 2). */
function graphemeWidth(grapheme: string): number {
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    width = displayWidth(grapheme);
    if (widthCache.size < 10_000) widthCache.set(grapheme, width);
  }
  return width;
}

/** Columns a string takes in a terminal (string-width semantics). */
export function displayWidth(text: string): number {
  if (COMPLEX.test(text)) return stringWidth(text);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    width += code < 0x7f ? 1 : eastAsianWidth(code);
  }
  return width;
}

/** User-perceived characters: code points for simple text, grapheme clusters otherwise. */
export function graphemes(text: string): string[] {
  if (!COMPLEX.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** May not start a line (closing brackets, small kana, prolonged sound mark, punctuation). */
const NO_START = new Set([
  ...'。、，．）」』】〕〉》］｝！？ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・：；',
  ...'.,)]}!?:;%％〜～”’',
]);
/** May not end a line (opening brackets). */
const NO_END = new Set([...'（「『【〔〈《［｛', ...'([{“‘']);

function isSpace(g: string): boolean {
  return /^\s+$/u.test(g);
}

/** Between two graphemes, may a line break? Only at spaces, or next to a wide (CJK) character. */
function canBreakBetween(before: string, after: string): boolean {
  if (isSpace(before) || isSpace(after)) return true;
  if (NO_START.has(after) || NO_END.has(before)) return false;
  // A cloze blank (＿＿＿) is one thing to fill in: never split it.
  if (before === '＿' && after === '＿') return false;
  return graphemeWidth(before) === 2 || graphemeWidth(after) === 2;
}

/**
 * Wraps plain text to `width` display columns. Existing newlines are kept;
 * Latin words break at spaces (a word longer than the line is cut between
 * characters); Japanese breaks between characters, but no line starts with
 * 。、）」 etc. and none ends with （「 etc. Spaces at a break are dropped;
 * nothing else is lost, and no character is ever split.
 */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(2, Math.floor(width));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) out.push(...wrapLine(paragraph, limit));
  return out;
}

/**
 * A sentence that ends with a command to type: wrapped like any text, but the
 * command is never broken (a learner copies it whole). When the sentence and
 * the command do not fit on one line, the command gets a line of its own.
 */
export function wrapWithCommand(text: string, command: string, width: number): string[] {
  const whole = `${text}${command}`;
  if (displayWidth(whole) <= Math.max(2, Math.floor(width))) return [whole];
  return [...wrap(text.trimEnd(), width), `  ${command}`];
}

function wrapLine(text: string, width: number): string[] {
  const gs = graphemes(text);
  if (gs.length === 0) return [''];
  const lines: string[] = [];
  let start = 0;
  while (start < gs.length) {
    // Leading spaces of a wrapped line are dropped.
    while (start > 0 && start < gs.length && isSpace(gs[start] ?? '')) start += 1;
    if (start >= gs.length) break;
    let used = 0;
    let end = start;
    while (end < gs.length) {
      const w = graphemeWidth(gs[end] ?? '');
      if (used + w > width) break;
      used += w;
      end += 1;
    }
    if (end >= gs.length) {
      lines.push(gs.slice(start, end).join(''));
      break;
    }
    // Find the last allowed break at or before `end`.
    let cut = end;
    while (cut > start && !canBreakBetween(gs[cut - 1] ?? '', gs[cut] ?? '')) cut -= 1;
    if (cut === start) {
      // No allowed break fits (a long word, or kinsoku all the way back): cut by width.
      cut = end === start ? start + 1 : end;
    }
    lines.push(gs.slice(start, cut).join('').replace(/\s+$/u, ''));
    start = cut;
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * Lays out short pieces (key hints, grade labels) on lines of `width`
 * columns after an indent, breaking only between pieces, never inside one.
 */
export function pieces(parts: string[], width: number, indent: number, separator = ' '): string[] {
  const lines: string[] = [];
  let line = '';
  const room = Math.max(2, width - indent);
  // A piece wider than the line is wrapped on lines of its own (between words, by kinsoku).
  for (const part of parts.flatMap((p) => (displayWidth(p) > room ? wrap(p, room) : [p]))) {
    const next = line ? `${line}${separator}${part}` : part;
    if (line && displayWidth(next) > width - indent) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((text) => `${' '.repeat(indent)}${text}`);
}

/**
 * A line of pieces ("today 92 · this week 566 · all 1310") that breaks only
 * between its pieces when it does not fit, the lines after the first
 * indented by two: a number is never cut off from its label.
 */
export function pieceLines(text: string, width: number, separator = ' · '): string[] {
  if (displayWidth(text) <= width) return [text];
  const parts = text.split(separator).map((part) => truncate(part, width - 2));
  return pieces(parts, width - 2, 0, separator).map((line, i) => (i === 0 ? line : `  ${line}`));
}

/** Shortens to `width` columns with an ellipsis; never splits a character. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let used = 0;
  let out = '';
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

export interface Column {
  align?: 'left' | 'right';
  /** This column gives up width (truncated with …) when the table is too wide. */
  shrink?: boolean;
  /** Never narrower than this. */
  min?: number;
}

/** Lays out rows as columns separated by two spaces, fitting `width`. */
export function table(rows: string[][], columns: Column[], width: number): string[] {
  const gap = 2;
  const widths = columns.map((_, c) =>
    Math.max(0, ...rows.map((row) => displayWidth(row[c] ?? ''))),
  );
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  // Shrink the shrinkable columns first, then any column, down to their minimum.
  for (const pass of [true, false]) {
    for (let c = 0; c < columns.length && total() > width; c++) {
      const column = columns[c] ?? {};
      if (pass && !column.shrink) continue;
      // A number is never cut: a right-aligned column keeps the width of its numbers (a
      // header may be shortened above them).
      const numbers = rows.map((row) => row[c] ?? '').filter((cell) => /\d/.test(cell));
      const min =
        column.min ??
        (column.align === 'right'
          ? Math.max(1, ...numbers.map(displayWidth))
          : column.shrink
            ? 4
            : 1);
      widths[c] = Math.max(min, (widths[c] ?? 0) - (total() - width));
    }
  }
  return rows.map((row) =>
    columns
      .map((column, c) => {
        const w = widths[c] ?? 0;
        const cell = truncate(row[c] ?? '', w);
        const last = c === columns.length - 1;
        if (column.align === 'right') return padStart(cell, w);
        return last ? cell : padEnd(cell, w);
      })
      .join(' '.repeat(gap))
      .replace(/\s+$/u, ''),
  );
}

/**
 * Splits `width` cells among the parts in proportion to their values (largest
 * remainder), giving every non-zero part at least one cell when there is room.
 * Returns the cell count per part; the counts add up to `width` (0 if all are 0).
 */
export function barCells(values: number[], width: number): number[] {
  const cells = largestRemainder(values, width);
  // A non-zero part gets a cell, taken from the largest part.
  const nonZero = values.filter((v) => v > 0).length;
  if (nonZero <= width) {
    for (let i = 0; i < values.length; i++) {
      if ((values[i] ?? 0) > 0 && cells[i] === 0) {
        const largest = cells.indexOf(Math.max(...cells));
        cells[largest] = (cells[largest] ?? 0) - 1;
        cells[i] = 1;
      }
    }
  }
  return cells;
}

const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value, height by value (0 shows as a space-like low dot). */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => {
      if (v <= 0 || max === 0) return '·';
      return LEVELS[Math.min(LEVELS.length - 1, Math.ceil((v / max) * LEVELS.length) - 1)] ?? '█';
    })
    .join('');
}

/** A countdown or a duration as m:ss (h:mm:ss from an hour). */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
