/**
 * Card → Question (DESIGN.md §3). Pure: the deck index, the rng and the mode
 * come in; nothing is read from outside.
 */
import {
  clozeSpans,
  clueOptions,
  commonHead,
  enumerationItems,
  factLines,
  headingTwins,
  isCategoryHead,
  isNameAnswer,
  isOpenSetHeading,
  isTermName,
  ownPartShows,
  type PartCounts,
  partCounts,
  QUESTION_NUMBER,
  qaUnits,
  sectionTermLines,
  sectionTerms,
  siblingsOf,
  termGivenAway,
  termOf,
} from '../content/cards.js';
import { type DeckIndex, type Located, type Pool, relativeTiers } from '../content/deck.js';
import { typedWordGivenAway, withoutAliases } from '../content/derived.js';
import { type Block, type Card, type Section, walk } from '../content/model.js';
import { outlineUnits, unitTerm } from '../content/outline.js';
import {
  nameWords as answerNameWords,
  contentWords,
  katakanaForm,
  namesInOtherWords,
  namesRest,
  partsTogether,
  sharedCommonWord,
  sharedKanji,
  showsWord,
  similarity,
  spelledOut,
  topicNames,
  transliterates,
} from '../content/overlap.js';
import { endsInPredicate, isJapanese } from '../content/statement.js';
import { foldTight, leaksWord } from '../content/text.js';
import type { Say } from '../errors.js';
import { keyOf, pickDistractors } from './distractors.js';
import { withUnits } from './grade.js';
import { numberDistractors } from './numbers.js';
import { createRng, type Rng, shuffle } from './rng.js';
import type { OptionOrigin, Question } from './types.js';

export { similarity };

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
  // The notes' own question is explained by its own answer and reasons, not by the
  // section's other questions and their answers (they would be asked next).
  if (card.kind === 'qa') {
    const unit = qaUnits(located.section).units.find((u) => u.question.line === card.line);
    if (unit) {
      const own = new Set(unit.lines);
      explanation.lines = located.section.blocks
        .filter((block) => own.has(block.line))
        .map((block) => block.text);
    }
  }
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
  originOf?: (option: string) => OptionOrigin | undefined,
): Question | undefined {
  if (distractors.length + 1 < MIN_OPTIONS) return undefined;
  const options = shuffle([answer, ...distractors], rng);
  const origins = originOf
    ? options.map((option) => (option === answer ? null : (originOf(option) ?? null)))
    : [];
  return {
    ...base(card, located),
    format: 'choice',
    stem,
    options,
    correct: options.indexOf(answer),
    answer,
    ...(origins.some((o) => o !== null) ? { origins } : {}),
  };
}

/** A wrong option that is a heading: the heading, and the first line of its own notes. */
function headingOrigin(section: Section | undefined): OptionOrigin | undefined {
  if (!section) return undefined;
  const line = factLines(section)[0]?.text;
  return line ? { heading: section.title, line } : { heading: section.title };
}

/** What questions need of a section, derived once per section (so once per DeckIndex). */
interface SectionInfo {
  clozes: string[];
  terms: string[];
  /** The answers of the section's own questions that are names (cards.ts qaUnits, isNameAnswer). */
  qas: string[];
}

const infoCache = new WeakMap<Section, SectionInfo>();

function infoOf(section: Section): SectionInfo {
  let info = infoCache.get(section);
  if (info) return info;
  info = {
    clozes: section.blocks.flatMap((block) =>
      clozeSpans(block)
        .filter((span) => span.source !== 'number')
        .map((span) => span.answer),
    ),
    terms: sectionTerms(section),
    qas: qaUnits(section)
      .units.map((unit) => unit.said)
      .filter(isNameAnswer),
  };
  infoCache.set(section, info);
  return info;
}

/** The sections that can give candidates of each kind, each found once per DeckIndex when first asked for. */
interface Pools {
  clozes: Pool;
  /** Sections that list a closed enumeration (list-children). */
  enumerations: Pool;
  terms: Pool;
  /** Sections with questions of their own whose answers are names (qa). */
  qas: Pool;
}
const poolCache = new WeakMap<DeckIndex, Partial<Pools>>();

/** One pool of the index: a pass over every section, made only by the first question that needs it. */
function poolOf(index: DeckIndex, kind: keyof Pools): Pool {
  let pools = poolCache.get(index);
  if (!pools) {
    pools = {};
    poolCache.set(index, pools);
  }
  const found = pools[kind];
  if (found) return found;
  const has = POOL_TESTS[kind];
  const list = index.all.filter((located) => has(located.section));
  const members = new Set(list.map((located) => located.section));
  const pool: Pool = { list, has: (section) => members.has(section) };
  pools[kind] = pool;
  return pool;
}

const POOL_TESTS: Record<keyof Pools, (section: Section) => boolean> = {
  enumerations: (section) => enumerationItems(section).length > 0,
  clozes: (section) => infoOf(section).clozes.length > 0,
  terms: (section) => infoOf(section).terms.length > 0,
  qas: (section) => infoOf(section).qas.length > 0,
};

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
  mode: QuestionMode,
  /** Words the stems in the learner's language (the language is passed in, never global). */
  say: Say,
): Question | undefined {
  const drawn = drawQuestion(card, index, rng, mode, say, COMMON_WORD_DRAWS);
  if (typeof drawn === 'object') return drawn;
  // Every draw of this rng gave the answer away (or found too few options): the card's own
  // draws, which decided that it is counted at all (whyNotAsked), ask it instead, so a card
  // that topics, stats and the study plan count is always asked. An exam skips a card that
  // has no exam form without trying again.
  if (mode === 'exam' && drawn === 'none') return undefined;
  const own = ownQuestion(card, index, mode, say);
  return typeof own === 'object' ? own : undefined;
}

/**
 * A question of the card's own draws: in study its study form, else its exam
 * form (a cloze or term whose typed form gives the answer away may be fair
 * as multiple choice: "recover" in the line, "Item Recovery" among names).
 */
function ownQuestion(
  card: Card,
  index: DeckIndex,
  mode: QuestionMode,
  say: Say,
  /** Whether the options' origins are worked out (not to decide whether a card is asked). */
  origins = true,
): Question | 'leak' | 'none' {
  const own = drawQuestion(card, index, ownRng(card), mode, say, OWN_DRAWS, true, origins);
  // Only a cloze and a term have a typed study form that the exam's options could save.
  if (typeof own === 'object' || mode === 'exam') return own;
  if (card.kind !== 'cloze' && card.kind !== 'term') return own;
  const exam = drawQuestion(card, index, ownRng(card), 'exam', say, OWN_DRAWS, true, origins);
  return typeof exam === 'object' || own === 'none' ? exam : own;
}

/** Why a card makes no question: every draw gives its answer away, or it has no form to ask. */
export type NotAsked = 'gives-away' | 'no-question';

/**
 * Whether a card can be asked in study (issue 13): decided once, when the
 * cards of a deck are made (the library leaves such cards out before it
 * counts or caches them, through the `askable` it is handed), from the
 * card's own draws, which makeQuestion falls back to. A card whose stem
 * gives the answer away with no wrong options at all (the strongest form of
 * every check) and that always has a typed form (a cloze) is askable without
 * drawing anything, so most cards cost a few string tests.
 */
