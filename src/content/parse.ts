/**
 * Markdown → section tree. The only module that uses remark (DESIGN.md §3).
 *
 * Pure: text in, data out. Never throws: whatever the markdown, the worst
 * case is a section with fewer facts.
 */
import type {
  Blockquote,
  Heading,
  List,
  ListItem,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import {
  type Block,
  type Diagnostic,
  type ParsedFile,
  type Section,
  type Span,
  topicFromFileName,
  walk,
} from './model.js';
import { sanitize } from './sanitize.js';
import { foldTight } from './text.js';

/**
 * GitHub-flavoured markdown as remark-gfm gives it (tables, strikethrough,
 * footnotes, task lists), without autolink literals: a bare URL yields the
 * same question text either way, and that extension made parsing 27% slower
 * on a 100-file corpus.
 */
function gfmWithoutAutolinks(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem());
  data.fromMarkdownExtensions.push(
    gfmTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const processor = unified().use(remarkParse).use(gfmWithoutAutolinks);

/** Private-use markers that stand for `**` we resolved ourselves (see markBold). */
const OPEN_STRICT = '\uE000';
const OPEN_LENIENT = '\uE001';
const CLOSE = '\uE002';
const MARKERS = /[\uE000-\uE002]/g;

interface Prepared {
  text: string;
  diagnostics: Diagnostic[];
}

export function parseMarkdown(
  file: string,
  source: string,
  /** `chunked`: false parses the text in one piece; options set the piece sizes (tests). */
  options: { chunked?: boolean | ChunkOptions } = {},
): ParsedFile {
  try {
    return parseUnsafe(file, source, options.chunked ?? true);
  } catch (error) {
    // The parser should not throw; if a remark plugin ever does, the file is
    // reported by `check` instead of crashing a study session.
    return {
      file,
      topics: [],
      diagnostics: [
        {
          file,
          line: 1,
          severity: 'error',
          code: 'read-error',
          subject: error instanceof Error ? error.message : String(error),
        },
      ],
    };
  }
}

/** Files longer than this are parsed in pieces (remark's cost grows faster than the text). */
export const CHUNK_FROM = 100_000;
const CHUNK_SIZE = 50_000;
/**
 * remark's cost also grows with the number of items of one list: a piece is
 * cut between top-level list items once it holds this many.
 */
const CHUNK_ITEMS = 100;

export interface Chunk {
  text: string;
  /** Lines before this chunk in the whole text. */
  offset: number;
  /**
   * Every line is a plain list item (see PLAIN_ITEM) that the next line ends:
   * its block is known without remark.
   */
  plain?: true;
}

export interface ChunkOptions {
  /** Cut texts longer than this (default CHUNK_FROM). */
  from?: number;
  /** Aim for pieces of about this size (default CHUNK_SIZE). */
  size?: number;
  /** Cut a list between top-level items after this many items (default CHUNK_ITEMS). */
  items?: number;
}

/**
 * What may still be open at the top level before a line, as far as cutting
 * is concerned: a fenced code block or an HTML block (they can hold lines
 * that look like headings, and blank lines), inside a list item whose content
 * starts at column `c` (0: not in a list item).
 */
type Open =
  | { kind: 'fence'; char: string; length: number; c: number }
  | { kind: 'html'; end: RegExp | null; c: number };

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** HTML blocks of kinds 6 and 7 (any tag alone on a line, or opening it), which end at a blank line. */
const HTML_TO_BLANK = /^ {0,3}<\/?[A-Za-z]/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const EMPTY_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
/** After an indented code block, micromark reads `2. x` as text, not a list: never a cut. */
const ORDERED = /^\d{1,9}[.)]/;
const BULLET = /^[-*+][ \t]+\S/;
/**
 * A bullet item whose text needs no markdown parsing: one space after the
 * marker, then text without inline syntax (\\ ` * _ [ ] < > & ~ | and the
 * bold markers of markBold) or tabs, that does not start another block
 * (control characters are gone by then: see prepare).
 */
const PLAIN_ITEM =
  /^[-*+] (?![#>=\d+-])[^\s\\`*_[\]<>&~|\uE000-\uE002][^\\`*_[\]<>&~|\t\uE000-\uE002]*$/;

function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns += 1;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/**
 * The states after `line`, from one state before it. A block opened by a line
 * indented 1 to 3 columns may lie in a list item that a later, less indented
 * line closes; both readings are followed, so a cut is made only where every
 * reading allows it.
 */
function step(open: Open | null, line: string): (Open | null)[] {
  const blank = line.trim() === '';
  const indent = blank ? 0 : indentOf(line);
  if (open && open.c > 0 && !blank && indent < open.c) {
    // The list item ends here, and the block inside it: read the line afresh.
    return step(null, line);
  }
  if (open?.kind === 'fence') {
    const close = FENCE.exec(line.slice(Math.min(open.c, indent)));
    const closes =
      close?.[2]?.[0] === open.char &&
      (close[2]?.length ?? 0) >= open.length &&
      (close[3] ?? '').trim() === '';
    return [closes ? null : open];
  }
  if (open?.kind === 'html') {
    if (open.end === null) return [blank ? null : open];
    return [open.end.test(line) ? null : open];
  }
  if (blank) return [null];
  let opened: Open | null = null;
  const fence = FENCE.exec(line);
  if (fence?.[2] && !(fence[2][0] === '`' && fence[3]?.includes('`'))) {
    opened = { kind: 'fence', char: fence[2][0] ?? '`', length: fence[2].length, c: 0 };
  } else {
    for (const [start, end] of HTML_ENDS) {
      const match = start.exec(line);
      if (match) {
        opened = end.test(line.slice(match[0].length)) ? null : { kind: 'html', end, c: 0 };
        if (!opened) return [null];
        break;
      }
    }
    if (!opened && HTML_TO_BLANK.test(line)) opened = { kind: 'html', end: null, c: 0 };
  }
  if (!opened) return [null];
  // A tag with text after it, or one right after a paragraph line, is no HTML block.
  const readings: (Open | null)[] =
    opened.kind === 'html' && !opened.end ? [opened, null] : [opened];
  // In a list item, content starts at column 2 or more (`- `), so only those readings.
  for (let c = 2; c <= indent; c++) readings.push({ ...opened, c });
  return readings;
}

function stateKey(open: Open | null): string {
  if (!open) return '';
  return open.kind === 'fence'
    ? `f${open.char}${open.length}:${open.c}`
    : `h${open.end?.source ?? ''}:${open.c}`;
}

/**
 * Cuts long text into pieces that parse exactly as they would in the whole
 * text, so that remark's cost grows with the text, not faster. A piece
 * starts, outside any fenced code or HTML block, at a line that ends every
 * open block and list at the top level whatever came before: an ATX heading
 * or a bullet item at column 0 (both interrupt a paragraph, and a line at
 * column 0 that does not continue a paragraph ends every list item and quote),
 * or any line at column 0 after a blank line. Runs of plain list items
 * (PLAIN_ITEM) become `plain` chunks that need no remark at all.
 */
export function chunks(text: string, options: ChunkOptions = {}): Chunk[] {
  const from = options.from ?? CHUNK_FROM;
  const size = options.size ?? CHUNK_SIZE;
  const maxItems = options.items ?? CHUNK_ITEMS;
  if (text.length <= from) return [{ text, offset: 0 }];
  const lines = text.split('\n');
  const out: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  let items = 0;
  let states: (Open | null)[] = [null];
  const cut = (at: number, plain = false) => {
    if (at > start) {
      const chunk: Chunk = { text: lines.slice(start, at).join('\n'), offset: start };
      if (plain) chunk.plain = true;
      out.push(chunk);
    }
    start = at;
    bytes = 0;
    items = 0;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const outside = states.every((state) => state === null);
    const previous = i > 0 ? (lines[i - 1] ?? '') : '';
    if (outside && i > start) {
      // An empty list item (`*` alone) reads differently after some blocks: never a cut.
      const afterBlank =
        previous.trim() === '' &&
        line !== '' &&
        indentOf(line) === 0 &&
        !EMPTY_ITEM.test(line) &&
        !ORDERED.test(line);
      const heading = ATX.test(line);
      const bullet = BULLET.test(line) && !line.includes('|');
      if (PLAIN_ITEM.test(line) && PLAIN_ITEM.test(lines[i + 1] ?? '')) {
        // A run of plain items, each ended by the next: no remark needed.
        let end = i + 1;
        while (PLAIN_ITEM.test(lines[end + 1] ?? '')) end++;
        cut(i);
        cut(end, true);
        i = end;
        states = [null];
        continue;
      }
      if ((afterBlank || heading || bullet) && (bytes >= size || (bullet && items >= maxItems))) {
        cut(i);
      }
    }
    if (BULLET.test(line)) items += 1;
    bytes += line.length + 1;
    const next = new Map<string, Open | null>();
    for (const state of states) {
      for (const after of step(state, line)) next.set(stateKey(after), after);
    }
    states = [...next.values()];
    i++;
  }
  cut(lines.length);
  return out;
}

interface Definition {
  /** `^` + identifier for a footnote, identifier for a link. */
  key: string;
  footnote: boolean;
  label: string;
}

function definitionsIn(tree: Root): Definition[] {
  const out: Definition[] = [];
  for (const node of tree.children) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const footnote = node.type === 'footnoteDefinition';
      const label = node.label ?? node.identifier;
      out.push({ key: `${footnote ? '^' : ''}${node.identifier}`, footnote, label });
    }
  }
  return out;
}

function normLabel(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Stand-ins for the definitions that `text` may refer to, closed by a thematic break: no blocks. */
function definitionsFor(text: string, definitions: Definition[]): string {
  if (definitions.length === 0) return '';
  const haystack = normLabel(text);
  const seen = new Set<string>();
  const used = definitions.filter((d) => {
    if (seen.has(d.key) || !haystack.includes(normLabel(d.label))) return false;
    seen.add(d.key);
    return true;
  });
  if (used.length === 0) return '';
  // The thematic break ends the last stand-in, so that an indented first line is not read as its text.
  return `${used.map((d) => `[${d.footnote ? '^' : ''}${d.label}]: x`).join('\n')}\n\n***\n\n`;
}

/** The blocks of a `plain` chunk: one list item per line. */
function plainItems(chunk: Chunk): Block[] {
  const out: Block[] = [];
  chunk.text.split('\n').forEach((line, index) => {
    const text = line.slice(2).trim();
    if (text) out.push({ kind: 'item', text, spans: [], line: chunk.offset + index + 1 });
  });
  return out;
}

function shiftLines(
  node: {
    position?: { start: { line: number }; end: { line: number } } | undefined;
    children?: unknown[];
  },
  offset: number,
): void {
  if (node.position) {
    node.position.start.line += offset;
    node.position.end.line += offset;
  }
  for (const child of node.children ?? []) shiftLines(child as typeof node, offset);
}

function parseUnsafe(file: string, source: string, chunked: boolean | ChunkOptions): ParsedFile {
  const prepared = prepare(file, source);
  const diagnostics = prepared.diagnostics;
  const topics: Section[] = [];
  /** Open sections, outermost first. */
  const stack: Section[] = [];

  const current = (line: number): Section => {
    const top = stack[stack.length - 1];
    if (top) return top;
    // Text before any heading (or a file with no top-level heading): the file is the topic.
    const title = topicFromFileName(file);
    const topic = newSection(title, 0, [], [title], file, Math.min(line, 1));
    topics.push(topic);
    stack.push(topic);
    return topic;
  };

  const pieces =
    chunked === false
      ? [{ text: prepared.text, offset: 0 }]
      : chunks(prepared.text, chunked === true ? {} : chunked);
  // Link and footnote definitions apply to references anywhere in the text:
  // a piece that may refer to one made in another piece is parsed again with
  // a stand-in for it first (remark says what the definitions are, exactly).
  const trees = pieces.map((chunk) => (chunk.plain ? undefined : processor.parse(chunk.text)));
  const defined = trees.map((tree) => (tree ? definitionsIn(tree) : []));
  const anyDefinition = defined.some((list) => list.length > 0);
  for (const [index, chunk] of pieces.entries()) {
    if (chunk.plain) {
      const blocks = plainItems(chunk);
      const first = blocks[0];
      if (!first) continue;
      const section = current(first.line);
      for (const block of blocks) section.blocks.push(block);
      continue;
    }
    let tree = trees[index] ?? processor.parse(chunk.text);
    trees[index] = undefined;
    let shift = chunk.offset;
    if (anyDefinition) {
      const own = new Set((defined[index] ?? []).map((d) => d.key));
      const elsewhere = defined.flatMap((list, i) => (i === index ? [] : list));
      const prefix = definitionsFor(
        chunk.text,
        elsewhere.filter((d) => !own.has(d.key)),
      );
      if (prefix) {
        tree = processor.parse(prefix + chunk.text);
        shift -= prefix.split('\n').length - 1;
      }
    }
    if (shift !== 0) shiftLines(tree, shift);
    for (const node of tree.children) {
      if (node.type === 'heading') {
        openHeading(node, file, stack, topics, diagnostics);
        continue;
      }
      const line = node.position?.start.line ?? 1;
      const blocks = blocksOf(node);
      if (blocks.length > 0) current(line).blocks.push(...blocks);
    }
  }

  for (const topic of topics) walk(topic, (section) => checkSection(section, diagnostics));
  return { file, topics, diagnostics };
}

function newSection(
  title: string,
  depth: number,
  parentPath: string[],
  key: string[],
  file: string,
  line: number,
): Section {
  return { title, depth, path: [...parentPath, title], key, file, line, blocks: [], children: [] };
}

function openHeading(
  node: Heading,
  file: string,
  stack: Section[],
  topics: Section[],
  diagnostics: Diagnostic[],
): void {
  const line = node.position?.start.line ?? 1;
  const title = collapse(flatten(node.children).text.replace(MARKERS, ''));
  if (foldTight(title) === '') {
    // "##" alone, or only invisible characters: no name to ask or to offer as an
    // option. Its lines stay with the section above it.
    diagnostics.push({ file, line, severity: 'warning', code: 'empty-heading', subject: '' });
    return;
  }
  while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= node.depth) stack.pop();
  // A top-level heading always starts a topic, also after text or sub-headings
  // that made the file itself a topic (depth 0).
  if (node.depth === 1) stack.length = 0;
  const parent = stack[stack.length - 1];
  if (!parent) {
    if (node.depth === 1) {
      const topic = newSection(title, 1, [], [title], file, line);
      topics.push(topic);
      stack.push(topic);
      return;
    }
    // A sub-heading with no top-level heading above it: the file is the topic.
    const name = topicFromFileName(file);
    const fileTopic = newSection(name, 0, [], [name], file, 1);
    topics.push(fileTopic);
    stack.push(fileTopic);
    attach(fileTopic, title, node.depth, file, line, stack, diagnostics);
    return;
  }
  attach(parent, title, node.depth, file, line, stack, diagnostics);
}

function attach(
  parent: Section,
  title: string,
  depth: number,
  file: string,
  line: number,
  stack: Section[],
  diagnostics: Diagnostic[],
): void {
  const same = parent.children.filter((child) => child.title === title).length;
  const segment = same === 0 ? title : `${title}#${same + 1}`;
  if (same > 0) {
    diagnostics.push({ file, line, severity: 'error', code: 'duplicate-heading', subject: title });
  }
  const section = newSection(title, depth, parent.path, [...parent.key, segment], file, line);
  parent.children.push(section);
  stack.push(section);
}

function checkSection(section: Section, diagnostics: Diagnostic[]): void {
  if (section.depth > 0 && section.blocks.length === 0 && section.children.length === 0) {
    diagnostics.push({
      file: section.file,
      line: section.line,
      severity: 'warning',
      code: 'empty-section',
      subject: section.title,
    });
  }
}

// ---------------------------------------------------------------------------
// Before remark: line endings, control characters, front matter, lenient
// headings and lenient bold. Every step keeps the number of lines.

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

function prepare(file: string, source: string): Prepared {
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

// ---------------------------------------------------------------------------
// mdast → blocks

function blocksOf(node: RootContent): Block[] {
  switch (node.type) {
    case 'paragraph':
      return linesOf(node.children, 'line', node.position?.start.line ?? 1);
    case 'list':
      return listBlocks(node);
    case 'code': {
      const text = node.value.replace(/\t/g, '    ').replace(MARKERS, '').trimEnd();
      if (!text.trim()) return [];
      const block: Block = { kind: 'code', text, spans: [], line: node.position?.start.line ?? 1 };
      if (node.lang) block.lang = node.lang;
      return [block];
    }
    case 'table':
      return tableBlocks(node);
    case 'blockquote':
      return quoteBlocks(node);
    default:
      // html, thematicBreak, definition, footnoteDefinition, yaml: never question text.
      return [];
  }
}

function quoteBlocks(node: Blockquote): Block[] {
  return node.children.flatMap((child) => blocksOf(child));
}

function listBlocks(list: List): Block[] {
  return list.children.flatMap((item) => itemBlocks(item));
}

function itemBlocks(item: ListItem): Block[] {
  const out: Block[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      out.push(...linesOf(child.children, 'item', child.position?.start.line ?? 1));
    } else {
      out.push(...blocksOf(child));
    }
  }
  return out;
}

function tableBlocks(table: Table): Block[] {
  const [head, ...rows] = table.children;
  const headers = head ? head.children.map((cell) => cellText(cell.children)) : [];
  const out: Block[] = [];
  for (const row of rows) {
    const cells = row.children.map((cell) => cellText(cell.children));
    if (cells.every((cell) => cell === '')) continue;
    const text = cells
      .map((cell, index) => {
        const header = headers[index];
        return header && cell ? `${header}: ${cell}` : cell;
      })
      .filter(Boolean)
      .join(' / ');
    out.push({ kind: 'row', text, spans: [], line: row.position?.start.line ?? 1, cells });
  }
  return out;
}

function cellText(children: PhrasingContent[]): string {
  return collapse(flatten(children).text.replace(MARKERS, '').replace(/\n/g, ' '));
}

interface Flat {
  text: string;
  spans: Span[];
  /** Where link and image text stands (a line of nothing but links is a reference, not a fact). */
  links: { start: number; end: number }[];
}

/** Inline content → text with key-term spans; `\n` where a line breaks. */
function flatten(children: PhrasingContent[]): Flat {
  const flat: Flat = { text: '', spans: [], links: [] };
  appendAll(flat, children);
  resolveMarkers(flat);
  return flat;
}

function appendAll(flat: Flat, children: PhrasingContent[]): void {
  for (const child of children) append(flat, child);
}

function append(flat: Flat, node: PhrasingContent): void {
  switch (node.type) {
    case 'text':
      flat.text += node.value;
      return;
    case 'inlineCode': {
      const start = flat.text.length;
      flat.text += node.value.replace(MARKERS, '');
      if (flat.text.length > start) flat.spans.push({ kind: 'code', start, end: flat.text.length });
      return;
    }
    case 'strong': {
      const start = flat.text.length;
      appendAll(flat, node.children);
      if (flat.text.length > start) flat.spans.push({ kind: 'bold', start, end: flat.text.length });
      return;
    }
    case 'emphasis':
    case 'delete':
      appendAll(flat, node.children);
      return;
    case 'link':
    case 'linkReference': {
      const start = flat.text.length;
      appendAll(flat, node.children);
      flat.links.push({ start, end: flat.text.length });
      return;
    }
    case 'image':
    case 'imageReference': {
      const start = flat.text.length;
      flat.text += node.alt ?? '';
      flat.links.push({ start, end: flat.text.length });
      return;
    }
    case 'break':
      flat.text += '\n';
      return;
    case 'html':
      if (/^<br\s*\/?>$/i.test(node.value.trim())) flat.text += '\n';
      return;
    default:
      // footnoteReference and anything newer: no text.
      return;
  }
}

/** Turns the `**` markers placed by markBold into spans and removes them from the text. */
function resolveMarkers(flat: Flat): void {
  if (!/[\uE000-\uE002]/.test(flat.text)) return;
  let text = '';
  const shift: number[] = [];
  const spans: Span[] = [];
  let open: { kind: Span['kind']; start: number } | null = null;
  for (let i = 0; i < flat.text.length; i++) {
    shift[i] = text.length;
    const ch = flat.text[i];
    if (ch === OPEN_STRICT || ch === OPEN_LENIENT) {
      open = { kind: ch === OPEN_STRICT ? 'bold' : 'lenient-bold', start: text.length };
    } else if (ch === CLOSE) {
      if (open && text.length > open.start) spans.push({ ...open, end: text.length });
      open = null;
    } else {
      text += ch;
    }
  }
  shift[flat.text.length] = text.length;
  const moved = flat.spans.map((span) => ({
    ...span,
    start: shift[span.start] ?? text.length,
    end: shift[span.end] ?? text.length,
  }));
  flat.links = flat.links.map((link) => ({
    start: shift[link.start] ?? text.length,
    end: shift[link.end] ?? text.length,
  }));
  flat.text = text;
  flat.spans = [...moved, ...spans].sort((a, b) => a.start - b.start);
}

/** Splits inline content at line breaks: each (soft) line is one fact. */
function linesOf(children: PhrasingContent[], kind: 'line' | 'item', firstLine: number): Block[] {
  const flat = flatten(children);
  const out: Block[] = [];
  let offset = 0;
  const rawLines = flat.text.split('\n');
  rawLines.forEach((raw, index) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/\t/g, ' ');
    if (!text) return;
    const start = lineStart + lead;
    const end = start + text.length;
    const spans = flat.spans
      .filter((span) => span.end > start && span.start < end)
      .map((span) => ({
        kind: span.kind,
        start: Math.max(span.start, start) - start,
        end: Math.min(span.end, end) - start,
      }))
      .filter((span) => span.end > span.start && text.slice(span.start, span.end).trim() !== '');
    // Nothing but links (and spaces or punctuation between them): a reference, not a fact.
    const outside = [...text].some((ch, i) => {
      if (/[\s\p{P}\p{S}]/u.test(ch)) return false;
      const at = start + i;
      return !flat.links.some((link) => at >= link.start && at < link.end);
    });
    const linkOnly = flat.links.length > 0 && !outside;
    out.push({ kind, text, spans, line: firstLine + index, ...(linkOnly ? { linkOnly } : {}) });
  });
  return out;
}

/** Collapses runs of ASCII white space to one space and trims (full-width spaces inside stay as written). */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').trim();
}

// Re-exported for callers that already parse.
export { topicFromFileName, walk };
