/**
 * Card → Question (DESIGN.md §3). Pure: the deck index, the rng and the mode
 * come in; nothing is read from outside.
 */
import { clozeSpans, factLines, headingClue, sectionTerms } from '../content/cards.js';
import {
  type DeckIndex,
  type Located,
  type Pool,
  relativeTiers,
  sameBranch,
} from '../content/deck.js';
import { type Card, type Section, sectionRef } from '../content/model.js';
import { outlineUnits, unitTerm } from '../content/outline.js';
import { BLANK, fold, foldTight, headingWords, leaksWord, maskWords } from '../content/text.js';
import { t } from '../ui/i18n.js';
import { keyOf, pickDistractors } from './distractors.js';
import { withUnits } from './grade.js';
import { type Rng, shuffle } from './rng.js';
import type { Question } from './types.js';

/** 'study' mixes formats; 'exam' only makes multiple choice and returns undefined otherwise. */
export type QuestionMode = 'study' | 'exam';

/** Options per multiple-choice question when there are enough candidates. */
export const OPTION_COUNT = 4;
/** Fewer options than this and a card is not asked as multiple choice. */
export const MIN_OPTIONS = 3;
/** A cloze answer longer than this is asked as multiple choice (typing it is a chore). */
const TYPED_CLOZE_MAX = 10;
/** Lists longer than this are asked as "which is NOT", never as free recall. */
const RECALL_LIST_MAX = 6;

export function explanationOf(section: Section): Question['explanation'] {
  return { path: section.path, lines: section.blocks.map((block) => block.text) };
}

function base(card: Card, located: Located): Omit<Question, 'format' | 'stem'> {
  const explanation = explanationOf(located.section);
  // A list card is explained by the list itself.
  if (card.kind === 'list-children') {
    explanation.lines = [
      ...located.section.children.map((child) => `- ${child.title}`),
      ...explanation.lines,
    ];
  }
  return {
    cardId: card.id,
    kind: card.kind,
    topic: card.topic,
    path: card.path,
    answer: card.kind === 'list-children' ? (card.items ?? []).join('\n') : card.answer,
    explanation,
  };
}

function choice(
  card: Card,
  located: Located,
  stem: string,
  answer: string,
  distractors: string[],
  rng: Rng,
): Question | undefined {
  if (distractors.length + 1 < MIN_OPTIONS) return undefined;
  const options = shuffle([answer, ...distractors], rng);
  return {
    ...base(card, located),
    format: 'choice',
    stem,
    options,
    correct: options.indexOf(answer),
    answer,
  };
}

/**
 * The names of a section's own heading (the title and its bracketed parts,
 * not its ancestors'), masked in its lines when they are options, so that no
 * option gives itself away by naming its section. Generic sub-words such as
 * IOPS stay readable.
 */
function ownWords(section: Section): string[] {
  const ancestors = new Set(section.path.slice(0, -1).flatMap((title) => headingWords(title)));
  return headingWords(section.title, { runs: false }).filter(
    (w) => !ancestors.has(w) || w === fold(section.title),
  );
}

/** What questions need of a section, derived once per section (so once per DeckIndex). */
interface SectionInfo {
  /** The words of its own heading (see ownWords()). */
  words: string[];
  /** foldTight() of its fact lines. */
  factKeys: string[];
  /** Its fact lines that do not name it. */
  plain: string[];
  /** Its fact lines that name it, as written. */
  naming: string[];
  /** The same lines with its words masked (＿＿＿). */
  masked: string[];
  clozes: string[];
  terms: string[];
}

const infoCache = new WeakMap<Section, SectionInfo>();
/** A masked line (see SectionInfo.masked) → the line as written. */
const unmasked = new Map<string, string>();

function infoOf(section: Section): SectionInfo {
  let info = infoCache.get(section);
  if (info) return info;
  const words = ownWords(section);
  const facts = factLines(section).map((block) => block.text);
  info = {
    words,
    factKeys: facts.map((text) => keyOf(text)),
    plain: [],
    naming: [],
    masked: [],
    clozes: section.blocks.flatMap((block) =>
      clozeSpans(block)
        .filter((span) => span.source !== 'number')
        .map((span) => span.answer),
    ),
    terms: sectionTerms(section),
  };
  for (const text of facts) {
    const masked = maskWords(text, words);
    if (masked === text) {
      info.plain.push(text);
      continue;
    }
    info.naming.push(text);
    info.masked.push(masked);
    if (unmasked.size > 100_000) unmasked.clear();
    unmasked.set(masked, text);
  }
  infoCache.set(section, info);
  return info;
}