export function whyNotAsked(card: Card, index: DeckIndex): NotAsked | undefined {
  const located = index.byRef.get(card.section);
  if (!located) return 'no-question';
  if (askableWithoutDraw(card, located)) return undefined;
  return drawnVerdict(card, index, located);
}

/**
 * whyNotAsked of a card, or 'asked', when the card's own file decides it,
 * else undefined: what a parse worker, which makes the cards of one file
 * alone, can tell (content/library.ts knownReasons takes it where every
 * section of the file is found under its own key in the whole deck, so the
 * card is located there as in its file). The file decides a card that is
 * asked without a draw (its section, topic and parent), and the draws of a
 * recall, of a term (its options are terms of its own section) and of a
 * which-* card under a heading (its options are that heading's children).
 * Not the draws of a cloze or a list: their wrong options come from other
 * topics too (relativeTiers), nor of a which-* card without a heading above
 * (its siblings are the deck's topics).
 */
export function fileVerdict(card: Card, index: DeckIndex): NotAsked | 'asked' | undefined {
  const located = index.byRef.get(card.section);
  if (!located) return undefined;
  if (askableWithoutDraw(card, located)) return 'asked';
  const which = card.kind === 'which-heading' || card.kind === 'which-fact';
  if (!(card.kind === 'recall' || card.kind === 'term' || (which && located.parent)))
    return undefined;
  return drawnVerdict(card, index, located) ?? 'asked';
}

/** whyNotAsked of a card that is not askable without a draw. */
function drawnVerdict(card: Card, index: DeckIndex, located: Located): NotAsked | undefined {
  if (card.kind === 'which-heading' || card.kind === 'which-fact') {
    // The options are the sibling headings the clue does not fit too (clueOptions): a cue that shows with all of them beside the answer
    // shows in every draw (options only ever clear a cue), so none is drawn.
    const own = keyOf(card.answer);
    const all = clueOptions(located, siblingsOf(index, located), card.prompt.split('\n'))
      .map((s) => s.title.trim())
      .filter((title) => keyOf(title) !== own);
    // The options are all under the heading above: it tells nothing among them.
    const stem = stemOf(card, located);
    if (stem.givesAway(all, true, true, all)) return 'gives-away';
    // Each draw offers some of these options (askCard), all under the heading too: no draw
    // makes a question without two of them, and none gives the answer away when it offers
    // them all (no more than a question has room for, each of its own key) or when no
    // check but the heading's finds a cue even with no option (Stem.cue): most which-*
    // cards drawn, decided without drawing.
    const offered = whichOptions(card, all);
    if (offered + 1 < MIN_OPTIONS) return 'no-question';
    if (
      (offered === all.length && offered < OPTION_COUNT) ||
      (!stem.anyForm([]) && !stem.choice([], true))
    )
      return undefined;
  }
  return verdictOfDraws(card, index);
}

/**
 * whyNotAsked of a card by its own draws alone (drawnVerdict draws only when
 * it cannot tell without; test/unit/file-verdict.test.ts holds it to this).
 */
export function verdictOfDraws(card: Card, index: DeckIndex): NotAsked | undefined {
  // Only whether a question is made counts here, not where its wrong options come from.
  const drawn = ownQuestion(card, index, 'study', (m) => m.key, false);
  return typeof drawn === 'object' ? undefined : drawn === 'leak' ? 'gives-away' : 'no-question';
}

/**
 * How many options a which-* card's draws can offer, its clue options (other
 * than the answer) `options`, as askCard draws them: one of each key
 * (pickDistractors), none when the card has no clue or no heading above or
 * is a former "which statement is true" card.
 */
function whichOptions(card: Card, options: readonly string[]): number {
  if (card.kind === 'which-fact' && card.answer === card.source) return 0;
  if (!card.prompt || !card.path.slice(0, -1).join(' › ')) return 0;
  const keys = new Set<string>();
  for (const option of options) {
    const key = keyOf(option);
    if (key) keys.add(key);
  }
  return keys.size;
}

/**
 * A card that study asks whatever options it draws: its stem gives nothing
 * away even with no wrong option beside the answer (the strongest form of
 * every check: options only ever clear a cue), typed or as multiple choice,
 * and it surely has a form to ask (a recall or a short list; a cloze, typed
 * when it gets too few options; a short, distinctive term with a meaning of
 * substance; a which-* card with two sibling headings to offer). Only the
 * other cards are drawn (whyNotAsked), so deciding costs a few string tests
 * a card.
 */
function askableWithoutDraw(card: Card, located: Located): boolean {
  if (card.kind === 'recall') return shownPath(card, located).length > 0;
  // The notes' own question always has its study form (a recall of its answer).
  if (card.kind === 'qa') return true;
  if (card.kind === 'list-children') {
    const items = uniqueBy(card.items ?? [], foldTight).length;
    return items >= 2 && items <= RECALL_LIST_MAX;
  }
  const { prompt, answer } = card;
  // Each check with no wrong option at all: its strongest form (kept for the draws, if any).
  const clean = (typed: boolean) => {
    const stem = stemOf(card, located);
    return (
      !stem.heading([]) && !stem.anyForm([]) && !stem.choice([], true) && !(typed && stem.typed())
    );
  };
  switch (card.kind) {
    case 'cloze':
      return clean(true);
    case 'term': {
      const heading = shownPath(card, located).at(-1) ?? '';
      return (
        !isOpenSetHeading(answer) &&
        !/[/／・&、,]/u.test(heading) &&
        isTypeableTerm(answer) &&
        meaningOfSubstance(prompt) &&
        !hasOtherNames(card, located) &&
        clean(true)
      );
    }
    default: {
      // A which-* card is made only with two sibling headings of its kind to offer (cards.ts
      // clueLines, over the same siblings as siblingsOf): they are not counted again here,
      // which in a process that did not make the cards would work them all out anew.
      if (!prompt || !located.parent || card.path.length < 2) return false;
      if (card.kind === 'which-fact' && answer === card.source) return false;
      return clean(false);
    }
  }
}

/**
 * A term the notes give other names for ("「Amazon提供DNS」ともいう"): it has as many right
 * answers to type as names, so it is asked with options only (round 6, SYNONYM).
 */
function hasOtherNames(card: Card, located: Located): boolean {
  const raw = termMeanings(located.section).get(keyOf(card.answer));
  return raw !== undefined && withoutAliases(raw) !== raw;
}

/** The card's own random source, the same wherever it is asked: seeded by its id (FNV-1a). */
function ownRng(card: Card): Rng {
  let hash = 0x811c9dc5;
  for (let i = 0; i < card.id.length; i++)
    hash = Math.imul(hash ^ card.id.charCodeAt(i), 0x01000193);
  return createRng(hash >>> 0);
}

/** How often the card's own options are drawn before it is found unaskable. */
const OWN_DRAWS = 8;

/**
 * A question of `draws` option draws of `rng` whose stem does not give the
 * answer away; else 'leak' when a question was made but gave it away, or
 * 'none' when the card has no form to ask in this mode.
 */
