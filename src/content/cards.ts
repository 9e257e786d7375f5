/**
 * Section tree → cards (DESIGN.md §3). Pure and deterministic: no rng here;
 * options are drawn when a card becomes a question.
 *
 * Id = hash(topic, heading key, kind, source text). Never a position, so
 * editing one line changes only the cards made from that line.
 */
import { createHash } from 'node:crypto';
import { type DeckIndex, indexDeck, type Located } from './deck.js';
import type { Block, Card, CardKind, Deck, Section } from './model.js';
import { sectionRef } from './model.js';
import { BLANK, fold, headingWords, isReference, leaks, leaksWord, maskWords } from './text.js';

/** Limits that keep questions readable. */
const LIMITS = {
  /** which-heading: body lines shown as the clue. */
  clueLines: 4,
  /** Headings longer than this are sentences, not names: no which-heading card. */
  headingChars: 40,
  /** which-fact: a fact line's length in characters. */
  factMin: 6,
  factMax: 160,
  /** cloze: the blanked span, and the context left around it. */
  clozeMin: 2,
  clozeMax: 30,
  clozeContext: 4,
  /** term: the term part of `term：definition`. */
  termMax: 40,
  /**
   * cloze: at most this many cards per line (the first ones in line order),
   * and none from lines longer than this: a paragraph-sized line with
   * thousands of spans is not a question, and blanking each was quadratic.
   */
  clozesPerLine: 3,
  clozeLineMax: 2_000,
} as const;

export function cardId(topic: string, key: string[], kind: CardKind, source: string): string {
  return createHash('sha256')
    .update([topic, ...key].join('\u001f'))
    .update('\u001e')
    .update(kind)
    .update('\u001e')
    .update(source)
    .digest('hex')
    .slice(0, 16);
}

/**
 * A line that is only a link, an image or a URL: a pointer to read elsewhere.
 * The parser flattens `[text](url)` to its text, so it says so with
 * `linkOnly`.
 */
export function isReferenceLine(block: Block): boolean {
  return block.linkOnly === true || isReference(block.text);
}

/** Lines that state something (not code, not a bare link). */
export function factBlocks(section: Section): Block[] {
  return section.blocks.filter((b) => b.kind !== 'code' && !isReferenceLine(b));
}

/**
 * "以下作成方法４つ", "次の3種類": a line that announces the list below by its
 * length. Says nothing by itself, and its count is no question.
 */
const LIST_HEADER =
  /(?:以下|下記|次の|the following)[^。！？!?]*?[0-9０-９一二三四五六七八九十]+\s*(?:つ|個|点|種類|通り|パターン|ステップ|項目|ways?|types?|kinds?|steps?|options?)\s*(?:が|は)?(?:ある|あります|です)?[\s。．.：:]*$/iu;

export function isListHeader(text: string): boolean {
  return LIST_HEADER.test(text);
}

/** Labels that open a line (`**重要：**…`, `Note: …`): never a term, never a blank. */
const LABELS = new Set(
  [
    // Japanese
    '重要',
    '注意',
    '注',
    '注意点',
    '留意点',
    '補足',
    '参考',
    '参照',
    '出典',
    '例',
    '例え',
    '例えば',
    '具体例',
    'ポイント',
    'メモ',
    '備考',
    'まとめ',
    '要点',
    '結論',
    '理由',
    '答え',
    '解答',
    '解説',
    '正解',
    '問題',
    '問',
    'ヒント',
    '警告',
    '余談',
    '追記',
    '感想',
    '疑問',
    '前提',
    '目的',
    '概要',
    '結果',
    '手順',
    '方法',
    'リンク',
    // English
    'note',
    'notes',
    'nb',
    'n.b',
    'tip',
    'tips',
    'hint',
    'hints',
    'warning',
    'caution',
    'caveat',
    'important',
    'todo',
    'fixme',
    'e.g',
    'eg',
    'i.e',
    'ie',
    'example',
    'examples',
    'for example',
    'for instance',
    'see',
    'see also',
    'source',
    'sources',
    'ref',
    'reference',
    'references',
    'link',
    'links',
    'summary',
    'answer',
    'question',
    'reason',
    'result',
    'conclusion',
    'remember',
    'update',
    'edit',
    'info',
    'fyi',
    'ps',
    'memo',
    'aside',
    'pros',
    'cons',
    'use case',
    'use cases',
    'purpose',
  ].map((label) => fold(label)),
);

