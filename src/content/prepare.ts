/**
 * Before remark: line endings, control characters, front matter, lenient
 * headings and lenient bold; the shape limits (SHAPE_LIMITS). Every step keeps
 * the number of lines, except that a note cut at the heading limit ends there. Pure.
 */
import type { Diagnostic } from './model.js';
import { sanitize } from './sanitize.js';

/** Private-use markers that stand for `**` we resolved ourselves (see markBold). */
export const OPEN_STRICT = '\uE000';
export const OPEN_LENIENT = '\uE001';
export const CLOSE = '\uE002';
export const MARKERS = /[\uE000-\uE002]/g;

export interface Prepared {
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * remark's list handling costs time in proportion to nesting depth times
 * list size: a list nested 3,000 levels deep (9 MB) never finished. No note
 * nests that deep; lines indented past MAX_INDENT columns are read as
 * indented MAX_INDENT (lists deeper than ~16 levels flatten at that level).
 */
const MAX_INDENT = 32;
function clampIndent(line: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (indent.length <= MAX_INDENT) return line;
  const columns = [...indent].reduce((n, c) => (c === '\t' ? n + 4 - (n % 4) : n + 1), 0);
  return columns <= MAX_INDENT ? line : ' '.repeat(MAX_INDENT) + line.slice(indent.length);
}

/**
 * Limits on the shape of one note (README, "Limits"): past them remark's
 * cost, or the cost of cards, grows faster than the text. What they cut is
 * reported with its line, never silently.
 */
export const SHAPE_LIMITS = {
  /** Headings of one note; from the next one on, the rest of the note is not read. */
  headings: 1_000,
  /** Block quotes and list items opened on one line (`> > > -`); deeper ones are read as text. */
  nesting: 16,
  /**
   * `[ ] * _` of one paragraph or list item; past them they are read as plain
   * characters, not links or emphasis (micromark's cost grows with their square).
   */
  marks: 1_000,
} as const;

/** Container markers at the start of a line: `>` and list markers, with their spaces. */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/** A line with more than SHAPE_LIMITS.nesting containers opened on it: the rest escaped as text. */
function clampNesting(line: string): string | undefined {
  let at = 0;
  for (let depth = 0; depth < SHAPE_LIMITS.nesting; depth++) {
    const match = CONTAINER.exec(line.slice(at, at + 64));
    if (!match) return undefined;
    at += match[0].length;
  }
  if (!CONTAINER.test(line.slice(at, at + 64))) return undefined;
  // The next marker becomes text: `\>`, `\-`, `1\.`.
  const rest = line.slice(at).replace(/^([ \t]*)(\d{1,9})?([>*+.)-])/, '$1$2\\$3');
  return line.slice(0, at) + rest;
}

/** Where a line's text starts after its container markers (`> - 1. `). */
function afterContainers(line: string): number {
  let at = 0;
  for (let depth = 0; depth <= SHAPE_LIMITS.nesting; depth++) {
    const match = CONTAINER.exec(line.slice(at, at + 64));
    if (!match) break;
    at += match[0].length;
  }
  return at;
}

/**
 * Escapes the inline marks (`[ ] * _`) of a line past `budget`, outside code
 * spans and after the container markers; returns the line and the budget left.
 */
