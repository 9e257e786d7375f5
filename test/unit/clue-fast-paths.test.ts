/**
 * The clue-line shortcuts of cards.ts (which-heading, which-fact) give what the full checks
 * give: each skips work only where the full check could not say otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionSiblings, siblingNames, siblingsOf } from '../../src/content/cards.js';
import { fold, leaksWord } from '../../src/content/text.js';
import { shippedDeck } from '../helpers/deck.js';

// Pieces of headings and lines, Japanese and English, in both widths and cases.
const pieces = [
  'Dedicated',
  'dedicated',
  'ＤＥＤＩＣＡＴＥＤ',
  'Hosts',
  'host',
  'EC2',
  'ＥＣ２',
  'ゲートウェイ',
  'ｹﾞｰﾄｳｪｲ',
  '専有',
  'ホスト',
  ' ',
  '　',
  '-',
  '（',
  ')',
  'の',
  'は',
  '。',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(''));

describe('clue-line shortcuts', () => {
  it('leaksWord finds no title whose folded form the NFKC lower-case line lacks', () => {
    // whyNotClue and namesChild fold a line once and ask leaksWord only of the titles it holds.
    fc.assert(
      fc.property(text, text, (line, title) => {
        const plain = line.normalize('NFKC').toLowerCase();
        if (!plain.includes(fold(title))) expect(leaksWord(line, title)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('offers options only among the kin: fewer than two kin is fewer than two options', () => {
    // computeClueLines stops at fewer than two kin before it counts the kin's class words.
    const { index } = shippedDeck();
    let many = 0;
    for (const located of index.all) {
      const siblings = siblingsOf(index, located);
      const kin = siblingNames(located, siblings);
      const options = optionSiblings(located, siblings);
      expect(options.every((option) => kin.includes(option))).toBe(true);
      if (options.length >= 2) many += 1;
    }
    expect(many).toBeGreaterThan(10);
  });
});