/**
 * Words that start an English sentence rather than name something: "Third:
 * line with a colon", "However: …". Key terms (Stateful, Count, MFA Delete,
 * 4XXError, d) are not among them.
 */
const OPENERS_EN = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'last',
  'lastly',
  'finally',
  'next',
  'then',
  'also',
  'however',
  'but',
  'and',
  'or',
  'so',
  'thus',
  'therefore',
  'hence',
  'otherwise',
  'meanwhile',
  'because',
  'since',
  'yes',
  'no',
  'why',
  'how',
  'what',
  'when',
  'where',
  'who',
  'which',
  'this',
  'that',
  'these',
  'those',
  'it',
  'here',
  'there',
  'now',
  'later',
  'today',
  'again',
  'instead',
  'basically',
  'generally',
  'usually',
  'additionally',
  'furthermore',
  'moreover',
  'importantly',
]);

/** True for a label or a sentence opener in front of a colon (or as a whole bold span). */
export function isLabel(text: string): boolean {
  const word = fold(text)
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/\.$/, '');
  if (!word) return false;
  if (LABELS.has(word) || OPENERS_EN.has(word)) return true;
  // "Step 2:", "Q1:", "例1：", "その2：".
  return /^(?:step|phase|part|option|case|rule|point|question|answer|example|ex|note|tip|q|問|例|その|手順)\s*[0-9０-９]+$/u.test(
    word,
  );
}

export interface TermLine {
  term: string;
  definition: string;
  block: Block;
}

/** The two names in "name (ABBR)": the bracketed part and the rest, each of two characters or more. */
function namesOf(answer: string): string[] {
  const inside = [...answer.matchAll(/[(（]([^()（）]+)[)）]/gu)].map((m) => (m[1] ?? '').trim());
  if (inside.length === 0) return [];
  const outside = answer.replace(/[(（][^()（）]*[)）]/gu, ' ').trim();
  return [...inside, outside].filter((name) => [...name].length >= 2);
}

/** `term：definition` / `term: definition` (also as a list item). */
export function termOf(block: Block): TermLine | undefined {
  if (block.kind !== 'line' && block.kind !== 'item') return undefined;
  const match = /^([^：:。、]{1,40}?)\s*[：:]\s*(.+)$/u.exec(block.text);
  if (!match?.[1] || !match[2]) return undefined;
  const term = match[1].trim();
  const definition = match[2].trim();
  if (!term || [...term].length > LIMITS.termMax) return undefined;
  // 重要：…, Note: …, Third: … are labels and sentence openers, not terms.
  if (isLabel(term)) return undefined;
  // URLs, times and ratios are not terms.
  if (/^(?:https?|ftp)$/i.test(term) || definition.startsWith('//')) return undefined;
  if (/^\d/.test(definition) && /\d$/.test(term)) return undefined;
  if ([...definition].length < 2) return undefined;
  return { term, definition, block };
}

export interface ClozeSpan {
  /** Answer to type. */
  answer: string;
  start: number;
  end: number;
  source: 'code' | 'bold' | 'lenient-bold' | 'number';
}

/** Units written right after a number, or after a space (Japanese, and symbols). */
const UNITS =
  'IOPS|Gbps|Mbps|GiB|MiB|TiB|GB|MB|TB|KB|ms|時間|分|秒|日|週間|ヶ月|か月|年|%|％|件|個|回|倍|台|つ|世代|文字|バイト';
/** English units: also after a hyphen (30-day), never followed by a letter or digit (s3, 5GBx). */
const UNITS_EN =
  'PB|KiB|PiB|Kbps|Tbps|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|AZs?|times';

const NUMBER_WITH_UNIT = new RegExp(
  '(?<![A-Za-z0-9０-９Ａ-Ｚａ-ｚ.,])([0-9０-９][0-9０-９,，.]*)' +
    `(?:\\s*(?=(?:${UNITS})(?![A-Za-z]))` +
    `|[\\s-]?(?=(?:${UNITS_EN})(?![A-Za-z0-9_]))` +
    // 10x faster; not 0x1F, not "10 x 20".
    '|(?=[x×](?![A-Za-z0-9_])))',
  'gu',
);