function drawQuestion(
  card: Card,
  index: DeckIndex,
  rng: Rng,
  mode: QuestionMode,
  say: Say,
  draws: number,
  /** Draw again whatever cue the options gave (the card's own draws), not only a common word. */
  persist = false,
  origins = true,
): Question | 'leak' | 'none' {
  // A common word only the answer's option shares with the stem (ポリシー) is a cue of the
  // options drawn, not of the card: other wrong options of the pool may share it too
  // (信頼ポリシー), so the options are drawn again a few times before the card is not
  // asked (round 4).
  let made = false;
  for (let draw = 0; draw < draws; draw++) {
    const question = askCard(card, index, rng, mode, say, origins);
    if (!question) return made ? 'leak' : 'none';
    made = true;
    if (question.format === 'recall' || card.kind === 'list-children') return question;
    // What the learner reads of the notes: the path shown and the card's own text (not the
    // words of the stem's frame, which are the interface's).
    const located = index.byRef.get(card.section);
    const others = (question.options ?? []).filter((_, i) => i !== question.correct);
    const answer = question.format === 'choice' ? question.answer : card.answer;
    const choice = question.format === 'choice';
    // The card's own stem, read once for all its draws (askCard only asks a located card).
    const stem =
      located && answer === card.answer
        ? stemOf(card, located)
        : new Stem(
            located ? pathInStem(card, located) : '',
            card.prompt,
            answer,
            located?.topic.title ?? '',
          );
    // Which names share the heading above: a which-* card's options are its siblings, the
    // terms of a section its title; a bullet head below it ("Reserved") is the answer's own.
    const under =
      card.kind === 'which-heading' || card.kind === 'which-fact'
        ? others
        : located && card.path.length <= located.section.path.length
          ? sectionTerms(located.section)
          : [];
    if (!stem.givesAway(others, choice, true, under)) return question;
    // The card's own draws try other options for any cue the options could clear.
    if (persist && choice) continue;
    if (!choice || sharedCommonWord(card.prompt, answer, others) === undefined) return 'leak';
    if (stem.givesAway(others, choice, false, under)) return 'leak';
  }
  return 'leak';
}

/** How often the options are drawn for a card whose stem shares a common word with the answer only. */
const COMMON_WORD_DRAWS = 4;

/**
 * The notes' text around a question gives its answer away (issue 13, LEAK):
 * the answer itself, also inside a camel-case word (`NotAction` shows
 * Action), an abbreviation spelled out ("Multi-Factor Authentication" →
 * MFA) or its initials (DMS), the same thing in other words (監視 →
 * モニタリング, `DelaySeconds` → 遅延キュー, `igw-…` → インターネットゲートウェイ).
 * Among options also a part of the answer no other option has, in any form
 * ("VPC" → aws:SourceVpc, "古いバージョン" → バージョニング, "パーティションに分けて"
 * → パーティションプレイスメントグループ): the learner picks the option that
 * matches the words, not the one they know. The path shown is the headings
 * above, which the options share: only the answer itself counts there
 * ("EC2" above "EC2 Bare Metal" tells nothing among EC2 features). Such a
 * card is not asked: a masked clue would have to hide the words of every
 * option alike, and a clue with holes teaches less than no card.
 * The topic's title in the header counts too: an answer it names is given
 * away ("後半は ＿＿＿ です" → AWS IAM in a lecture on CloudWatch and IAM),
 * and the answer's words it holds tell nothing, so the rest of the answer
 * in the stem names it ("Streams" above a meaning in notes on DynamoDB →
 * DynamoDB Streams). A kanji word of the answer is given away by two of its
 * kanji ("標準解像度" → 高解像度メトリクス) or by its kanji read on its own
 * ("重み" → 加重), typed or among options (overlap.ts sharedKanji).
 */
export function stemGivesAway(
  path: string,
  text: string,
  answer: string,
  others: readonly string[],
  choice = others.length > 0,
  topic = '',
  /** Whether a common word only the answer's option has counts (makeQuestion draws again). */
  commonWords = true,
  /** The names under the path's last heading as well as the answer (see headingGivesAway). */
  underHeading: readonly string[] = [],
): boolean {
  return new Stem(path, text, answer, topic).givesAway(others, choice, commonWords, underHeading);
}

/**
 * partCounts of the options. With no wrong option every part of the answer
 * counts once, as a part no count is given for (cards.ts ownPartShows): none
 * is counted.
 */
function optionParts(answer: string, others: readonly string[]): PartCounts {
  return others.length > 0 ? partCounts([answer, ...others]) : new Map();
}

/**
 * The text of one stem as the give-away checks read it (stemGivesAway), each
 * part worked out once however often the stem is checked (a card's own draws
 * check it up to sixteen times): the cues no option can clear, and each
 * check in its strongest form, with no wrong option beside the answer. Every
 * check is monotone in the options (options only ever clear a cue), so one
 * whose strongest form finds no cue finds none with any options, and the
 * options are looked at only for a check whose strongest form finds one.
 */