/** The sections that can give candidates of each kind, found once per DeckIndex. */
interface Pools {
  /** Sections with fact lines that do not name them. */
  plain: Pool;
  /** Sections with fact lines that name them. */
  naming: Pool;
  clozes: Pool;
  terms: Pool;
}
const poolCache = new WeakMap<DeckIndex, Pools>();

function poolsOf(index: DeckIndex): Pools {
  let pools = poolCache.get(index);
  if (pools) return pools;
  const make = (has: (info: SectionInfo) => boolean): Pool => {
    const list = index.all.filter((located) => has(infoOf(located.section)));
    const members = new Set(list.map((located) => located.section));
    return { list, has: (section) => members.has(section) };
  };
  pools = {
    plain: make((info) => info.plain.length > 0),
    naming: make((info) => info.naming.length > 0),
    clozes: make((info) => info.clozes.length > 0),
    terms: make((info) => info.terms.length > 0),
  };
  poolCache.set(index, pools);
  return pools;
}

/** Character bigrams of the folded text, punctuation and spaces left out. */
const gramsCache = new Map<string, Set<string>>();
function bigrams(text: string): Set<string> {
  let grams = gramsCache.get(text);
  if (grams) return grams;
  const chars = [...foldTight(text.replaceAll(BLANK, ' ')).replace(/[\p{P}\p{S}]/gu, '')];
  grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) grams.add(chars[0] ?? '');
  if (gramsCache.size > 100_000) gramsCache.clear();
  gramsCache.set(text, grams);
  return grams;
}

/** Dice coefficient of the character bigrams of two lines: 1 for the same words, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.size + gb.size === 0) return 0;
  const [small, large] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared += 1;
  return (2 * shared) / (ga.size + gb.size);
}

/**
 * A line of another section this similar (Dice over character bigrams of
 * the folded text) to a line of the asked section may well say the same
 * thing, so both would be true: it is never offered as a wrong option. In the
 * shipped notes the restatement "Stop StartしてもIPアドレスが維持される" (Elastic
 * IP) vs "Stop Startしても同じIPが割り振られる" (Private IP) scores 0.56, while
 * lines of different statements score 0.48 and below. Lines that differ in
 * one word ("…Opsの合計値" vs "…Bytesの合計値", 0.89) also score above this
 * and are dropped too: a lost good distractor costs less than two right answers.
 */
export const SAME_FACT_SIMILARITY = 0.5;

