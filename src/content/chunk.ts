/**
 * Cutting long markdown into pieces that parse exactly as in the whole text
 * (remark's cost grows faster than the text). Pure: text in, pieces out.
 */

/** Files longer than this are parsed in pieces (remark's cost grows faster than the text). */
export const CHUNK_FROM = 100_000;
const CHUNK_SIZE = 50_000;
/**
 * remark's cost also grows with the number of items of one list: a piece is
 * cut between top-level list items once it holds this many.
 */
const CHUNK_ITEMS = 100;
/**
 * micromark's cost grows with the square of the blocks of one piece
 * (headings, list items: 2,000 headings in 45 kB took seconds), so a text of
 * more than this many lines is chunked whatever its size, and a piece is also
 * cut once it holds CHUNK_ITEMS headings and items.
 */
const CHUNK_LINES = 400;

export interface Chunk {
  text: string;
  /** Lines before this chunk in the whole text. */
  offset: number;
  /**
   * The chunk needs no remark: its lines, as remark would read them in the
   * whole text (see readPlain). Blank lines are not listed.
   */
  plain?: PlainLine[];
  /**
   * A piece for remark that may be parsed in one call with the previous one
   * (parse.ts puts a thematic break between them): together they stay within
   * the sizes of ChunkOptions.
   */
  join?: true;
}

/** One line of a `plain` chunk: a heading, a paragraph line or a list item's line. */
export interface PlainLine {
  /** The line's number in the whole text (from 1). */
  line: number;
  /** An ATX heading of this depth (1–6); `text` is its title as written. */
  heading?: number;
  /** The text after the heading or list marker (bold markers of markBold kept). */
  text: string;
  /** A paragraph's line, or a line of a list item's paragraph. */
  kind: 'line' | 'item';
  /** A nested list item: its list's depth (1 inside a top-level item), as blocks.ts itemBlocks gives it. */
  depth?: number;
  /** A nested list item: the first line of the item holding its list. */
  parent?: number;
  /** An ordered list's item: its number in the list, from 1. */
  ordered?: number;
  /** A line of a paragraph that holds a link (blocks.ts linesOf: a line of only punctuation there is no fact). */
  linked?: true;
}