class Stem {
  private readonly strongest = new Map<string, boolean>();
  private shownMemo: boolean | undefined;
  private typedMemo: boolean | undefined;
  private spelledMemo: boolean | undefined;
  private wordsMemo: { word: string; inTopic: boolean }[] | undefined;
  /** The answer has a letter: a number's cues are the path and the line only. */
  readonly letter: boolean;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly answer: string,
    readonly topic: string,
    /** Whether the topic's title shows each word (showsWord), shared by the stems of one topic. */
    private readonly topicShows = new Map<string, boolean>(),
  ) {
    this.letter = /[\p{L}]/u.test(answer);
  }

  /** The words of the answer (overlap.ts nameWords) and whether the topic's title shows each. */
  private answerWords(): { word: string; inTopic: boolean }[] {
    this.wordsMemo ??= answerNameWords(this.answer).map((word) => {
      let inTopic = this.topicShows.get(word);
      if (inTopic === undefined) {
        inTopic = showsWord(this.topic, word);
        this.topicShows.set(word, inTopic);
      }
      return { word, inTopic };
    });
    return this.wordsMemo;
  }

  /** stemGivesAway of this stem. */
  givesAway(
    others: readonly string[],
    choice: boolean,
    commonWords: boolean,
    underHeading: readonly string[],
  ): boolean {
    // The cheapest and most often found checks first (on the bench corpus the heading finds
    // a cue for a third of the stems, most others almost never).
    if (!choice) return this.anyForm(others) || this.typed();
    // Options all under the heading (a which-* card's siblings): it tells nothing among them.
    const heading = underHeading !== others || others.length === 0;
    return (
      (heading && this.heading(others, underHeading)) ||
      this.anyForm(others) ||
      this.choice(others, commonWords)
    );
  }

  /**
   * A check with these options: its strongest form first (once), then, only
   * when that finds a cue and there are options, the check with them.
   */
  private cue(
    key: string,
    others: readonly string[],
    check: (others: readonly string[]) => boolean,
    /** check([]), when it can be told cheaper. */
    strongest = () => check([]),
  ) {
    let found = this.strongest.get(key);
    if (found === undefined) {
      found = strongest();
      this.strongest.set(key, found);
    }
    return found && others.length > 0 ? check(others) : found;
  }

  /** The cues no option clears: the answer in the path or the line. */
  private shown(): boolean {
    if (this.shownMemo === undefined) {
      const { path, text, answer } = this;
      const split = text.replace(/([a-z])([A-Z])/gu, '$1 $2');
      this.shownMemo =
        leaksWord(path, answer) ||
        leaksWord(text, answer) ||
        (split !== text && leaksWord(split, answer));
    }
    return this.shownMemo;
  }

  /** The cue no option clears either: the answer spelled out, or its initials (spelledOut). */
  private spelled(): boolean {
    this.spelledMemo ??= spelledOut(this.text, this.answer);
    return this.spelledMemo;
  }

  /** What gives the answer away typed or among options alike (anyFormGivesAway). */
  anyForm(others: readonly string[]): boolean {
    if (this.shown()) return true;
    const { path, text, answer, topic } = this;
    if (this.cue('otherWords', others, (o) => namesInOtherWords(text, answer, o))) return true;
    if (!this.letter) return this.spelled();
    return (
      // topicNames and namesRest with no options: every word of the answer in the topic's
      // title; the words that are not, every one of them in the path or the line.
      this.cue(
        'topic',
        others,
        (o) => topicNames(topic, answer, o),
        () => {
          const words = this.answerWords();
          return words.length > 0 && words.every((w) => w.inTopic);
        },
      ) ||
      this.cue(
        'rest',
        others,
        (o) => namesRest(`${path}\n${text}`, answer, topic, o),
        () => {
          const rest = this.answerWords().filter((w) => !w.inTopic);
          const stem = `${path}\n${text}`;
          return rest.length > 0 && rest.every((w) => showsWord(stem, w.word));
        },
      ) ||
      this.cue('kanji', others, (o) => sharedKanji(text, answer, o) !== undefined) ||
      this.spelled()
    );
  }

  /** What gives a typed answer away (typedGivesAway): no options to clear it. */
  typed(): boolean {
    this.typedMemo ??= typedGivesAway(this.text, this.answer);
    return this.typedMemo;
  }

  /** headingGivesAway of this stem. */
  heading(others: readonly string[], underHeading: readonly string[] = []): boolean {
    const { path, answer, topic } = this;
    return this.cue('heading', others, (o) =>
      headingGivesAway(path, answer, o, topic, underHeading),
    );
  }

  /** What gives the answer away among options (choiceGivesAway). */
  choice(others: readonly string[], commonWords: boolean): boolean {
    // A number's options are numbers: "250" on the line is no part of the answer 50.
    if (!this.letter) return false;
    const { text, answer } = this;
    // Cheapest for what they find first.
    return (
      this.cue('kana', others, (o) => {
        const form = katakanaForm(text, answer);
        return form !== undefined && !o.some((other) => other.normalize('NFKC').includes(form));
      }) ||
      // A common word (ポリシー, Key Pair) is a cue too when only the answer has it (round 4).
      (commonWords &&
        this.cue('common', others, (o) => sharedCommonWord(text, answer, o) !== undefined)) ||
      this.cue('term', others, (o) => termGivenAway(answer, text, optionParts(answer, o))) ||
      // Two words of the answer that no other option has together (round 7, LEAK).
      this.cue('parts', others, (o) => partsTogether(text, answer, o))
    );
  }
}

/** The stem of a card's own text and the path it shows, read once per card and deck. */
const stemCache = new WeakMap<Card, { located: Located; stem: Stem }>();

/**
 * The stems of a topic's cards, one map per topic: which words its title
 * shows (Stem.topicShows), and its stems by their text, so that cards of one
 * text share one (a which-heading card of one clue line and the which-fact
 * card of that line: a third of the which-* cards). Within one topic only.
 */
const topicStems = new WeakMap<
  Section,
  { shows: Map<string, boolean>; byText: Map<string, Stem> }
>();

function stemOf(card: Card, located: Located): Stem {
  const cached = stemCache.get(card);
  if (cached?.located === located) return cached.stem;
  let ofTopic = topicStems.get(located.topic);
  if (!ofTopic) {
    ofTopic = { shows: new Map(), byText: new Map() };
    topicStems.set(located.topic, ofTopic);
  }
  const path = pathInStem(card, located);
  const { prompt, answer } = card;
  const topic = located.topic.title;
  const key = `${path}\u0000${prompt}\u0000${answer}`;
  let stem = ofTopic.byText.get(key);
  if (
    stem?.path !== path ||
    stem.text !== prompt ||
    stem.answer !== answer ||
    stem.topic !== topic
  ) {
    stem = new Stem(path, prompt, answer, topic, ofTopic.shows);
    ofTopic.byText.set(key, stem);
  }
  stemCache.set(card, { located, stem });
  return stem;
}

/**
 * Among options, the last heading of the path shown names a part of the
 * answer that no other option has (round 7, LEAK): "Reserved" above "long
 * workloads whose instance type may change", among Convertible Reserved
 * Instances, On-Demand, Dedicated and Spot Instances, is the answer's word.
 * The part test of termGivenAway on the heading; not the topic's title
 * alone (it is above every card of the notes), nor a part every option has,
 * nor a heading that is above another option too (`underHeading`: the terms
 * of the answer's section, the sibling headings of a which-* card): "VPC"
 * above VPC Flow Logs, NAT Gateway and Internet Gateway alike tells nothing.
 */
export function headingGivesAway(
  path: string,
  answer: string,
  others: readonly string[],
  topic: string,
  underHeading: readonly string[] = [],
): boolean {
  // One heading alone is the topic's title or stands for it ("EC2" above EC2 Bare Metal).
  const headings = path.split(' › ');
  const heading = headings.at(-1)?.trim() ?? '';
  if (headings.length < 2 || heading === topic.trim() || !/[\p{L}]/u.test(answer)) return false;
  const under = new Set(underHeading.map(keyOf));
  if (others.some((other) => under.has(keyOf(other)))) return false;
  const counts = optionParts(answer, others);
  const split = heading.replace(/([a-z])([A-Z])/gu, '$1 $2');
  return ownPartShows(answer, heading, counts) || ownPartShows(answer, split, counts);
}

/** What gives a typed answer away (see stemGivesAway). */
function typedGivesAway(text: string, answer: string): boolean {
  // Typed: a word of the answer on the line is half of what is typed (derived.ts).
  if (/[\p{L}]/u.test(answer) && typedWordGivenAway(text, answer)) return true;
  // Typed: the line's キーペア is the "Key Pair" to type (round 4, LEAK).
  return transliterates(text, answer);
}