/** The spans of a line that make cloze cards: key-term spans, and numbers with a unit. */
export function clozeSpans(block: Block): ClozeSpan[] {
  if (block.kind !== 'line' && block.kind !== 'item') return [];
  if (block.text.length > LIMITS.clozeLineMax) return [];
  if (termOf(block) || isReferenceLine(block)) return [];
  const out: ClozeSpan[] = [];
  const fits = (start: number, end: number) => {
    const length = [...block.text.slice(start, end).trim()].length;
    const context = [...(block.text.slice(0, start) + block.text.slice(end)).trim()].length;
    return length >= LIMITS.clozeMin && length <= LIMITS.clozeMax && context >= LIMITS.clozeContext;
  };
  for (const span of block.spans) {
    // 「EBS」 → blank EBS and keep the brackets as context.
    const { start, end } = trimPunctuation(block.text, span.start, span.end);
    if (end <= start || !fits(start, end)) continue;
    // **重要：** is a label, not a key term.
    if (isLabel(block.text.slice(start, end))) continue;
    out.push({ answer: block.text.slice(start, end), start, end, source: span.kind });
  }
  // "以下作成方法４つ": the count of the list below is no fact.
  const numbers = isListHeader(block.text) ? [] : block.text.matchAll(NUMBER_WITH_UNIT);
  for (const match of numbers) {
    const number = match[1] ?? '';
    // "1 秒あたり", "1つの": the number one is almost always a phrase, not a fact.
    if (/^[1１]$/.test(number)) continue;
    const start = match.index ?? 0;
    const end = start + number.length;
    // A number inside a key-term span is asked through that span already... unless the span is
    // long; then the number is the sharper question.
    const inside = out.find((s) => s.source !== 'number' && s.start <= start && end <= s.end);
    if (inside && inside.end - inside.start <= number.length + 6) continue;
    if (!fits(start, end) && [...number].length < LIMITS.clozeMin) {
      // One-digit numbers are still good questions when they carry a unit (６時間).
      const context = [...(block.text.slice(0, start) + block.text.slice(end)).trim()].length;
      if (context < LIMITS.clozeContext) continue;
    }
    out.push({ answer: number, start, end, source: 'number' });
  }
  return out;
}

const OPENERS: Record<string, string> = {
  ')': '(',
  '）': '（',
  ']': '[',
  '」': '「',
  '』': '『',
  '】': '【',
};

/**
 * Trims punctuation and spaces around a span (「EBS」 → EBS), but keeps a
 * closing bracket whose opening bracket is inside the span: (HPC) stays.
 */
export function trimPunctuation(
  text: string,
  from: number,
  to: number,
): { start: number; end: number } {
  let start = from;
  let end = to;
  const edge = /[\p{P}\p{S}\s]/u;
  while (start < end && edge.test(text[start] ?? '')) start += 1;
  while (end > start && edge.test(text[end - 1] ?? '')) {
    const opener = OPENERS[text[end - 1] ?? ''];
    if (opener && text.slice(start, end - 1).includes(opener)) break;
    end -= 1;
  }
  return { start, end };
}

