import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldTight, isFoldStable } from '../../src/content/text.js';

// The slow paths as they were before the one-scan fast paths: the fast paths must equal them.
const oldFold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
const oldFoldTight = (text: string) => oldFold(text).replace(/[\s\p{Cf}]/gu, '');

// Characters that fold changes or that sit at the edge of the stable set, mixed with plain ones.
const pieces = fc.constantFrom(
  'a',
  'Z',
  'EC2',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\ufeff',
  'あ',
  'か',
  '\u3099',
  '\u309a',
  'ゔ',
  'ゝ',
  'ゞ',
  'ゟ',
  'ア',
  'ー',
  '・',
  'ヾ',
  'ヿ',
  'ｶ',
  'ﾞ',
  '漢',
  '々',
  '〆',
  '、',
  '。',
  '「',
  '」',
  '【',
  '〜',
  '（',
  '）',
  'Ａ',
  'ｚ',
  '１',
  '…',
  '™',
  'é',
  'e\u0301',
  'İ',
  'ß',
  'Σ',
  '\u212a',
  '\u017f',
  '①',
  '㌔',
  '\u007f',
  '\u0000',
  '~',
  'ﬁ',
);
const text = fc.oneof(
  fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

describe('fold fast path', () => {
  it('keeps every character it calls stable as NFKC and lower case leave it, none a space or mark', () => {
    const MARK = /[\s\p{M}\p{Cf}]/u;
    const changed: string[] = [];
    for (let c = 0x80; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (!isFoldStable(ch)) continue;
      if (ch.normalize('NFKC') !== ch || ch.toLowerCase() !== ch || MARK.test(ch))
        changed.push(c.toString(16));
    }
    expect(changed).toEqual([]);
    expect(isFoldStable('EC2のライフサイクル「起動」')).toBe(true);
    expect(isFoldStable('Ｓ３')).toBe(false);
    expect(isFoldStable(' a')).toBe(false);
    expect(isFoldStable('a  b')).toBe(false);
    expect(isFoldStable('か\u3099')).toBe(false);
  });

  it('fold and foldTight equal the normalize + replace versions on any text', () => {
    fc.assert(
      fc.property(text, (s) => fold(s) === oldFold(s) && foldTight(s) === oldFoldTight(s)),
      { numRuns: 3000 },
    );
  });
});
