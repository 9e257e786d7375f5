/**
 * stemGivesAway reads each stem once (questions.ts Stem): a check whose
 * strongest form (no wrong option) finds no cue is not run again with the
 * options, for options only ever clear a cue. This holds only while every
 * check is monotone in the options: the property compares stemGivesAway with
 * the checks run one by one, with the options, as they were written before
 * the stem was read once. A check that stops being monotone fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownPartShows, partCounts, termGivenAway } from '../../src/content/cards.js';
import { typedWordGivenAway } from '../../src/content/derived.js';
import {
  katakanaForm,
  namesInOtherWords,
  namesRest,
  partsTogether,
  sharedCommonWord,
  sharedKanji,
  spelledOut,
  topicNames,
  transliterates,
} from '../../src/content/overlap.js';
import { leaksWord } from '../../src/content/text.js';
import { keyOf } from '../../src/quiz/distractors.js';
import { headingGivesAway, stemGivesAway } from '../../src/quiz/questions.js';

/** The checks one by one, each with the options (the form before the stem was read once). */
function direct(
  path: string,
  text: string,
  answer: string,
  others: readonly string[],
  choice: boolean,
  topic: string,
  commonWords: boolean,
  under: readonly string[],
): boolean {
  const letter = /[\p{L}]/u.test(answer);
  const split = text.replace(/([a-z])([A-Z])/gu, '$1 $2');
  const anyForm =
    leaksWord(path, answer) ||
    leaksWord(text, answer) ||
    leaksWord(split, answer) ||
    spelledOut(text, answer) ||
    namesInOtherWords(text, answer, others) ||
    (letter &&
      (topicNames(topic, answer, others) ||
        namesRest(`${path}\n${text}`, answer, topic, others) ||
        sharedKanji(text, answer, others) !== undefined));
  if (anyForm) return true;
  if (!choice) return (letter && typedWordGivenAway(text, answer)) || transliterates(text, answer);
  if (headingReference(path, answer, others, topic, under)) return true;
  if (!letter) return false;
  if (termGivenAway(answer, text, partCounts([answer, ...others]))) return true;
  if (partsTogether(text, answer, others)) return true;
  if (commonWords && sharedCommonWord(text, answer, others) !== undefined) return true;
  const form = katakanaForm(text, answer);
  return form !== undefined && !others.some((other) => other.normalize('NFKC').includes(form));
}

/** headingGivesAway as written before, part counts always made. */
function headingReference(
  path: string,
  answer: string,
  others: readonly string[],
  topic: string,
  underHeading: readonly string[],
): boolean {
  const headings = path.split(' › ');
  const heading = headings.at(-1)?.trim() ?? '';
  if (headings.length < 2 || heading === topic.trim() || !/[\p{L}]/u.test(answer)) return false;
  const under = new Set(underHeading.map(keyOf));
  if (others.some((other) => under.has(keyOf(other)))) return false;
  const counts = partCounts([answer, ...others]);
  const split = heading.replace(/([a-z])([A-Z])/gu, '$1 $2');
  return ownPartShows(answer, heading, counts) || ownPartShows(answer, split, counts);
}

/** Pieces of AWS notes, Japanese and English, that the checks react to. */
const PIECES = [
  'Key Pair',
  'キーペア',
  'ポリシー',
  'IAM',
  'IAM ポリシー',
  'Transit Gateway',
  'TGW',
  'トランジットゲートウェイ',
  'Multi-Factor Authentication',
  'MFA',
  '高解像度メトリクス',
  '解像度',
  '重み',
  '加重',
  'DynamoDB',
  'Streams',
  'DynamoDB Streams',
  'バージョニング',
  '古いバージョン',
  '監視',
  'モニタリング',
  'エッジキャッシュ',
  'リージョナル',
  'CacheHitCount',
  'Count',
  'S3',
  '250',
  '50',
  'で',
  'の',
  ' ',
  '›',
];

const words = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));

describe('stemGivesAway reads a stem once', () => {
  it('says what the checks one by one with the options say (property)', () => {
    fc.assert(
      fc.property(
        words,
        words,
        words,
        fc.array(words, { maxLength: 3 }),
        fc.boolean(),
        words,
        fc.boolean(),
        fc.array(words, { maxLength: 2 }),
        (path, text, answer, others, choice, topic, commonWords, under) => {
          const shown = path.replaceAll('›', ' › ');
          expect(
            stemGivesAway(shown, text, answer, others, choice, topic, commonWords, under),
          ).toBe(direct(shown, text, answer, others, choice, topic, commonWords, under));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('headingGivesAway says what it said with the part counts always made (property)', () => {
    fc.assert(
      fc.property(
        words,
        words,
        fc.array(words, { maxLength: 3 }),
        words,
        (path, answer, others, topic) => {
          const shown = `${path} › ${answer.slice(1)}`;
          expect(headingGivesAway(shown, answer, others, topic)).toBe(
            headingReference(shown, answer, others, topic, []),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a stem the options clear is not given away, one they cannot clear is', () => {
    // ポリシー is shared by another option: no cue once it is among them.
    expect(stemGivesAway('', 'ポリシーを変更する', 'IAM ポリシー', [], true)).toBe(true);
    expect(stemGivesAway('', 'ポリシーを変更する', 'IAM ポリシー', ['信頼ポリシー'], true)).toBe(
      false,
    );
    // The answer itself on the line: no option clears it.
    expect(stemGivesAway('', 'Transit Gateway をつなぐ', 'Transit Gateway', ['NAT Gateway'])).toBe(
      true,
    );
  });
});
