/**
 * Card → Question (DESIGN.md §3). Pure: the deck index, the rng and the mode
 * come in; nothing is read from outside.
 */
import { clozeSpans, factLines, headingClue, termOf } from '../content/cards.js';
import { type DeckIndex, type Located, relativeTiers, sameBranch } from '../content/deck.js';
import { type Card, type Section, sectionRef } from '../content/model.js';
import { fold, foldTight, headingWords, leaksWord, maskWords } from '../content/text.js';
import { t } from '../ui/i18n.js';
import { pickDistractors } from './distractors.js';
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

/** Heading titles of the relatives of a section, nearest first. */
function* titleTiers(index: DeckIndex, located: Located): Generator<string[]> {
  for (const tier of relativeTiers(index, located)) yield tier.map((s) => s.title);
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
  const typed = (stem: string): Question => ({ ...base(card, located), format: 'typed', stem });
  /** Multiple choice among answers of the same shape (nearest sections first), else typed in study. */
  const sameShape = (
    answersOf: (sections: Section[]) => string[],
    choiceStem: string,
    typedStem: string,
  ) => {
    const tiers = (function* () {
      yield answersOf([located.section]);
      for (const tier of relativeTiers(index, located)) yield answersOf(tier);
    })();
    const distractors = pickDistractors(card.answer, tiers, need, rng);
    const asked = choice(card, located, choiceStem, card.answer, distractors, rng);
    return asked || mode === 'exam' ? asked : typed(typedStem);
  };
  const recall = (): Question | undefined =>
    mode === 'exam'
      ? undefined
      : { ...base(card, located), format: 'recall', stem: t('q.recall', { path }) };

  switch (card.kind) {
    case 'recall':
      return recall();

    case 'which-heading': {
      const clue = headingClue(located);
      if (clue.length === 0) return recall();
      const distractors = pickDistractors(card.answer, titleTiers(index, located), need, rng);
      const parent = card.path.slice(0, -1).join(' › ');
      const ask = parent ? t('q.whichHeading', { parent }) : t('q.whichTopic');
      const stem = `${ask}\n${clue.join('\n')}`;
      return choice(card, located, stem, card.answer, distractors, rng) ?? recall();
    }

    case 'which-fact': {
      // Options stay as written: a blank in some options would mark them.
      // Lines that name their own section are easy to rule out, so lines
      // that do not come first, nearest relatives first within each group.
      const ownFacts = new Set(factLines(located.section).map((b) => foldTight(b.text)));
      const tiers = (function* () {
        const named: string[][] = [];
        for (const tier of relativeTiers(index, located)) {
          const plain: string[] = [];
          const naming: string[] = [];
          for (const section of tier) {
            const words = ownWords(section);
            for (const block of factLines(section)) {
              if (ownFacts.has(foldTight(block.text))) continue;
              (maskWords(block.text, words) === block.text ? plain : naming).push(block.text);
            }
          }
          named.push(naming);
          yield plain;
        }
        yield* named;
      })();
      const distractors = pickDistractors(card.answer, tiers, need, rng);
      return (
        choice(card, located, t('q.whichFact', { path }), card.answer, distractors, rng) ?? recall()
      );
    }

    case 'list-children': {
      const items = card.items ?? [];
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
        for (const tier of relativeTiers(index, firstLocated)) {
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
        return typed(`${t('q.cloze', { path })}\n${card.prompt}`);
      }
      if (isNumber) return undefined;
      // Other key terms of the notes are the distractors: the same shape of answer.
      return sameShape(
        clozeAnswers,
        `${t('q.clozeChoice', { path })}\n${card.prompt}`,
        `${t('q.cloze', { path })}\n${card.prompt}`,
      );
    }

    case 'term':
      return sameShape(
        termsOf,
        `${t('q.term', { path })}\n${card.prompt}`,
        `${t('q.termTyped', { path })}\n${card.prompt}`,
      );
  }
}

function clozeAnswers(sections: Section[]): string[] {
  return sections.flatMap((section) =>
    section.blocks.flatMap((block) =>
      clozeSpans(block)
        .filter((span) => span.source !== 'number')
        .map((span) => span.answer),
    ),
  );
}

function termsOf(sections: Section[]): string[] {
  return sections.flatMap((section) =>
    section.blocks.flatMap((block) => {
      const term = termOf(block);
      return term ? [term.term] : [];
    }),
  );
}