export function blankSpan(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${BLANK}${text.slice(end)}`;
}

/**
 * The clue of a which-heading card: the section's own fact lines with the
 * heading's distinctive words masked; lines that say nothing once masked are
 * dropped.
 */
export function headingClue(located: Located): string[] {
  const { section } = located;
  const ancestors = section.path.slice(0, -1);
  const ancestorWords = new Set(ancestors.flatMap((title) => headingWords(title)));
  const words = headingWords(section.title).filter(
    (word) => !ancestorWords.has(word) || word === fold(section.title),
  );
  const lines: string[] = [];
  for (const block of factBlocks(section)) {
    if (block.kind === 'row') continue;
    const masked = maskWords(block.text, words);
    const visible = masked.replaceAll(BLANK, '').replace(/[\s\p{P}\p{S}]/gu, '');
    if ([...visible].length < 2) continue;
    if (leaks(masked, section.title)) continue;
    lines.push(masked);
    if (lines.length >= LIMITS.clueLines) break;
  }
  return lines;
}

function isFact(block: Block): boolean {
  const length = [...block.text].length;
  return (
    block.kind !== 'code' &&
    !isReferenceLine(block) &&
    !isListHeader(block.text) &&
    length >= LIMITS.factMin &&
    length <= LIMITS.factMax &&
    !/[：:]$/.test(block.text)
  );
}

export function factLines(section: Section): Block[] {
  return section.blocks.filter(isFact);
}

/** Builds every card of the deck, in note order. */
export function buildCards(deck: Deck, index: DeckIndex = indexDeck(deck)): Card[] {
  const cards: Card[] = [];
  const seen = new Set<string>();
  const add = (card: Card) => {
    // The same line twice in one section makes the same card: keep one.
    if (seen.has(card.id)) return;
    seen.add(card.id);
    cards.push(card);
  };
  // A heading's "sub-topics" card comes after the cards of all its sub-sections,
  // so a learner meets the parts before being asked to list them.
  const pending: { section: Section; card: Card }[] = [];
  const flush = (next: Section | undefined) => {
    while (pending.length > 0) {
      const last = pending[pending.length - 1];
      if (
        !last ||
        (next && next.key.length > last.section.key.length && sameBranchKey(last.section, next))
      )
        break;
      pending.pop();
      add(last.card);
    }
  };
  for (const located of index.all) {
    flush(located.section);
    for (const card of sectionCards(located)) {
      if (card.kind === 'list-children') pending.push({ section: located.section, card });
      else add(card);
    }
  }
  flush(undefined);
  return cards;
}

/** True when `inner` lies below `outer` in the heading tree. */
function sameBranchKey(outer: Section, inner: Section): boolean {
  return outer.key.every((segment, i) => inner.key[i] === segment);
}

function sectionCards(located: Located): Card[] {
  const { section, topic } = located;
  const cards: Card[] = [];
  const make = (
    kind: CardKind,
    source: string,
    prompt: string,
    answer: string,
    line: number,
    extra: Partial<Pick<Card, 'accept' | 'items'>> = {},
  ) => {
    const card: Card = {
      id: cardId(topic.title, section.key, kind, source),
      kind,
      topic: topic.title,
      path: section.path,
      source,
      prompt,
      answer,
      section: sectionRef(section),
      line,
      file: section.file,
      ...extra,
    };
    cards.push(card);
  };
  const body = section.blocks;

  // recall: every section with a body.
  if (body.length > 0) {
    make(
      'recall',
      section.title,
      section.path.join(' › '),
      body.map((b) => b.text).join('\n'),
      section.line,
    );
  }

  // which-heading: the body describes the heading without naming it.
  if (section.depth > 0 && [...section.title].length <= LIMITS.headingChars) {
    const clue = headingClue(located);
    if (clue.length > 0) {
      make('which-heading', section.title, clue.join('\n'), section.title, section.line);
    }
  }

  // which-fact: one card per fact line.
  for (const block of factLines(section)) {
    make('which-fact', block.text, section.path.join(' › '), block.text, block.line);
  }

  // list-children: two or more child headings.
  if (section.children.length >= 2) {
    const items = section.children.map((child) => child.title);
    make('list-children', section.title, section.path.join(' › '), items.join('、'), section.line, {
      items,
    });
  }

  for (const block of body) {
    // term: `term：definition` → which term?
    const term = termOf(block);
    if (term) {
      const definition = leaksWord(term.definition, term.term)
        ? maskWords(term.definition, [fold(term.term)], { wholeWords: true })
        : term.definition;
      make('term', block.text, definition, term.term, block.line);
      continue;
    }
    // cloze: a key term or a number blanked out of its line.
    const counts = new Map<string, number>();
    let made = 0;
    for (const span of clozeSpans(block)) {
      if (made >= LIMITS.clozesPerLine) break;
      const n = (counts.get(span.answer) ?? 0) + 1;
      counts.set(span.answer, n);
      const source = `${block.text}\u001f${span.answer}${n > 1 ? `#${n}` : ''}`;
      const blanked = blankSpan(block.text, span.start, span.end);
      // The same words elsewhere in the line would answer the blank, and so would
      // either name of a named abbreviation: "…コンピューティング (HPC)" with "HPC" later on.
      if ([span.answer, ...namesOf(span.answer)].some((name) => leaksWord(blanked, name))) continue;
      make('cloze', source, blanked, span.answer, block.line);
      made += 1;
    }
  }
  return cards;
}