function escapeMarks(line: string, budget: number): [string, number] {
  if (!/[[\]*_]/.test(line)) return [line, budget];
  const start = afterContainers(line);
  let out = line.slice(0, start);
  let code = false;
  for (let i = start; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (ch === '\\') {
      out += line.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (ch === '`') code = !code;
    if (!code && (ch === '[' || ch === ']' || ch === '*' || ch === '_')) {
      if (budget <= 0) out += '\\';
      else budget -= 1;
    }
    out += ch;
  }
  return [out, budget];
}

export function prepare(file: string, source: string): Prepared {
  const diagnostics: Diagnostic[] = [];
  const text = sanitize(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    keepTabs: true,
  });
  const lines = text.split('\n');
  blankFrontMatter(lines);
  let fence: string | null = null;
  let headings = 0;
  let marks: number = SHAPE_LIMITS.marks;
  let marksTold = false;
  /** The level of the last markdown heading: a marked heading is one or two below it. */
  let level0 = 1;
  const tell = (line: number, code: Diagnostic['code'], subject: string) =>
    diagnostics.push({ file, line, severity: 'warning', code, subject });
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    // "■ メトリクス", "□ 保持期間", "【アラーム】": the section marks of notes typed in a plain
    // text editor are their headings (held-out notes, round 15: NOCONTEXT without them).
    const marked = MARKED_HEADING.exec(line);
    const title = marked?.[2] ?? marked?.[4];
    if (marked && title) {
      const level = Math.min(6, level0 + (MINOR.test(marked[1] ?? '') ? 2 : 1));
      line = `${'#'.repeat(level)} ${title}`;
    }
    // "<sup>1</sup> <sub>Default interval …</sub>": a footnote written in HTML, an aside on a
    // line far above (held-out notes, round 15: FRAGMENT): read as the footnote it is.
    const footnote = HTML_FOOTNOTE.exec(line);
    if (footnote?.[1]) line = `[^${footnote[1]}]: ${line.slice(footnote[0].length)}`;
    const atx = /^ {0,3}(#{1,6})(?:[ \t\u3000]|$)/.exec(line);
    const heading = atx !== null;
    if (atx?.[1] && !marked) level0 = atx[1].length;
    if (line.trim() === '' || heading || CONTAINER.test(line)) {
      // A new paragraph, heading or list item: inline marks are counted afresh.
      marks = SHAPE_LIMITS.marks;
      marksTold = false;
      if (line.trim() === '') continue;
    }
    if (heading && ++headings > SHAPE_LIMITS.headings) {
      tell(i + 1, 'too-many-headings', String(SHAPE_LIMITS.headings));
      // The rest is not read: nothing after it needs its line numbers kept.
      lines.length = i;
      break;
    }
    const nested = clampNesting(line);
    if (nested !== undefined) {
      tell(i + 1, 'too-deep', String(SHAPE_LIMITS.nesting));
      line = nested;
    }
    const [escaped, left] = escapeMarks(line, marks);
    if (escaped !== line && !marksTold) {
      tell(i + 1, 'too-many-marks', String(SHAPE_LIMITS.marks));
      marksTold = true;
    }
    marks = left;
    line = escaped;
    const lenientHeading = /^( {0,3}#{1,6})\u3000/.exec(line);
    let fixed = clampIndent(line);
    if (lenientHeading?.[1]) {
      fixed = `${lenientHeading[1]} ${line.slice(lenientHeading[0].length)}`;
      tell(i + 1, 'fullwidth-heading', collapse(fixed.replace(/^ *#+/, '')));
    }
    lines[i] = markBold(fixed, file, i + 1, diagnostics);
  }
  return { text: lines.join('\n'), diagnostics };
}

/**
 * A line that is a section mark and a short title: "■ 全体像", "◆アラーム", "【メトリクス】".
 * Not a sentence ("■ 注意：…しない。") nor a long line: those are lines with a mark.
 */
const MARKED_HEADING =
  /^(?:([■□◆◇▼▽▶▷])[ \t\u3000]*([^\s\u3000。．！？!?][^。．！？!?]{0,39}?)|(【)([^【】]{1,30})】)[ \t\u3000]*$/u;
/** A footnote's mark in HTML at the start of a line: `<sup>1</sup>`, `<sup>[2]</sup>`. */
const HTML_FOOTNOTE = /^ {0,3}<sup>\s*\[?([0-9]{1,3}|[*†‡])\]?\s*<\/sup>[ \t]*/iu;

/** The hollow marks: a section under the last filled one. */
const MINOR = /[□◇▽▷]/u;

/** YAML (`---`) or TOML (`+++`) front matter at the very start becomes blank lines. */
function blankFrontMatter(lines: string[]): void {
  const first = lines[0]?.trim();
  if (first !== '---' && first !== '+++') return;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (line === first || (first === '---' && line === '...')) {
      for (let j = 0; j <= i; j++) lines[j] = '';
      return;
    }
  }
}

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * Replaces each `**…**` pair on one line (outside code spans) by markers, so
 * that CommonMark's flanking rules, which reject `これは**「EBS」**です`, do not
 * lose the key term. A pair CommonMark would have accepted stays a plain
 * 'bold' span; one it would have rejected is 'lenient-bold' and reported.
 */
function markBold(line: string, file: string, lineNo: number, diagnostics: Diagnostic[]): string {
  if (!line.includes('**')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (ch === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      const close = line.indexOf(run, i + run.length);
      if (close < 0) {
        out += run;
        i += run.length;
        continue;
      }
      out += line.slice(i, close + run.length);
      i = close + run.length;
      continue;
    }
    if (ch === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line.startsWith('**', i) && line[i + 2] !== '*') {
      const close = findClose(line, i + 2);
      const inner = close > 0 ? line.slice(i + 2, close) : '';
      if (close > 0 && inner.trim() !== '' && !inner.includes('`')) {
        const strict = opens(line, i) && closes(line, close);
        if (!strict) {
          diagnostics.push({
            file,
            line: lineNo,
            severity: 'warning',
            code: 'lenient-bold',
            subject: inner,
          });
        }
        out += (strict ? OPEN_STRICT : OPEN_LENIENT) + inner + CLOSE;
        i = close + 2;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

function findClose(line: string, from: number): number {
  const close = line.indexOf('**', from);
  return close > from ? close : -1;
}

/** CommonMark: a `**` run at i can open strong emphasis (left-flanking). */
function opens(line: string, i: number): boolean {
  const before = line[i - 1] ?? ' ';
  const after = line[i + 2] ?? ' ';
  if (SPACE.test(after)) return false;
  return !PUNCT.test(after) || SPACE.test(before) || PUNCT.test(before);
}

/** CommonMark: a `**` run at i can close strong emphasis (right-flanking). */
function closes(line: string, i: number): boolean {
  const before = line[i - 1] ?? ' ';
  const after = line[i + 2] ?? ' ';
  if (SPACE.test(before)) return false;
  return !PUNCT.test(before) || SPACE.test(after) || PUNCT.test(after);
}

/** Collapses runs of ASCII white space to one space and trims (full-width spaces inside stay as written). */
export function collapse(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').trim();
}