function askCard(
  card: Card,
  index: DeckIndex,
  rng: Rng,
  mode: QuestionMode,
  say: Say,
  /** Whether wrong options say where they come from (OptionOrigin); no rng is drawn for them. */
  origins = true,
): Question | undefined {
  const t = (key: string, params?: Record<string, string | number>) =>
    say(params ? { key, params } : { key });
  const located = index.byRef.get(card.section);
  if (!located) return undefined;
  const fullPath = card.path.join(' › ');
  // The path gives context, unless it names the answer: then only its headings above
  // the first that names it, or nothing. A file's name is no heading (see shownPath).
  const shown = shownPath(card, located);
  // The path of the card's stem, read once for all its draws (stemOf).
  const { path } = stemOf(card, located);
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
    card.kind === 'recall' && card.prompt.startsWith(`${fullPath} › `)
      ? [...shown, card.prompt.slice(fullPath.length + 3)].join(' › ')
      : shown.join(' › ');
  /** A stem with the path, or its bare form when there is no path to show. */
  const withPath = (key: 'q.cloze' | 'q.clozeChoice' | 'q.term' | 'q.termTyped' | 'q.qa') =>
    path ? t(key, { path }) : t(`${key}Bare`);
  // "Explain (3 points): …": the learner knows how much the notes expect, so a
  // self-graded answer has something to be measured against.
  const points = card.answer.split('\n').filter((line) => line.trim()).length;
  const recall = (): Question | undefined =>
    mode === 'exam' || !recallPath
      ? undefined
      : {
          ...base(card, located),
          format: 'recall',
          stem:
            points >= 2
              ? t('q.recallPoints', { path: recallPath, n: points })
              : t('q.recall', { path: recallPath }),
        };

  switch (card.kind) {
    case 'recall':
      return recall();

    case 'qa': {
      // The notes' own question, asked as written (cards.ts qaUnits). When its answer is a
      // name, the answers of the topic's other questions that are names of the same shape are
      // the wrong options (storage classes beside storage classes); else, and in study when
      // too few, the learner answers in their head and grades themselves, as for a recall.
      const stem = `${withPath('q.qa')}\n${card.prompt}`;
      if (isNameAnswer(card.answer)) {
        const shape = answerShape(card.answer);
        // The section's own answers are of the answer's kind whatever their spelling
        // ("SSE-C" beside "SSE-KMS（…）" and "S3 バケットキー…"); others must look alike.
        const ownAnswers = infoOf(located.section).qas;
        const own = new Set(ownAnswers);
        const tiers = (function* () {
          yield ownAnswers;
          for (const tier of relatives(located, poolOf(index, 'qas')))
            yield tier.flatMap((s) => (s.key[0] === located.section.key[0] ? infoOf(s).qas : []));
        })();
        const distractors = pickDistractors(card.answer, tiers, need, rng, [], (candidate) => {
          return (
            (own.has(candidate) || answerShape(candidate) === shape) &&
            !leaksWord(card.prompt, candidate) &&
            !sameName(candidate, card.answer)
          );
        });
        const asked = choice(card, located, stem, card.answer, distractors, rng);
        const others = (asked?.options ?? []).filter((_, i) => i !== asked?.correct);
        if (asked && !stemOf(card, located).givesAway(others, true, true, [])) return asked;
      }
      return mode === 'exam' ? undefined : { ...base(card, located), format: 'recall', stem };
    }

    case 'which-heading':
    case 'which-fact': {
      // "Which heading under X does this describe?" / "Which of these under X
      // fits this description?": the clue was worked out with the card
      // (cards.ts headingClue, describingLines), unmasked; the options are the
      // sibling headings of the same kind that are no close relatives of the
      // answer and that the clue does not fit too (cards.ts clueOptions). A card of the former "which statement
      // is true" form (answer = its line) is no longer asked, and a card that
      // cannot get options is not asked at all (no "Explain: <heading>").
      if (card.kind === 'which-fact' && card.answer === card.source) return undefined;
      if (!card.prompt) return undefined;
      const others = clueOptions(located, siblingsOf(index, located), card.prompt.split('\n'));
      const byKey = new Map(others.map((s) => [keyOf(s.title), s]));
      const distractors = pickDistractors(card.answer, [others.map((s) => s.title)], need, rng);
      const parent = card.path.slice(0, -1).join(' › ');
      if (!parent) return undefined;
      const ask =
        card.kind === 'which-heading'
          ? t('q.whichHeading', { parent })
          : t('q.whichFits', { parent });
      return choice(
        card,
        located,
        `${ask}\n${card.prompt}`,
        card.answer,
        distractors,
        rng,
        origins ? (o) => headingOrigin(byKey.get(keyOf(o))) : undefined,
      );
    }

    case 'list-children': {
      // Only closed enumerations have this card (cards.ts enumerationItems).
      const items = uniqueBy(card.items ?? [], foldTight);
      if (items.length < 2) return undefined;
      const outsider = enumerationOutsider(located, items, index, rng);
      const listing = (): Question | undefined =>
        mode === 'exam' || items.length > RECALL_LIST_MAX
          ? undefined
          : {
              ...base(card, located),
              format: 'recall',
              stem: t('q.listChildren', { path, n: items.length }),
            };
      if (!outsider || (mode === 'study' && items.length <= RECALL_LIST_MAX && rng() < 0.5)) {
        return listing();
      }
      const children = new Map(
        located.section.children.map((child) => [keyOf(child.title), child] as const),
      );
      const shown = shuffle(items, rng).slice(0, OPTION_COUNT - 1);
      return (
        choice(
          card,
          located,
          t('q.notMember', { path, n: items.length }),
          outsider.title,
          shown,
          rng,
          (option) => {
            // A member chosen as the outsider: it belongs to this very list.
            return children.has(keyOf(option)) ? { heading: located.section.title } : undefined;
          },
        ) ?? listing()
      );
    }

    case 'cloze': {
      const isNumber = /^[\d０-９,，.]+$/.test(card.answer);
      if (isNumber) {
        // Other values of the same unit, from these notes first: every option is a number
        // a learner could believe. Typed in study; in an exam only with such options.
        if (mode === 'study')
          return typed(
            `${withPath('q.cloze')}\n${card.prompt}`,
            withUnits(card.answer, card.prompt),
          );
        const numbers = numberDistractors(
          card.answer,
          card.prompt,
          nearbyLines(located),
          need,
          rng,
        );
        return choice(
          card,
          located,
          `${withPath('q.clozeChoice')}\n${card.prompt}`,
          card.answer,
          numbers,
          rng,
        );
      }
      if (mode === 'study' && [...card.answer].length <= TYPED_CLOZE_MAX) {
        return typed(`${withPath('q.cloze')}\n${card.prompt}`, withUnits(card.answer, card.prompt));
      }
      // Other key terms of the notes are the distractors: names of the same shape
      // (a service, a katakana term, an identifier), never a word printed in the line,
      // never a name of the answer. Blanks that are phrases are not made (cards.ts isTermLike).
      const shape = answerShape(card.answer);
      // `aws:PrincipalOrgID` among condition keys, not beside `ThrottlingException` (held-out
      // notes, round 16: JUNK-OPTION): a namespaced identifier is of another shape than a
      // bare one (`sts:AssumeRole` stays an option for `iam:PassRole`).
      const namespaced = namespaceOf(card.answer) !== '';
      const headings = new Set(card.path.map(keyOf));
      return sameShape(
        (info) => info.clozes,
        poolOf(index, 'clozes'),
        `${withPath('q.clozeChoice')}\n${card.prompt}`,
        `${withPath('q.cloze')}\n${card.prompt}`,
        // The same topic only: "IoT データ" or "HPC" from another topic next to an
        // Availability Zone is junk a learner rules out without knowing anything.
        (section) => section.key[0] === located.section.key[0],
        (candidate) =>
          answerShape(candidate) === shape &&
          (namespaceOf(candidate) !== '') === namespaced &&
          // "Storage Gateway" for a blank under "Storage Gateway" (its Volume Gateway): the
          // heading names the family the answer belongs to, true too (round 16, SIBLING-TRUE).
          !headings.has(keyOf(candidate)) &&
          !leaksWord(card.prompt, candidate) &&
          !sameName(candidate, card.answer),
      );
    }

    case 'term': {
      // GRAMMAR-CUE: a label of an open set ("Security Best Practices", 特徴) over a
      // list of advice is the only option that fits a list's shape, and no term.
      if (isOpenSetHeading(card.answer)) return undefined;
      // The wrong options are the answer's nearest relatives only: the other heads under
      // the same head bullet, then the terms of the same part of the section (between the
      // same bold labels). A term of a sibling section, or of the next bold label down a
      // headingless memo, is of another kind ("MFA Delete" among the encryption options,
      // DynamoDB terms under an SQS label) and no real contender. Options are also of the
      // answer's kind of name (an identifier among identifiers, Japanese among Japanese).
      // Fewer than two such options: no multiple choice (typed in study for a short name).
      const part = labelLineAbove(located.section, card.line);
      const inPart = new Set(
        sectionTermLines(located.section)
          .filter((entry) => labelLineAbove(located.section, entry.line) === part)
          .map((entry) => entry.term),
      );
      const head = headWord(card.answer);
      const sameHead = (terms: string[]) => terms.filter((term) => headWord(term) === head);
      // The answer's own list (the names defined beside it under the same head bullet, in
      // the same table or list) gives the options: "Spot" is among purchase options, not
      // beside a placement strategy or a volume type.
      const group = termGroup(located.section, card.line).filter(
        (term) => keyOf(term) !== keyOf(card.answer),
      );
      // Names that share a word of their own with the answer ("Dedicated Hosts" beside
      // "Dedicated Instances"): what the notes say of one is too often true of the other.
      const relatives = closeRelatives(card.answer, [card.answer, ...group]);
      // Beyond its own list, only names of the answer's head word ("…キュー", "… endpoint")
      // of the same part: a term of another list is of another kind, and too few
      // options of its own kind make no multiple-choice card (typed, or not asked).
      const siblings = siblingTerms(card, located.section).filter((term) => inPart.has(term));
      // Within each of those, the names whose own meaning speaks of the same things as the
      // asked one come first ("a stateful firewall" beside "a stateless firewall", two times
      // beside two times): a learner who half knows the answer hesitates between them. A
      // name whose meaning says the same as the asked one is no wrong option (SIBLING-TRUE).
      const meanings = termMeanings(located.section);
      const related = (term: string) => kinship(card.prompt, term, head, meanings);
      const byKin = (terms: string[]) => {
        const scored = terms.map((term) => ({ term, kin: related(term) }));
        return [2, 1, 0].map((level) =>
          scored.filter((s) => Math.min(2, s.kin) === level).map((s) => s.term),
        );
      };
      const tiers = [group, siblings, sameHead([...inPart])].flatMap(byKin);
      // A heading that lists subjects ("Streams / TTL / DAX") names the one asked: a
      // term whose own part is in it is given away by the stem.
      const heading = shownPath(card, located).at(-1) ?? '';
      if (
        /[/／・&、,]/u.test(heading) &&
        termGivenAway(card.answer, heading, infoOf(located.section).terms)
      )
        return undefined;
      const groupKeys = new Set(group.map(keyOf));
      const distractors = pickDistractors(card.answer, tiers, need, rng, [], (candidate) => {
        return (
          sameTermKind(candidate, card.answer) &&
          !leaksWord(card.prompt, candidate) &&
          (!sameName(candidate, card.answer) || wordOfName(candidate, card.answer, groupKeys)) &&
          !relatives.has(candidate) &&
          !saysTheSame(card.prompt, meanings.get(keyOf(candidate)))
        );
      });
      const asked = choice(
        card,
        located,
        `${withPath('q.term')}\n${card.prompt}`,
        card.answer,
        distractors,
        rng,
      );
      if (asked || mode === 'exam') return asked;
      // Typing a term from its description is fair only for a short, distinctive name;
      // a long phrase can be said many ways and is no question.
      // A term the notes give other names for ("「Amazon提供DNS」ともいう") has as many right
      // answers to type as names: it is asked with options only (round 6, SYNONYM).
      if (hasOtherNames(card, located)) return undefined;
      return isTypeableTerm(card.answer) && meaningOfSubstance(card.prompt)
        ? typed(`${withPath('q.termTyped')}\n${card.prompt}`)
        : undefined;
    }
  }
}

