import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownsWord } from '../../src/content/cards.js';
import { similarAtLeast, similarity } from '../../src/content/overlap.js';
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

describe('similarAtLeast', () => {
  const words = [
    'Stores',
    'data',
    'in',
    'a',
    'single',
    'AZ',
    '複数',
    'のAZ',
    'に保存',
    'する',
    ' ',
    '。',
    '90日',
  ];
  const text = fc
    .array(fc.constantFrom(...words), { maxLength: 12 })
    .map((parts) => parts.join(' '));
  it('is similarity(a, b) >= chars', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(0, 0.3, 0.5, 0.8, 1), (a, b, chars) => {
        expect(similarAtLeast(a, b, chars)).toBe(similarity(a, b) >= chars);
      }),
    );
  });
});

// ownsWord as it was written before its word sets were sorted once: the reference.
function ownsWordSlow(words: ReadonlySet<string>, word: string): boolean {
  for (const own of words) {
    if (own === word) return true;
    if (/^[a-z]/u.test(own) && /^[a-z]/u.test(word)) {
      let n = 0;
      while (n < own.length && n < word.length && own[n] === word[n]) n += 1;
      const shorter = Math.min(own.length, word.length);
      if ((n === shorter && shorter >= 4) || n >= 5) return true;
    } else if (!/^[a-z0-9]/u.test(own) && [...own].length >= 2 && word.includes(own)) {
      return true;
    }
  }
  return false;
}

describe('ownsWord', () => {
  const parts = [
    'vers',
    'ion',
    'ing',
    'up',
    'load',
    's',
    'バージョン',
    'ニング',
    '監視',
    '𠮷',
    '2',
    'A',
    'z',
    '-',
  ];
  const word = fc.array(fc.constantFrom(...parts), { maxLength: 4 }).map((p) => p.join(''));
  it('is true exactly when the word-by-word reading is', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), word, (list, w) => {
        const set = new Set(list);
        expect(ownsWord(set, w)).toBe(ownsWordSlow(set, w));
      }),
      { numRuns: 2000 },
    );
  });
});