export function makeQuestion(
  card: Card,
  index: DeckIndex,
  rng: Rng,
  mode: QuestionMode = 'study',
): Question | undefined {
  const located = index.byRef.get(card.section);
  if (!located) return undefined;
  const fullPath = card.path.join(' › ');
  // The path gives context, unless it names the answer: then only the topic, or nothing.
  const path = !leaksWord(fullPath, card.answer)
    ? fullPath
    : !leaksWord(card.topic, card.answer)
      ? card.topic
      : '…';
  const need = OPTION_COUNT - 1;
  const typed = (stem: string, accept: string[] = []): Question => ({
    ...base(card, located),
    format: 'typed',
    stem,
    ...(accept.length > 0 ? { accept } : {}),
  });
  /** The relatives of the card's section, nearest first, bounded (see relativeTiers). */
  const relatives = (of: Located = located, pool?: Pool) => relativeTiers(index, of, rng, pool);
  /** Multiple choice among answers of the same shape (nearest sections first), else typed in study. */
  const sameShape = (
    answersOf: (info: SectionInfo) => string[],
    pool: Pool,
    choiceStem: string,
    typedStem: string,
    within: (section: Section) => boolean = () => true,
    accept?: (candidate: string) => boolean,
  ) => {
    const tiers = (function* () {
      yield answersOf(infoOf(located.section));
      for (const tier of relatives(located, pool))
        yield tier.flatMap((s) => (within(s) ? answersOf(infoOf(s)) : []));
    })();
    const distractors = pickDistractors(card.answer, tiers, need, rng, [], accept);
    const asked = choice(card, located, choiceStem, card.answer, distractors, rng);
    return asked || mode === 'exam' ? asked : typed(typedStem);
  };
  // A recall card of one outline unit names its head bullet after the path (cards.ts recallUnits).
  const recallPath =
    card.kind === 'recall' && card.prompt.startsWith(`${fullPath} › `) ? card.prompt : path;
  const recall = (): Question | undefined =>
    mode === 'exam'
      ? undefined
      : { ...base(card, located), format: 'recall', stem: t('q.recall', { path: recallPath }) };

  switch (card.kind) {
    case 'recall':
      return recall();

    case 'which-heading': {
      // The clue was worked out with the card (cards.ts headingClue).
      const clue = card.prompt ? card.prompt.split('\n') : headingClue(located);
      if (clue.length === 0) return recall();
      const { distractors, parent } = whichHeading(card, located, relatives(), need, rng);
      const ask = parent
        ? t('q.whichHeading', { parent })
        : t(located.section.key.length === 1 ? 'q.whichTopic' : 'q.whichHeadingAny');
      const stem = `${ask}\n${clue.join('\n')}`;
      // Too few headings to choose from (a folder of two topics): name it from memory.
      // "Explain: <the heading>" would ask the answer back, with the heading as the answer.
      return (
        choice(card, located, stem, card.answer, distractors, rng) ??
        (mode === 'exam' ? undefined : { ...base(card, located), format: 'recall', stem })
      );
    }

    case 'which-fact': {
      const { answer, distractors } = whichFact(
        card,
        located,
        (pool) => relatives(located, pool),
        poolsOf(index),
        need,
        rng,
      );
      const question = choice(card, located, t('q.whichFact', { path }), answer, distractors, rng);
      // Too few other lines to choose from: recall the rest of this line from its start
      // ("Explain: <path>" would be the recall card again, with one line as the answer).
      const start = question || mode === 'exam' ? undefined : opening(card.answer);
      if (start !== undefined) {
        return {
          ...base(card, located),
          format: 'recall',
          stem: `${t('q.completeFact', { path })}\n${start}`,
        };
      }
      if (question?.options && answer !== card.answer) {
        // The options hide their headings' words; once answered, they are shown as written.
        question.shown = question.options.map((option) =>
          option === answer ? card.answer : (unmasked.get(option) ?? option),
        );
      }
      return question ?? recall();
    }

    case 'list-children': {
      // Two children of the same title are one option.
      const items = uniqueBy(card.items ?? [], foldTight);
      if (mode === 'study' && items.length <= RECALL_LIST_MAX && rng() < 0.5) {
        return {
          ...base(card, located),
          format: 'recall',
          stem: t('q.listChildren', { path }),
        };
      }
      const first = located.section.children[0];
      const firstLocated = first ? index.byRef.get(sectionRef(first)) : undefined;
      if (!firstLocated || items.length < 2) return recall();
      const children = new Set(items.map(foldTight));
      const tiers = (function* () {
        for (const tier of relatives(firstLocated)) {
          yield tier
            .filter((s) => !sameBranch(s, located.section))
            .map((s) => s.title)
            .filter((title) => !children.has(foldTight(title)));
        }
      })();
      const [outsider] = pickDistractors(located.section.title, tiers, 1, rng, items);
      if (!outsider) return recall();
      const shown = shuffle(items, rng).slice(0, OPTION_COUNT - 1);
      const question = choice(card, located, t('q.notChild', { path }), outsider, shown, rng);
      return question ?? recall();
    }

    case 'cloze': {
      const isNumber = /^[\d０-９,，.]+$/.test(card.answer);
      if (mode === 'study' && (isNumber || [...card.answer].length <= TYPED_CLOZE_MAX)) {
        return typed(
          `${t('q.cloze', { path })}\n${card.prompt}`,
          withUnits(card.answer, card.prompt),
        );
      }
      if (isNumber) return undefined;
      // Other key terms of the notes are the distractors: the same shape of answer
      // (a service name, a phrase), never a word printed in the line, never a name of the answer.
      const shape = answerShape(card.answer);
      return sameShape(
        (info) => info.clozes,
        poolsOf(index).clozes,
        `${t('q.clozeChoice', { path })}\n${card.prompt}`,
        `${t('q.cloze', { path })}\n${card.prompt}`,
        () => true,
        (candidate) =>
          answerShape(candidate) === shape &&
          !leaksWord(card.prompt, candidate) &&
          !sameName(candidate, card.answer),
      );
    }

    case 'term': {
      // Terms are a topic's own words: a metric name of API Gateway next to the
      // instance suffixes d / n / a of EC2 is plainly wrong. Same topic only.
      const topic = located.section.key[0];
      const tiers = (function* () {
        // A head bullet's siblings under the same head first: the nearest relatives.
        yield siblingTerms(card, located.section);
        yield infoOf(located.section).terms;
        for (const tier of relatives(located, poolsOf(index).terms))
          yield tier.flatMap((s) => (s.key[0] === topic ? infoOf(s).terms : []));
      })();
      const distractors = pickDistractors(card.answer, tiers, need, rng, [], (candidate) => {
        return !leaksWord(card.prompt, candidate) && !sameName(candidate, card.answer);
      });
      const asked = choice(
        card,
        located,
        `${t('q.term', { path })}\n${card.prompt}`,
        card.answer,
        distractors,
        rng,
      );
      if (asked || mode === 'exam') return asked;
      // Typing a term from its description is fair only for a short, distinctive name;
      // a long phrase can be said many ways and is no question.
      return isTypeableTerm(card.answer)
        ? typed(`${t('q.termTyped', { path })}\n${card.prompt}`)
        : undefined;
    }
  }
}