/**
 * The path a stem names: for which-heading and which-fact the headings above
 * the answer; else the shown path (shownPath) up to the first heading that
 * names the answer.
 */
export function pathInStem(card: Card, located: Located): string {
  if (card.kind === 'which-heading' || card.kind === 'which-fact')
    return card.path.slice(0, -1).join(' › ');
  // "Q38 Direct Connect Gateway", "Q13 — SQS ordering + exactly once": an error log's entry,
  // headed by the learner's summary of the question, which names its answer more often than
  // not (held-out notes, round 16: 7 of 30 cards judged LEAK). The question says it all.
  const path = shownPath(card, located);
  const titles =
    card.kind === 'qa' && QUESTION_NUMBER.test(path.at(-1) ?? '') ? path.slice(0, -1) : path;
  // A title that shows the answer only in its chapter number is shown without it. A title
  // that does not show it is shown as it is, so it is tested once.
  const shown: string[] = [];
  for (const title of titles) {
    if (!leaksWord(title, card.answer)) shown.push(title);
    else {
      const plain = withoutNumbering(title);
      if (leaksWord(plain, card.answer)) break;
      shown.push(plain);
    }
  }
  return shown.join(' › ');
}

/**
 * A heading without its chapter or lecture number ("第3章", "Lecture 5"): the
 * number orders the notes and says nothing of the subject, so a cloze of
 * "3つ以上のAZ" under "第3章 ストレージ › S3 Standard" keeps its path, shown as
 * "ストレージ › S3 Standard" (issue 13, NOCONTEXT: without it the line names no class).
 */
function withoutNumbering(title: string): string {
  const plain = title
    .replace(
      /第\s*[0-9０-９]+\s*[章節回部編講]|\b(?:chapter|part|lecture|lesson|module|section|unit|day|week)\s*[0-9]+\b[.:：]?/giu,
      ' ',
    )
    .replace(/\s+/gu, ' ')
    .trim();
  return plain || title;
}

/**
 * The heading path a stem shows. A topic named after its file (a file
 * without a top-level heading) is no heading: its place is taken by the
 * bold line that heads the card's part of the file (`**Lambda**`), if any,
 * else by the title made from the file (title.ts: "Monitoring" of
 * memo-monitoring.md), never by a name that left no title ("memo.md").
 * Display only: the card's ids and topic stay.
 */
