import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownsWord, termColon } from '../../src/content/cards.js';
import {
  factShape,
  SAME_WORDS,
  sameFact,
  sameFactOf,
  sameFactWith,
  similarAtLeast,
  similarity,
  wordOverlap,
} from '../../src/content/overlap.js';
import { contentWordsJa, countContentWordsJa, isJapanese } from '../../src/content/statement.js';
import { BLANK, foldTight } from '../../src/content/text.js';

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

// termColon as it was written before it read UTF-16 codes: the reference.
function termColonSlow(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if ('(（[「『【<'.includes(ch)) depth += 1;
    else if (')）]」』】>'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '：' || (ch === ':' && /\s/.test(text[i + 1] ?? '')))) return i;
  }
  return -1;
}

describe('termColon', () => {
  const parts = [
    '(',
    '（',
    '[',
    '「',
    '『',
    '【',
    '<',
    ')',
    '）',
    ']',
    '」',
    '』',
    '】',
    '>',
    '：',
    ':',
    ' ',
    '\u3000',
    'a',
    'ス',
    '𠮷',
    'x:y',
  ];
  const text = fc.array(fc.constantFrom(...parts), { maxLength: 12 }).map((p) => p.join(''));
  it('finds the colon the character-by-character reading finds', () => {
    fc.assert(
      fc.property(text, (t) => termColon(t) === termColonSlow(t)),
      { numRuns: 3000 },
    );
  });
});

// sameFact as it was written before lines were read once into shapes: the reference.
const QUANTITY_WORD =
  /^(?:[0-9０-９][0-9０-９.,]*|single|one|two|three|four|five|six|multiple|many|several|no|none|all|every|least|most|only|never|always|単一|複数|一つ|二つ|三つ|全て|すべて|なし|不可|可能|最大|最小)$/u;
const quantitiesOf = (text: string) =>
  new Set(
    (
      text
        .normalize('NFKC')
        .toLowerCase()
        .match(
          /[a-z]+|[0-9][0-9.,]*|単一|複数|一つ|二つ|三つ|全て|すべて|なし|不可|可能|最大|最小/gu,
        ) ?? []
    ).filter((w) => QUANTITY_WORD.test(w)),
  );
function sameFactSlow(a: string, b: string, chars: number): boolean {
  const qa = quantitiesOf(a);
  const qb = quantitiesOf(b);
  if ([...qa].some((q) => !qb.has(q)) || [...qb].some((q) => !qa.has(q))) return false;
  return similarity(a, b) >= chars || wordOverlap(a, b) >= SAME_WORDS;
}

describe('sameFact', () => {
  const words = [
    'Stores',
    'data',
    'in',
    'a',
    'single',
    'three',
    'Availability',
    'Zones',
    'AZ',
    '複数',
    'のAZ',
    'に保存',
    '最大',
    '90日',
    '＿＿＿',
  ];
  const text = fc
    .array(fc.constantFrom(...words), { maxLength: 10 })
    .map((parts) => parts.join(' '));
  it('reads two lines as the string-by-string comparison does', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(0.3, 0.5, 0.8), (a, b, chars) => {
        const slow = sameFactSlow(a, b, chars);
        expect(sameFact(a, b, chars)).toBe(slow);
        expect(sameFactOf(factShape(a), factShape(b), chars)).toBe(slow);
        expect(sameFactWith(a, factShape(b), chars)).toBe(slow);
      }),
      { numRuns: 2000 },
    );
  });
});

// similarity as it was written before bigrams were cut out of the text: the reference.
function bigramsSlow(text: string): Set<string> {
  const chars = [...foldTight(text.replaceAll(BLANK, ' ')).replace(/[\p{P}\p{S}]/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) grams.add(chars[0] ?? '');
  return grams;
}
function similaritySlow(a: string, b: string): number {
  const ga = bigramsSlow(a);
  const gb = bigramsSlow(b);
  if (ga.size + gb.size === 0) return 0;
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared += 1;
  return (2 * shared) / (ga.size + gb.size);
}

describe('similarity', () => {
  const parts = [
    'a',
    'B',
    'ス',
    'ト',
    '𠮷',
    '\ud800',
    '\udc00',
    ' ',
    '。',
    '＿＿＿',
    'Ｌ',
    'ﾃﾞ',
    'x',
  ];
  const text = fc.array(fc.constantFrom(...parts), { maxLength: 8 }).map((p) => p.join(''));
  it('counts the bigrams the character array counts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => similarity(a, b) === similaritySlow(a, b)),
      {
        numRuns: 3000,
      },
    );
  });
});

describe('isJapanese', () => {
  const pattern = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
  it('reads every character of the BMP as the pattern does', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isJapanese(char) !== pattern.test(char)) expect(code.toString(16)).toBe('the same');
    }
  });
  it('reads lines as the pattern does', () => {
    const parts = ['EC2', ' ', 'é', 'の', 'ス', '料', '𠮷', '⺀', '\u2e7f', '😀', 'ｶ'];
    const line = fc.array(fc.constantFrom(...parts), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(line, (text) => isJapanese(text) === pattern.test(text)));
  });
});
