/**
 * Before remark: line endings, control characters, front matter, lenient
 * headings and lenient bold. Every step keeps the number of lines. Pure.
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

export function prepare(file: string, source: string): Prepared {
  const diagnostics: Diagnostic[] = [];
  const text = sanitize(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    keepTabs: true,
  });
  const lines = text.split('\n');
  blankFrontMatter(lines);
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    const lenientHeading = /^( {0,3}#{1,6})\u3000/.exec(line);
    let fixed = clampIndent(line);
    if (lenientHeading?.[1]) {
      fixed = `${lenientHeading[1]} ${line.slice(lenientHeading[0].length)}`;
      diagnostics.push({
        file,
        line: i + 1,
        severity: 'warning',
        code: 'fullwidth-heading',
        subject: collapse(fixed.replace(/^ *#+/, '')),
      });
    }
    lines[i] = markBold(fixed, file, i + 1, diagnostics);
  }
  return { text: lines.join('\n'), diagnostics };
}

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