export function shownPath(card: Card, located: Located): string[] {
  if (located.topic.depth !== 0) return card.path;
  const below = card.path.slice(1);
  if (below.length > 0) return below;
  const label = labelAbove(located.section, card.line);
  if (label) return [label];
  // The topic's title made from its file name (title.ts), unless the name left nothing.
  return located.topic.untitled ? [] : [located.topic.title];
}

/** The last bold-only line (`**SQS**`, `**キャパシティ計算**【試験に出る】`) above `line` in the section. */
function labelAbove(section: Section, line: number): string | undefined {
  let label: string | undefined;
  for (const found of boldLabels(section, line))
    if ([...found.name].length <= 40) label = found.name;
  return label;
}

/** The bold-only lines (a label and nothing else but 【…】 or a colon) above `line`, in order. */
function* boldLabels(section: Section, line: number): Generator<{ line: number; name: string }> {
  for (const block of section.blocks) {
    if (block.line >= line) return;
    if (block.kind !== 'line') continue;
    const bold = block.spans.find((span) => span.kind !== 'code' && span.start === 0);
    if (!bold) continue;
    const rest = block.text.slice(bold.end).replace(/【[^】]*】|[\s:：]/gu, '');
    const name = block.text.slice(bold.start, bold.end).trim();
    if (rest === '' && name) yield { line: block.line, name };
  }
}

