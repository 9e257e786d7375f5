/**
 * The clue-line shortcuts of cards.ts (which-heading, which-fact) give what the full checks
 * give: each skips work only where the full check could not say otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionSiblings, siblingNames, siblingsOf } from '../../src/content/cards.js';
import {
  ABBREVIATIONS,
  initials,
  namesInOtherWords,
  otherWordsOf,
  SAME_WORDS_PAIRS,
  spelledName,
  spelledOut,
  spelledOutBy,
} from '../../src/content/overlap.js';
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
      { numRuns: 500 },
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

// Two name checks as they were written before a heading was read once for all its
// lines (overlap.ts spelledName, otherWordsOf): the references.
function spelledOutSlow(text: string, name: string): boolean {
  const abbreviations = name.match(/(?<![A-Za-z])[A-Z]{3,6}(?![A-Za-z])/gu) ?? [];
  if (abbreviations.length > 0) {
    const runs = (text.match(/[A-Z][A-Za-z0-9]*(?:[\s-]+[A-Z][A-Za-z0-9]*)+/gu) ?? []).map((run) =>
      (run.match(/[A-Z][A-Za-z0-9]*/gu) ?? []).map((word) => word[0]).join(''),
    );
    if (abbreviations.some((abbr) => runs.some((run) => run.includes(abbr)))) return true;
  }
  const plain = name.normalize('NFKC');
  const own = [
    initials(name),
    ...ABBREVIATIONS.filter(([full]) => full.test(plain)).map(([, abbr]) => abbr),
  ];
  return own.some(
    (abbr) => abbr !== undefined && new RegExp(`(?<![A-Za-z])${abbr}(?![A-Za-z])`, 'u').test(text),
  );
}

function namesInOtherWordsSlow(text: string, name: string, others: readonly string[]): boolean {
  return SAME_WORDS_PAIRS.some(([a, b]) =>
    [
      [a, b],
      [b, a],
    ].some(
      ([inName, inText]) =>
        inName?.test(name) === true &&
        inText?.test(text) === true &&
        !others.some((other) => inName.test(other)),
    ),
  );
}

// Names and lines made of the words the three checks look for.
const nameWords = [
  'Database',
  'Migration',
  'Service',
  'DMS',
  'Transit',
  'Gateway',
  'TGW',
  'NAT',
  'NATゲートウェイ',
  'internet gateway',
  'Multi-Factor',
  'Authentication',
  'MFA',
  '監視',
  'モニタリング',
  'monitoring',
  'バージョニング',
  'バージョン',
  'version',
  '暗号化',
  'SSE',
  'encryption',
  'パーティション',
  'partition',
  '階層',
  'Tiering',
  'リージョン',
  'region',
  'の',
  ' ',
  '-',
  '（',
  '）',
];
const phrase = fc
  .array(fc.constantFrom(...nameWords), { maxLength: 6 })
  .map((parts) => parts.join(''));
const spaced = fc
  .array(fc.constantFrom(...nameWords), { maxLength: 8 })
  .map((parts) => parts.join(' '));
// English names and lines that spell them out or abbreviate them.
const names = [
  'Database Migration Service',
  'AWS DMS',
  'Transit Gateway',
  'Multi-Factor Authentication (MFA)',
  'NAT Gateway',
  'Internet Gateway',
  'S3 Intelligent-Tiering',
];
const english = fc
  .array(fc.constantFrom(...names, 'DMS', 'MFA', 'TGW', 'NATGW', 'IGW', 'DMSs', 'uses', 'the'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(' '));
const heading = fc.oneof(phrase, fc.constantFrom(...names));

describe('a heading read once for all its lines', () => {
  it('spelledOutBy(text, spelledName(name)) is spelledOut as it was', () => {
    fc.assert(
      fc.property(fc.oneof(phrase, spaced, english), heading, (text, name) => {
        const slow = spelledOutSlow(text, name);
        expect(spelledOutBy(text, spelledName(name))).toBe(slow);
        expect(spelledOut(text, name)).toBe(slow);
      }),
      { numRuns: 500 },
    );
  });

  it('otherWordsOf(name, others) finds what namesInOtherWords found', () => {
    fc.assert(
      fc.property(phrase, phrase, fc.array(phrase, { maxLength: 3 }), (text, name, others) => {
        const slow = namesInOtherWordsSlow(text, name, others);
        expect(otherWordsOf(name, others).some((inText) => inText.test(text))).toBe(slow);
        expect(namesInOtherWords(text, name, others)).toBe(slow);
      }),
      { numRuns: 500 },
    );
  });
});
