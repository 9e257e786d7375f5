import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentWordsJa, countContentWordsJa } from '../../src/content/statement.js';

// Pieces of Japanese and English notes: kana, kanji, katakana runs, Latin words, digits, signs.
const pieces = [
  'インスタンス',
  'ー',
  '料金',
  'は',
  'を',
  'する',
  'EC2',
  'S3.bucket',
  '99.9%',
  '１２',
  ' ',
  '、',
  '。',
  '（',
  '）',
  '-',
  '𠮷',
  'ｶﾀｶﾅ',
];
const line = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(''));

describe('fast paths give what the slow paths give', () => {
  it('countContentWordsJa counts contentWordsJa, up to its limit', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: 6 }), (text, max) => {
        expect(countContentWordsJa(text, max)).toBe(Math.min(max, contentWordsJa(text).length));
        // The shared pattern is left as found: a list after a count is the whole list.
        expect(contentWordsJa(text)).toEqual(
          text.match(
            /[\p{Script=Katakana}ー]+|\p{Script=Han}+|[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}._%-]*/gu,
          ) ?? [],
        );
      }),
    );
  });
});
