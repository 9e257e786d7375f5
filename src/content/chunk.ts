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
  if (text.length <= from && (options.from !== undefined || !manyLines(text))) {
    return [{ text, offset: 0 }];
  }
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
      if ((afterBlank || heading || bullet) && (bytes >= size || items >= maxItems)) {
        cut(i);
      }
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
