/**
 * The shapes that flow from notes to questions.
 * Plain data only: every value here can be JSON-serialised (the deck cache relies on it).
 */

/** A key-term span inside a block's text: `code`, **bold**, or a bold span CommonMark missed. */
export interface Span {
  kind: 'code' | 'bold' | 'lenient-bold';
  /** UTF-16 offsets into Block.text, end exclusive. */
  start: number;
  end: number;
}

export type BlockKind = 'line' | 'item' | 'code' | 'row';

/** One fact-sized piece of a section body. A paragraph gives one block per (soft) line. */
export interface Block {
  kind: BlockKind;
  /** Plain display text, terminal control characters removed. */
  text: string;
  spans: Span[];
  /** 1-based line in the source file. */
  line: number;
  /** Table cells, for kind 'row'. */
  cells?: string[];
  /** Code fence language, for kind 'code'. */
  lang?: string;
  /** The line is nothing but links or images: a reference, never a fact. */
  linkOnly?: boolean;
  /** The learner took the line back: a later correction ("※訂正：…") says it was wrong (retract.ts). */
  corrected?: boolean;
  /** The date of a daily post, taken off the line ("3/8" of "2024/3/8 今日の学び：…", tidy.ts). */
  date?: string;
  /** Nested list items: how deep the item is nested (absent for a top-level item; see outline.ts). */
  depth?: number;
  /** A nested list item: the 1-based line of the item it is nested in (its head). */
  parent?: number;
  /** An item of a numbered list: its place in the list (1-based), every line of the item. */
  ordered?: number;
}

export interface Section {
  /**
   * Heading text as plain text. For a file without a top-level heading: a
   * title made from its front matter, its only heading or its name (title.ts);
   * its key stays the file's name.
   */
  title: string;
  /** 1..6 for headings; 0 for a topic made from a file name. */
  depth: number;
  /** Heading chain from the topic down to this section, titles only. */
  path: string[];
  /**
   * Like `path`, but a title repeated under the same parent gets an occurrence
   * suffix (`Title#2`), so it identifies the section uniquely within a topic.
   */
  key: string[];
  /** Source file, relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line of the heading (1 for a file-name topic). */
  line: number;
  blocks: Block[];
  children: Section[];
  /**
   * A topic made from a file whose name left no words for a title ("memo.md"):
   * its name is listed, never shown in a question (see title.ts).
   */
  untitled?: true;
}

/** Something `awsquiz check` reports; the parser collects the ones it notices. */
export interface Diagnostic {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  code:
    | 'fullwidth-heading'
    | 'lenient-bold'
    | 'empty-section'
    | 'empty-heading'
    | 'duplicate-heading'
    | 'no-card-line'
    | 'fact-no-card'
    | 'read-error'
    | 'not-text'
    | 'empty-file'
    | 'no-cards'
    | 'duplicate-section'
    /** A link in the notes folder that leads out of it: not followed (subject: where it leads). */
    | 'outside-link'
    /** More note files than LIMITS.files: the rest not read (subject: how many were read). */
    | 'too-many-files'
    /** A note longer than LIMITS.noteBytes: cut at this line (subject: the limit in MB). */
    | 'too-large'
    /** More headings than SHAPE_LIMITS.headings (prepare.ts): the rest of the note from this line not read. */
    | 'too-many-headings'
    /** More containers opened on one line than SHAPE_LIMITS.nesting: the deeper ones read as text. */
    | 'too-deep'
    /** More `[ ] * _` in one paragraph than SHAPE_LIMITS.marks: the rest read as plain characters. */
    | 'too-many-marks'
    /** Mentions an AWS service that AWS retired, closed or renamed (subject: its id in content/retired.ts). */
    | 'retired-service';
  /** Short subject of the message (a heading, a line excerpt); messages are built by ui/i18n. */
  subject: string;
}

/** A parsed file: its top-level topics (usually one) and what the parser noticed. */
export interface ParsedFile {
  file: string;
  topics: Section[];
  diagnostics: Diagnostic[];
}

export interface Deck {
  topics: Section[];
  diagnostics: Diagnostic[];
}

export type CardKind =
  | 'recall'
  | 'which-heading'
  | 'which-fact'
  | 'list-children'
  | 'cloze'
  | 'term'
  /** The notes' own question ("Q. …" over "A. …"): asked as written (cards.ts qaUnits). */
  | 'qa';

/**
 * A card: the stable unit that is scheduled. Questions are made from cards at
 * run time (options and their order depend on the seeded rng, not the card).
 */
export interface Card {
  /** hash(topic + heading key + kind + source text); never a position. */
  id: string;
  kind: CardKind;
  topic: string;
  /**
   * Heading path, titles only (for display); a term card of a nested list adds
   * the head bullets it stands under (cards.ts termHeads). Never part of the id.
   */
  path: string[];
  /** The text the card is made from (a heading, a line, a span). */
  source: string;
  /** The answer as shown. */
  answer: string;
  /** Kind-specific prompt material (see cards.ts). */
  prompt: string;
  /** Extra accepted typed answers (e.g. both parts of `Elastic IP(EIP)`). */
  accept?: string[];
  /** list-children: the child headings. */
  items?: string[];
  /** Identifies the section the card comes from within the deck (see sectionRef()). */
  section: string;
  /** 1-based source line, for messages only. */
  line: number;
  file: string;
}

/** A key that finds a section in a deck: topic title + occurrence-suffixed heading chain. */
export function sectionRef(section: Pick<Section, 'key'>): string {
  return section.key.join('\u001f');
}

/** The topic name of a file without a top-level heading: its name without folders, order prefix or extension. */
export function topicFromFileName(file: string): string {
  const base = file.split('/').pop() ?? file;
  const name = base.replace(/\.(md|markdown)$/i, '').replace(/^\d+[-_ .]+(?=.)/, '');
  return name || base;
}

export function walk(section: Section, visit: (section: Section) => void): void {
  visit(section);
  for (const child of section.children) walk(child, visit);
}

/**
 * The items of a list as one answer: joined with the Japanese comma when
 * they are Japanese, with ", " otherwise (an English list read "a、b").
 */
export function joinItems(items: readonly string[]): string {
  return items.join(
    items.some((item) => /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(item)) ? '、' : ', ',
  );
}