/** Lines near a card, nearest first: its section, then the rest of its topic. */
function* nearbyLines(located: Located): Generator<string> {
  for (const block of located.section.blocks) yield block.text;
  const rest: Section[] = [];
  walk(located.topic, (section) => {
    if (section !== located.section) rest.push(section);
  });
  for (const section of rest) for (const block of section.blocks) yield block.text;
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

/** The namespace of an identifier (`aws` of `aws:SourceIp`, `s3` of `s3:GetObject`), else ''. */
export function namespaceOf(text: string): string {
  return /^([A-Za-z][\w-]*)::?(?=[A-Za-z$])/u.exec(text.trim())?.[1]?.toLowerCase() ?? '';
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
    .filter((unit) => !isCategoryHead(unit))
    .flatMap((unit) => unitTerm(unit)?.term ?? [])
    .filter((term) => isTermName(term));
}

/**
 * Two terms of one kind of name: both identifiers (`aws:SourceIp`) or neither,
 * both written in Japanese or both in Latin letters, of comparable length.
 */
export function sameTermKind(a: string, b: string): boolean {
  // An identifier (`aws:SourceIp`, `t3.micro`), not a CamelCase name (`CacheHitCount`).
  const code = (text: string) => !/\s/u.test(text.trim()) && /[:_$./]/u.test(text);
  if (code(a) !== code(b)) return false;
  const japanese = (text: string) =>
    /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
  if (japanese(a) !== japanese(b)) return false;
  const la = [...a.trim()].length;
  const lb = [...b.trim()].length;
  return Math.max(la, lb) <= 2.5 * Math.min(la, lb) + 2;
}

/**
 * The head word of a name: its last English word (no plural s; the last word of
 * a camel-case name: Latency of IntegrationLatency, Count of CacheHitCount), or
 * its last run of katakana or of kanji (キー of カスタマー管理キー, キュー of
 * FIFOキュー), else its last three characters.
 */
function headWord(term: string): string {
  const text = term.replace(/[(（][^()（）]*[)）]\s*$/u, '').trim();
  const word = (text.match(/[A-Z]?[a-z]+$/u) ?? text.match(/[A-Za-z]+$/u))?.[0];
  if (word) return word.toLowerCase().replace(/s$/u, '');
  const run = text.match(/(?:[\p{Script=Katakana}ー]{2,}|[\p{Script=Han}々]{2,})$/u)?.[0];
  return run ?? [...text].slice(-3).join('');
}

/**
 * The meaning each term of a section is asked by, by the term's key: the
 * definition of a `term：meaning` line or row, the clue of a head bullet.
 */
const meaningCache = new WeakMap<Section, Map<string, string>>();

function termMeanings(section: Section): Map<string, string> {
  let meanings = meaningCache.get(section);
  if (meanings) return meanings;
  meanings = new Map();
  const units = outlineUnits(section.blocks);
  for (const { term, line } of sectionTermLines(section)) {
    const block = section.blocks.find((b) => b.line === line);
    const defined = block ? termOf(block) : undefined;
    const meaning =
      defined?.term === term
        ? defined.definition
        : units
            .find((unit) => unit.head.line === line)
            ?.children.map((child) => child.text)
            .join('\n');
    if (meaning && !meanings.has(keyOf(term))) meanings.set(keyOf(term), meaning);
  }
  meaningCache.set(section, meanings);
  return meanings;
}

/**
 * How near a wrong option is to the asked meaning: the content words its own
 * meaning shares with it (firewall, allow, rules; 時間, リクエスト), and two more
 * when it has the answer's head word (Latency beside IntegrationLatency).
 */
function kinship(asked: string, term: string, head: string, meanings: Map<string, string>): number {
  const own = meanings.get(keyOf(term));
  let shared = 0;
  if (own) {
    const words = kinWords(own);
    for (const word of kinWords(asked)) if (words.has(word)) shared += 1;
  }
  return shared + (headWord(term) === head ? 2 : 0);
}

/**
 * The words two meanings can share: content words, and in Japanese each pair
 * of kanji in a row (最低 of 最低保存期間 and of 最低180日) and each katakana word.
 */
function kinWords(text: string): Set<string> {
  const words = new Set(contentWords(text));
  for (const run of text.normalize('NFKC').match(/[\p{Script=Han}々]{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) words.add(`${chars[i]}${chars[i + 1]}`);
  }
  return words;
}

/**
 * The option's own meaning says what the asked one says (issue 13,
 * SIBLING-TRUE): nearly all the content words of the two are the same (not
 * those of the shorter only: "the number of all orders" is no restatement of
 * "the number of orders served from the store").
 * Not by characters (SAME_FACT_SIMILARITY): two meanings of one list share
 * their frame, and "…クライアント側エラーの数" beside "…サーバー側エラーの数" is
 * the very contrast to ask (4XXError, 5XXError).
 */
function saysTheSame(asked: string, meaning: string | undefined): boolean {
  if (meaning === undefined) return false;
  // "出せた" / "出せなかった", "can" / "cannot": the same words saying the opposite.
  if (NEGATION.test(asked) !== NEGATION.test(meaning)) return false;
  const a = contentWords(asked);
  const b = contentWords(meaning);
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared >= 2 && shared / (a.size + b.size - shared) >= SAME_MEANING;
}

/** Share of their content words two meanings have in common when they say the same thing. */
const SAME_MEANING = 0.8;

const NEGATION = /(?:ない|なかった|ず[、。]|不可|なし|\b(?:not|no|never|cannot|can't|without)\b)/iu;

/**
 * Two names of one list where one is a word of the other's camel case
 * (Latency, IntegrationLatency; GetItem, BatchGetItem): two things the notes
 * define apart, not two names of one thing.
 */
function wordOfName(a: string, b: string, list: ReadonlySet<string>): boolean {
  if (!list.has(keyOf(a)) || /\s/u.test(a.trim()) || /\s/u.test(b.trim())) return false;
  const [short, long] = a.length <= b.length ? [a.trim(), b.trim()] : [b.trim(), a.trim()];
  const words = long.replace(/([a-z0-9])([A-Z])/gu, '$1 $2').split(' ');
  const shortWords = short.replace(/([a-z0-9])([A-Z])/gu, '$1 $2').split(' ');
  return (
    words.length > shortWords.length &&
    (long.startsWith(short) || long.endsWith(short)) &&
    /^[A-Z]/u.test(short)
  );
}

/**
 * The terms defined beside the one on `line`: lines of the same kind (table
 * rows with table rows), nested under the same head bullet at the same depth,
 * between the same bold labels. Its own term is among them.
 */
function termGroup(section: Section, line: number): string[] {
  const blocks = new Map<number, Block>();
  for (const block of section.blocks) if (!blocks.has(block.line)) blocks.set(block.line, block);
  const own = blocks.get(line);
  if (!own) return [];
  const part = labelLineAbove(section, line);
  return sectionTermLines(section)
    .filter((entry) => {
      const block = blocks.get(entry.line);
      return (
        block !== undefined &&
        (block.kind === 'row') === (own.kind === 'row') &&
        block.parent === own.parent &&
        (block.depth ?? 0) === (own.depth ?? 0) &&
        labelLineAbove(section, entry.line) === part
      );
    })
    .map((entry) => entry.term);
}

/**
 * A test for names that share a word of their own with `answer`: a word that
 * is not the class of the answer's list (`group`: most of it has the word, or
 * the word ends every name that has it: "Instances", "キュー", "endpoint").
 */
function closeRelatives(answer: string, group: readonly string[]): { has(key: string): boolean } {
  const names = [...new Map(group.map((term) => [keyOf(term), term.trim()])).values()];
  const counts = new Map<string, number>();
  const notLast = new Set<string>();
  for (const name of names) {
    const last = headWord(name);
    for (const word of nameWords(name)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (word.replace(/s$/u, '') !== last) notLast.add(word);
    }
  }
  const most = Math.max(2, Math.ceil(names.length / 2));
  const own = [...nameWords(answer)].filter(
    (word) => (counts.get(word) ?? 0) < most && notLast.has(word),
  );
  const cache = new Map<string, boolean>();
  return {
    has(key: string) {
      let hit = cache.get(key);
      if (hit === undefined) {
        const words = nameWords(key);
        hit = key !== keyOf(answer) && own.some((word) => words.has(word));
        cache.set(key, hit);
      }
      return hit;
    },
  };
}

/** The words of a name, its brackets left out, hyphenated parts too ("SSE-KMS" → sse-kms, sse, kms). */
function nameWords(name: string): Set<string> {
  return new Set(
    [...contentWords(name.replace(/[(（][^()（）]*[)）]/gu, ' '))]
      .flatMap((word) => [word, ...word.split('-')])
      .filter((word) => [...word].length >= 2 && !/^\d+$/u.test(word))
      .filter((word) => !/^(?:aws|amazon)$/u.test(word)),
  );
}

/** The line of the last bold-only label above `line` in the section, or -1. */
function labelLineAbove(section: Section, line: number): number {
  let at = -1;
  for (const found of boldLabels(section, line)) at = found.line;
  return at;
}

/** Two names of one thing: one contains the other (`Standard-IA` / `S3 Standard-IA`). */
function sameName(a: string, b: string): boolean {
  const fa = foldTight(a);
  const fb = foldTight(b);
  return fa.length > 0 && fb.length > 0 && (fa.includes(fb) || fb.includes(fa));
}

/** A term short and distinctive enough to type from memory: a name, not a phrase. */
/**
 * A meaning that calls up one name to type (round 4, NOCONTEXT): "並列ダウンロード"
 * alone fits several names and ways to write them. Japanese: ten characters or
 * more, with a predicate or two content words tied by a particle; English:
 * four words or more. Multiple choice may ask a shorter meaning: the options
 * narrow it.
 */
export function meaningOfSubstance(meaning: string): boolean {
  const text = meaning.normalize('NFKC').trim();
  if (!isJapanese(text)) return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length >= 4;
  if ([...text.replace(/\s/gu, '')].length < 10) return false;
  if (endsInPredicate(text)) return true;
  const words =
    text.match(/[\p{Script=Han}々]{2,}|[\p{Script=Katakana}ー]{2,}|[A-Za-z0-9]{2,}/gu) ?? [];
  return words.length >= 2 && /[のをにがでへはもと]|から|まで|より/u.test(text);
}

export function isTypeableTerm(term: string): boolean {
  const chars = [...term.trim()].length;
  const words = term.trim().split(/\s+/u).length;
  if (chars < 2 || chars > 20 || words > 3) return false;
  const shape = answerShape(term);
  if (shape === 'name' || shape === 'kana' || shape === 'code') return true;
  return chars <= 12 && /[\p{Script=Katakana}A-Z0-9]/u.test(term);
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

/**
 * list-children, "which is NOT one of X?": an outsider of the same shape, an
 * item of another closed enumeration (nearest first), never
 * - a twin of an item ("Dedicated Host" / "Dedicated Hosts"),
 * - a name with the items' shared head word (an "FSx Gateway" among File / Volume /
 *   Tape Gateway may well be one more kind the notes did not list),
 * - a name that the asked section's own lines mention (it may be a member).
 */
function enumerationOutsider(
  located: Located,
  items: readonly string[],
  index: DeckIndex,
  rng: Rng,
): { title: string; from: Section } | undefined {
  const head = commonHead(items);
  const topic = located.section.key[0];
  const shapes = new Set(items.map(answerShape));
  const body = located.section.blocks.map((b) => b.text).join('\n');
  const from = new Map<string, Section>();
  const tiers = (function* () {
    for (const tier of relativeTiers(index, located, rng, poolOf(index, 'enumerations'))) {
      const names: string[] = [];
      for (const section of tier) {
        // An item of another topic's list is of another subject ("REST API" among
        // EC2 instance types): no learner would pick it (plausibility 0).
        if (section.key[0] !== topic) continue;
        for (const name of enumerationItems(section)) {
          if (!from.has(keyOf(name))) from.set(keyOf(name), section);
          names.push(name);
        }
      }
      yield names;
    }
  })();
  const accept = (name: string) =>
    // The same shape as the items: a katakana name among katakana names.
    shapes.has(answerShape(name)) &&
    // "Transit Gateway" next to "AWS Direct Connect + Transit Gateway": part of a member.
    !items.some(
      (item) => headingTwins(item, name) || leaksWord(item, name) || leaksWord(name, item),
    ) &&
    !(head && commonHead([...items, name]) === head) &&
    !leaksWord(body, name) &&
    !leaksWord(name, located.section.title);
  const [title] = pickDistractors(located.section.title, tiers, 1, rng, items, accept);
  const section = title ? from.get(keyOf(title)) : undefined;
  return title && section ? { title, from: section } : undefined;
}