/**
 * The shape of a short answer: its wrong options have the same one. A
 * number, a name (capitalised words, katakana), an identifier
 * (`aws:SourceIp`, `CreateExportTask`), an English phrase, a Japanese phrase.
 */
export function answerShape(answer: string): 'number' | 'name' | 'kana' | 'code' | 'en' | 'ja' {
  const text = answer.trim();
  if (/^[\p{N}.,，]+\s*\S{0,6}$/u.test(text)) return 'number';
  if (/^[\p{Script=Katakana}ー・\s]+$/u.test(text)) return 'kana';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text)) return 'ja';
  // A single lowercase word ("hours", "filter") is English; `t3.micro`, `nodeName` are code.
  if (!/\s/.test(text) && (/[:_$./]|[a-z][A-Z]/.test(text) || /^[a-z]+[0-9]/.test(text)))
    return 'code';
  const words = text.split(/\s+/u);
  return words.every(
    (word) => /^[\p{Lu}\p{N}]/u.test(word) || /^(?:of|and|for|the|to|on|in)$/.test(word),
  )
    ? 'name'
    : 'en';
}

/** The terms of the head bullets beside a head-bullet term card's own (same head above). */
function siblingTerms(card: Card, section: Section): string[] {
  if (!card.source.endsWith('\u001f▸')) return [];
  const units = outlineUnits(section.blocks);
  const own = units.find((unit) => unit.head.line === card.line)?.head;
  if (!own) return [];
  return units
    .filter(
      (unit) =>
        unit.head !== own && unit.head.parent === own.parent && unit.head.depth === own.depth,
    )
    .flatMap((unit) => unitTerm(unit)?.term ?? []);
}

/** Two names of one thing: one contains the other (`Standard-IA` / `S3 Standard-IA`). */
function sameName(a: string, b: string): boolean {
  const fa = foldTight(a);
  const fb = foldTight(b);
  return fa.length > 0 && fb.length > 0 && (fa.includes(fb) || fb.includes(fa));
}

/** A term short and distinctive enough to type from memory: a name, not a phrase. */
export function isTypeableTerm(term: string): boolean {
  const chars = [...term.trim()].length;
  const words = term.trim().split(/\s+/u).length;
  if (chars < 2 || chars > 20 || words > 3) return false;
  const shape = answerShape(term);
  if (shape === 'name' || shape === 'kana' || shape === 'code') return true;
  return chars <= 12 && /[\p{Script=Katakana}A-Z0-9]/u.test(term);
}

/**
 * The start of a fact line to complete from memory: about a third of its
 * words, or of its characters when it has no spaces; undefined when the line
 * is too short to leave anything to recall.
 */