export interface ChunkOptions {
  /** Cut texts longer than this (default CHUNK_FROM). */
  from?: number;
  /** Aim for pieces of about this size (default CHUNK_SIZE). */
  size?: number;
  /** Cut a list between top-level items after this many items (default CHUNK_ITEMS). */
  items?: number;
  /**
   * Read the lines that need no inline parsing without remark (`plain`
   * chunks), whatever the text's size (default true; false: every line
   * goes to remark, for tests that compare the two).
   */
  fast?: boolean;
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
 * A bullet item that ends whatever came before: not one whose text opens
 * another list item (`+ *` is an empty item inside one, but after a paragraph
 * micromark reads the `*` as text).
 */
const BULLET_CUT = /^[-*+][ \t]+(?!(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))\S/;
/** A bullet item whose text opens another list item: read differently after a paragraph or indented code. */
const ITEM_IN_ITEM = /^[-*+][ \t]+(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Markdown's blank line: spaces and tabs only (a full-width space is text). */
const BLANK = /^[ \t]*$/;
/**
 * Inline text that needs no parsing (readPlain's caller splits its code spans
 * and links): none of \ * [ ] < ~ | (escapes, emphasis, links, footnotes,
 * HTML, strikethrough, tables) nor the characters in `also`, but in links of
 * the simplest form, `[text](destination)` (text as here but without code or
 * brackets, starting with no space or ^; a destination without spaces,
 * brackets, parentheses, < > \ ` * |; no title; no image); `&` only where no
 * character reference can follow; backticks only in code spans of one
 * backtick each, without tabs; `_` only between ASCII letters or digits,
 * where it neither opens nor closes emphasis (Unicode classes, and the `u`
 * flag, cost a cold process milliseconds to compile). The bold markers of
 * markBold may stand anywhere (control characters are gone by then: see
 * prepare).
 */
function inline(also = ''): string {
  const text = `[^\\\\\`*_[\\]<&~|${also}]|&(?![#A-Za-z0-9]+;)|(?<=[A-Za-z0-9])_+(?=[A-Za-z0-9])`;
  const code = '(?<!`)`[^`\\t]+`(?!`)';
  const link = `(?<!!)\\[(?![\\s^])(?:${text})+\\]\\([^\\s()<>\\\\\`*[\\]|${also}]+\\)`;
  return `(?:${text}|${code}|${link})*`;
}
/**
 * Where text may start that starts no block (heading, quote, list, thematic
 * break, code, HTML, definition) nor continues one (a setext underline, a
 * table's delimiter row): the other characters of such starts are not in
 * inline(), or not at the start of a line.
 */
const STARTS_NOTHING = String.raw`(?=.)(?![\s>*_]|[-+](?:[ \t]|$)|\d{1,9}[.)]|#{1,6}(?:[ \t]|$)|[-=:\s]*$)`;
/** An ATX heading at column 0 with no `#` in its title outside code (no closing sequence to strip). */
const PLAIN_HEADING = new RegExp(`^(#{1,6})(?: (${inline('#')}))?$`);
/** A bullet item, indented by spaces only, one space after the marker, then text. */
const PLAIN_ITEM = new RegExp(`^( *)[-*+] ${STARTS_NOTHING}(${inline()})$`);
/** An ordered list item at column 0, one space after the marker, then text. */
const PLAIN_ORDERED = new RegExp(`^(\\d{1,9})([.)]) ${STARTS_NOTHING}(${inline()})$`);
/** A line indented by spaces: its indent and text. */
const INDENTED = /^( +)(.*)$/;
/** A paragraph line at column 0 (or the text of an indented one): it never ends a paragraph. */
const PLAIN_TEXT = new RegExp(`^${STARTS_NOTHING}${inline()}$`);

export function indentOf(line: string): number {
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
  const blank = BLANK.test(line);
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
      BLANK.test(close[3] ?? '');
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

function manyLines(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (++count > CHUNK_LINES) return true;
  }
  return false;
}

function stateKey(open: Open | null): string {
  if (!open) return '';
  return open.kind === 'fence'
    ? `f${open.char}${open.length}:${open.c}`
    : `h${open.end?.source ?? ''}:${open.c}`;
}

/**
 * Whether a piece may start at line `i` (outside any fenced code or HTML
 * block): the line ends every open block and list at the top level whatever
 * came before. An ATX heading or a bullet item at column 0 (BULLET_CUT; both
 * interrupt a paragraph, and a line at column 0 that does not continue a paragraph ends
 * every list item and quote), or a line at column 0 after a blank line or an
 * ATX heading (neither leaves a paragraph open). An empty list item (`*`
 * alone) reads differently after some blocks, and after an indented code
 * block micromark reads `2. x` and the `*` of `+ *` as text: never a cut
 * before them.
 */
function cutAt(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (ATX.test(line) || (BULLET_CUT.test(line) && !line.includes('|'))) return true;
  if (i === 0) return true;
  const previous = lines[i - 1] ?? '';
  return (
    (BLANK.test(previous) || ATX.test(previous)) &&
    line !== '' &&
    indentOf(line) === 0 &&
    !EMPTY_ITEM.test(line) &&
    !ORDERED.test(line) &&
    !ITEM_IN_ITEM.test(line)
  );
}

type Marks = Pick<PlainLine, 'kind' | 'depth' | 'parent' | 'ordered'>;

/** An open list item of readPlain. */
interface OpenItem {
  /** Where its content starts. */
  content: number;
  /** Its first line. */
  head: number;
  /** Its lines' kind and nesting (a later paragraph of the item has the same). */
  marks: Marks;
  /** For an ordered item: its delimiter and number in its list. */
  delimiter?: string;
  ordered?: number;
}

/**
 * How many of the open items (outermost first) a line indented `indent`
 * columns lies in: those whose content starts at or before it; undefined
 * when it is more than 3 columns past the innermost one's content (code or
 * text, CommonMark's rule).
 */
function depthAt(open: readonly OpenItem[], indent: number): number | undefined {
  let depth = 0;
  while (depth < open.length && (open[depth]?.content ?? 0) <= indent) depth++;
  return indent - (open[depth - 1]?.content ?? 0) > 3 ? undefined : depth;
}

/**
 * Reads lines from `from` (where a piece may start) as remark would, as long
 * as they are blank lines, plain headings (PLAIN_HEADING), plain paragraph
 * lines at column 0 (PLAIN_TEXT: a new paragraph, or the next line of the
 * open one, also lazily inside a list item), plain bullet items (PLAIN_ITEM)
 * at the top level or nested 0–3 columns past the content of an open item
 * (CommonMark's rule; further is code or text), plain ordered items at the
 * top level (PLAIN_ORDERED; micromark's rules for a list that goes on or
 * interrupts a paragraph, and no cut lies before one), and indented plain
 * text: the open paragraph's next line, or after a blank line a paragraph of
 * the item it is indented into. Returns what it read
 * and the first line it could not read; lines after that may still change
 * how the last ones read, so the caller ends a plain piece only at a cut.
 */
function readPlain(lines: string[], from: number): { read: PlainLine[]; stop: number } {
  const read: PlainLine[] = [];
  /** Open list items, outermost first. */
  const open: OpenItem[] = [];
  /** The open paragraph (its lines' kind and nesting), if any. */
  let paragraph: Marks | null = null;
  /** The lines of the open paragraph, and whether one holds a link. */
  let group: PlainLine[] = [];
  let linked = false;
  const add = (plain: PlainLine, starts: boolean) => {
    if (starts) {
      group = [];
      linked = false;
    }
    group.push(plain);
    read.push(plain);
    if (linked) plain.linked = true;
    else if (plain.text.includes('[') && plain.text.replace(/`[^`]+`/g, '').includes('[')) {
      linked = true;
      for (const line of group) line.linked = true;
    }
  };
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k] ?? '';
    if (BLANK.test(line)) {
      paragraph = null;
      continue;
    }
    const heading = PLAIN_HEADING.exec(line);
    if (heading) {
      read.push({
        line: k + 1,
        heading: heading[1]?.length ?? 1,
        text: heading[2] ?? '',
        kind: 'line',
      });
      open.length = 0;
      paragraph = null;
      continue;
    }
    const item = PLAIN_ITEM.exec(line);
    if (item) {
      const indent = item[1]?.length ?? 0;
      const depth = depthAt(open, indent);
      if (depth === undefined) break;
      const holder = open[depth - 1];
      open.length = depth;
      paragraph = holder ? { kind: 'item', depth, parent: holder.head } : { kind: 'item' };
      open.push({ content: indent + 2, head: k + 1, marks: paragraph });
      add({ line: k + 1, text: item[2] ?? '', ...paragraph }, true);
      continue;
    }
    const ordered = PLAIN_ORDERED.exec(line);
    if (ordered) {
      const [, number = '', delimiter = ''] = ordered;
      // The next item of an open ordered list with the same delimiter, else a
      // new list, which may interrupt a paragraph only from 1.
      const top = open[0];
      const next = top?.delimiter === delimiter ? (top.ordered ?? 0) + 1 : 1;
      if (next === 1 && paragraph && number !== '1') break;
      open.length = 0;
      paragraph = { kind: 'item', ordered: next };
      open.push({
        content: number.length + 2,
        head: k + 1,
        marks: paragraph,
        delimiter,
        ordered: next,
      });
      add({ line: k + 1, text: ordered[3] ?? '', ...paragraph }, true);
      continue;
    }
    const indented = INDENTED.exec(line);
    if (indented && PLAIN_TEXT.test(indented[2] ?? '')) {
      const text = indented[2] ?? '';
      if (paragraph) {
        // The open paragraph goes on (lazily where the line is not in its item): text starts no block.
        add({ line: k + 1, text, ...paragraph }, false);
        continue;
      }
      // After a blank line: a paragraph in the innermost item whose content
      // starts at or 0–3 columns before it, else at the top level; further in is code.
      const depth = depthAt(open, indented[1]?.length ?? 0);
      if (depth === undefined) break;
      const holder = open[depth - 1];
      open.length = depth;
      paragraph = holder ? holder.marks : { kind: 'line' };
      add({ line: k + 1, text, ...paragraph }, true);
      continue;
    }
    if (PLAIN_TEXT.test(line)) {
      const starts = !paragraph;
      if (!paragraph) {
        // At column 0 after a blank line or a heading: a paragraph at the top level.
        open.length = 0;
        paragraph = { kind: 'line' };
      }
      add({ line: k + 1, text: line, ...paragraph }, starts);
      continue;
    }
    break;
  }
  return { read, stop: k };
}

/**
 * Cuts text into pieces that parse exactly as they would in the whole text:
 * runs of lines that need no remark at all become `plain` pieces (see
 * readPlain), at any size; long text is also cut so that remark's cost grows
 * with the text, not faster. A piece starts only where cutAt allows it,
 * outside any fenced code or HTML block.
 */
export function chunks(text: string, options: ChunkOptions = {}): Chunk[] {
  const from = options.from ?? CHUNK_FROM;
  const size = options.size ?? CHUNK_SIZE;
  const maxItems = options.items ?? CHUNK_ITEMS;
  const fast = options.fast ?? true;
  const long = text.length > from || (options.from === undefined && manyLines(text));
  if (!long && !fast) return [{ text, offset: 0 }];
  const lines = text.split('\n');
  const out: Chunk[] = [];
  let start = 0;
  /** Text and blocks for remark since the last piece that may not join the one before. */
  let bytes = 0;
  let items = 0;
  let join = false;
  let states: (Open | null)[] = [null];
  const cut = (at: number, plain?: PlainLine[]) => {
    if (at > start) {
      const chunk: Chunk = { text: lines.slice(start, at).join('\n'), offset: start };
      if (plain) chunk.plain = plain;
      else {
        if (join) {
          chunk.join = true;
          // The thematic break between the two.
          items += 1;
        }
        join = true;
      }
      out.push(chunk);
    }
    start = at;
  };
  const full = () => long && (bytes >= size || items >= maxItems);
  const alone = () => {
    join = false;
    bytes = 0;
    items = 0;
  };
  /** No plain piece starts before this line (an earlier reading found no cut before it). */
  let tryFrom = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const outside = states.every((state) => state === null);
    if (fast && outside && i >= tryFrom && (i === start || cutAt(lines, i))) {
      const { read, stop } = readPlain(lines, i);
      let end = stop;
      while (end > i && end < lines.length && !cutAt(lines, end)) end--;
      if (end < stop) tryFrom = stop + 1;
      if (end > i) {
        cut(i);
        if (full()) alone();
        cut(
          end,
          read.filter((plain) => plain.line <= end),
        );
        i = end;
        continue;
      }
      tryFrom = stop + 1;
    }
    if (outside && i > start && full() && cutAt(lines, i)) {
      cut(i);
      alone();
    }
    if (BULLET.test(line) || ATX.test(line)) items += 1;
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
