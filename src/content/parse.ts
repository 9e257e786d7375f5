/**
 * Markdown → section tree. The only module that uses remark.
 *
 * Pure: text in, data out. Never throws: whatever the markdown, the worst
 * case is a section with fewer facts.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
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
import { blocksOf, flatten, plainBlock, plainPhrasing } from './blocks.js';
import { type Chunk, type ChunkOptions, chunks } from './chunk.js';
import {
  type Diagnostic,
  type ParsedFile,
  type Section,
  topicFromFileName,
  walk,
} from './model.js';
import { collapse, MARKERS, prepare } from './prepare.js';
import { markCorrected } from './retract.js';
import { foldTight } from './text.js';
import { tidyTitle } from './tidy.js';
import { frontMatterTitle, nameFileTopic } from './title.js';

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
const commonmark = unified().use(remarkParse);

/**
 * Text in which a GFM construct may start: a table needs a `|`, or a
 * delimiter row's `:-` or `-:`; strikethrough a `~`; a footnote a `[^`
 * definition; a task list item a `[` before a space, tab, line end or x.
 * Text without any of these gives the same tree without the extensions,
 * which cost about a fifth of remark's time even where they find nothing.
 */
const MAYBE_GFM = /[|~]|:-|-:|\[[\s^xX]/u;

/** remark's tree of `text`: with the GFM extensions where they can find something (`gfm` forces them, for tests). */
export function markdownTree(text: string, gfm = MAYBE_GFM.test(text)): Root {
  return (gfm ? processor : commonmark).parse(text);
}

export function parseMarkdown(
  file: string,
  source: string,
  /**
   * `chunked`: false parses the whole text with remark, in one piece; options
   * set the piece sizes and whether plain lines skip remark (tests).
   */
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

/** Remark pieces parsed in one call: their text, a thematic break between them. */
interface Unit {
  text: string;
  /** Lines of `text`. */
  lines: number;
  /** Each piece's index in the chunks and the line of `text` where it starts. */
  starts: { index: number; line: number }[];
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * The top-level nodes of each piece that needs remark, with the lines of the
 * whole text. Pieces that chunks lets go together (`join`) are parsed in one
 * call, a thematic break between them: it ends every open block (a piece ends
 * only where the next line would) and starts none (each piece starts where
 * nothing before it counts), and a call to remark costs about as much as
 * parsing a few hundred lines. Link and footnote definitions apply to
 * references anywhere in the text: a unit that may refer to one made in
 * another is parsed again with a stand-in for it first (remark says what the
 * definitions are, exactly).
 */
function remarkNodes(pieces: Chunk[]): RootContent[][] {
  const units: Unit[] = [];
  for (const [index, chunk] of pieces.entries()) {
    if (chunk.plain) continue;
    const last = units[units.length - 1];
    if (chunk.join && last) {
      last.starts.push({ index, line: last.lines + 2 });
      last.text += `\n***\n${chunk.text}`;
      last.lines += 1 + lineCount(chunk.text);
    } else {
      units.push({ text: chunk.text, lines: lineCount(chunk.text), starts: [{ index, line: 1 }] });
    }
  }
  const trees: (Root | undefined)[] = units.map((unit) => markdownTree(unit.text));
  const defined = trees.map((tree) => (tree ? definitionsIn(tree) : []));
  const anyDefinition = defined.some((list) => list.length > 0);
  const nodes: RootContent[][] = pieces.map(() => []);
  for (const [u, unit] of units.entries()) {
    let tree = trees[u] ?? markdownTree(unit.text);
    trees[u] = undefined;
    /** Lines of stand-ins before the unit's text. */
    let before = 0;
    if (anyDefinition) {
      const own = new Set((defined[u] ?? []).map((d) => d.key));
      const elsewhere = defined.flatMap((list, i) => (i === u ? [] : list));
      const prefix = definitionsFor(
        unit.text,
        elsewhere.filter((d) => !own.has(d.key)),
      );
      if (prefix) {
        tree = markdownTree(prefix + unit.text);
        before = prefix.split('\n').length - 1;
      }
    }
    let s = 0;
    for (const node of tree.children) {
      const line = (node.position?.start.line ?? 1) - before;
      // The stand-ins: definitions and a thematic break, no blocks.
      if (line < 1) continue;
      while ((unit.starts[s + 1]?.line ?? Number.POSITIVE_INFINITY) <= line) s++;
      const start = unit.starts[s];
      if (!start) continue;
      const shift = (pieces[start.index]?.offset ?? 0) + 1 - start.line - before;
      if (shift !== 0) shiftLines(node, shift);
      nodes[start.index]?.push(node);
    }
  }
  return nodes;
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
  const nodes = remarkNodes(pieces);
  for (const [index, chunk] of pieces.entries()) {
    if (chunk.plain) {
      for (const plain of chunk.plain) {
        if (plain.heading !== undefined) {
          const title = headingTitle(plainPhrasing(plain.text));
          openHeading(plain.heading, plain.line, title, file, stack, topics, diagnostics);
          continue;
        }
        const block = plainBlock(plain);
        if (block) current(block.line).blocks.push(block);
      }
      continue;
    }
    for (const node of nodes[index] ?? []) {
      const line = node.position?.start.line ?? 1;
      if (node.type === 'heading') {
        openHeading(
          node.depth,
          line,
          headingTitle(node.children),
          file,
          stack,
          topics,
          diagnostics,
        );
        continue;
      }
      const blocks = blocksOf(node);
      if (blocks.length > 0) current(line).blocks.push(...blocks);
    }
    nodes[index] = [];
  }

  for (const topic of topics) walk(topic, (section) => checkSection(section, diagnostics));
  // Lines a later correction takes back teach no card ("※訂正：35日だった").
  markCorrected(topics);
  // A file's name is no title: a topic made from it is named as a person would name it.
  const front = topics.some((topic) => topic.depth === 0) ? frontMatterTitle(source) : undefined;
  for (const topic of topics) if (topic.depth === 0) nameFileTopic(topic, prepared.text, front);
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

/** A heading's title: its text, white space collapsed, bold markers dropped. */
function headingTitle(children: PhrasingContent[]): string {
  return tidyTitle(collapse(flatten(children).text.replace(MARKERS, '')));
}

function openHeading(
  depth: number,
  line: number,
  title: string,
  file: string,
  stack: Section[],
  topics: Section[],
  diagnostics: Diagnostic[],
): void {
  if (foldTight(title) === '') {
    // "##" alone, or only invisible characters: no name to ask or to offer as an
    // option. Its lines stay with the section above it.
    diagnostics.push({ file, line, severity: 'warning', code: 'empty-heading', subject: '' });
    return;
  }
  while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
  // A top-level heading always starts a topic, also after text or sub-headings
  // that made the file itself a topic (depth 0).
  if (depth === 1) stack.length = 0;
  const parent = stack[stack.length - 1];
  if (!parent) {
    if (depth === 1) {
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
    attach(fileTopic, title, depth, file, line, stack, diagnostics);
    return;
  }
  attach(parent, title, depth, file, line, stack, diagnostics);
}

/** Per section: how many children so far had each title. */
const titleCounts = new WeakMap<Section, Map<string, number>>();

function attach(
  parent: Section,
  title: string,
  depth: number,
  file: string,
  line: number,
  stack: Section[],
  diagnostics: Diagnostic[],
): void {
  // Counted, not searched: a file of 100,000 sibling headings stays linear.
  const counts = titleCounts.get(parent) ?? new Map<string, number>();
  titleCounts.set(parent, counts);
  const same = counts.get(title) ?? 0;
  counts.set(title, same + 1);
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

// Re-exported for callers that already parse.
export { CHUNK_FROM, type Chunk, type ChunkOptions, chunks, type PlainLine } from './chunk.js';
export { topicFromFileName, walk };