export function opening(line: string): string | undefined {
  const chars = [...line];
  if (chars.length < 12) return undefined;
  const words = line.split(/(?<=\s)/u);
  const head =
    words.length >= 4
      ? words
          .slice(0, Math.ceil(words.length / 3))
          .join('')
          .trimEnd()
      : chars.slice(0, Math.ceil(chars.length / 3)).join('');
  return `${head.trimEnd()} …`;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Length of the common start of two heading keys. */
function commonDepth(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * which-heading: sibling headings first, then cousins, then other topics
 * (topic titles last of all: they are not the same shape as a sub-heading).
 * The stem says "under X" for the nearest X that holds every option, so no
 * option is ruled out by the stem alone; when an option comes from another
 * topic there is no such X and the parent is named as before.
 */
function whichHeading(
  card: Card,
  located: Located,
  relatives: Iterable<Section[]>,
  need: number,
  rng: Rng,
): { distractors: string[]; parent: string } {
  const where = new Map<string, Section[]>();
  const isTopic = (s: Section) => s.key.length === 1 && located.parent !== undefined;
  const tiers = (function* () {
    const topics: Section[] = [];
    for (const tier of relatives) {
      const shaped: string[] = [];
      for (const section of tier) {
        if (isTopic(section)) {
          topics.push(section);
          continue;
        }
        const key = keyOf(section.title);
        const known = where.get(key);
        if (known) known.push(section);
        else where.set(key, [section]);
        shaped.push(section.title);
      }
      yield shaped;
    }
    for (const section of topics) {
      const key = keyOf(section.title);
      const known = where.get(key);
      if (known) known.push(section);
      else where.set(key, [section]);
    }
    yield topics.map((s) => s.title);
  })();
  const distractors = pickDistractors(card.answer, tiers, need, rng);
  const own = located.section.key;
  const parentDepth = own.length - 1;
  let depth = parentDepth;
  for (const text of distractors) {
    const sections = where.get(keyOf(text)) ?? [];
    depth = Math.min(depth, Math.max(0, ...sections.map((s) => commonDepth(own, s.key))));
  }
  // depth 0: an option from another topic; nothing holds them all, so no "under X".
  return { distractors, parent: card.path.slice(0, depth).join(' › ') };
}

/**
 * which-fact: "Which statement is true of X?" The wrong options are fact
 * lines of X's relatives (nearest first), never one that
 * - is a line of X (or the same line written elsewhere),
 * - names X's own heading words (it is most likely about X too), or
 * - is too similar to any line of X (it most likely says the same thing:
 *   "Stop StartしてもIPアドレスが維持される" under Elastic IP is true of Private IP).
 *
 * An answer that names X would stand out as the only option naming the
 * asked heading: then X's words are masked in it (＿＿＿, as the which-heading
 * clue masks them), and the wrong options are lines that name their own
 * section, masked the same way, so that every option reads "＿＿＿ …". When
 * there are not at least two such lines, a blank would mark the answer
 * instead: the options stay as written. Otherwise lines that name their own
 * section are easy to rule out and come last.
 */
function whichFact(
  card: Card,
  located: Located,
  relatives: (pool: Pool) => Iterable<Section[]>,
  pools: Pools,
  need: number,
  rng: Rng,
): { answer: string; distractors: string[] } {
  const asked = infoOf(located.section);
  const ownFacts = new Set(asked.factKeys);
  const ownLines = [...asked.plain, ...asked.naming];
  // Checked only on the few candidates about to be picked.
  const accept = (text: string): boolean => {
    const original = unmasked.get(text) ?? text;
    if (ownFacts.has(keyOf(original))) return false;
    if (maskWords(original, asked.words) !== original) return false;
    return ownLines.every((own) => similarity(own, text) < SAME_FACT_SIMILARITY);
  };
  const linesOf = (pool: Pool, lines: (info: SectionInfo) => string[]) =>
    (function* () {
      for (const tier of relatives(pool)) {
        const out: string[] = [];
        for (const section of tier) for (const line of lines(infoOf(section))) out.push(line);
        yield out;
      }
    })();
  const maskedAnswer = maskWords(card.answer, asked.words);
  if (maskedAnswer !== card.answer) {
    const tiers = linesOf(pools.naming, (info) => info.masked);
    const named = pickDistractors(maskedAnswer, tiers, need, rng, [], accept);
    if (named.length >= 2) {
      const plain = linesOf(pools.plain, (info) => info.plain);
      const rest = pickDistractors(maskedAnswer, plain, need - named.length, rng, named, accept);
      return { answer: maskedAnswer, distractors: [...named, ...rest] };
    }
  }
  const tiers = (function* () {
    yield* linesOf(pools.plain, (info) => info.plain);
    yield* linesOf(pools.naming, (info) => info.naming);
  })();
  return {
    answer: card.answer,
    distractors: pickDistractors(card.answer, tiers, need, rng, [], accept),
  };
}
