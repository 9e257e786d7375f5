/**
 * Issue 13, round 5: the patterns the judged audit of round 5 found, in
 * fixtures written for these tests (test/fixtures/quality/r5-*.md).
 */
import { describe, expect, it } from 'vitest';
import { isTermName } from '../../src/content/cards.js';
import { spelledInWords } from '../../src/content/derived.js';
import type { Card } from '../../src/content/model.js';
import { buildFrom, fixture } from '../helpers/deck.js';

const built = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const ofKind = (cards: Card[], kind: Card['kind']) => cards.filter((c) => c.kind === kind);
const clozeOf = (cards: Card[], answer: string) =>
  ofKind(cards, 'cloze').filter((c) => c.answer === answer);

describe('a cloze in a nested outline names the nearest subject above its line (NOCONTEXT)', () => {
  it('Japanese: the class, then the label between it and the line', () => {
    const { cards } = built('r5-nested-ja.md');
    // "通常：4〜＿＿＿時間" is of Frost Vault Classic's retrieval, not of the list of kinds.
    const [regular] = clozeOf(cards, '6');
    expect(regular?.prompt).toContain('Frost Vault Classic › 取り出し');
    expect(regular?.prompt).not.toContain('保管庫の種類');
    // The former name in brackets is no part of the name.
    expect(regular?.prompt).not.toContain('旧名');
    // A line right under its subject reads with the subject alone.
    const [minimum] = clozeOf(cards, '60');
    expect(minimum?.prompt).toContain('Frost Vault Classic — ');
  });

  it('English: a one-word label ("Retrieval") is read with the subject it stands under', () => {
    const { cards } = built('r5-nested-en.md');
    const [regular] = clozeOf(cards, '6');
    expect(regular?.prompt).toContain('Frost Vault Classic › Retrieval: ');
    const [deep] = clozeOf(cards, '36');
    expect(deep?.prompt).toContain('Frost Vault Deep');
    expect(deep?.prompt).not.toContain('›');
  });
});

describe('a term is the name of a thing, not a label, a value or a category (LABEL-AS-TERM)', () => {
  it('Japanese: no tip marked with an emoji, no octet of an address as a term', () => {
    const { cards } = built('r5-labels-ja.md');
    const answers = ofKind(cards, 'term').map((c) => c.answer);
    expect(answers.some((a) => a.includes('ヒント'))).toBe(false);
    for (const value of ['.0', '.1', '.250']) expect(answers).not.toContain(value);
    expect(answers).toContain('荷札フィルター');
    expect(answers).toContain('棚ラベル');
  });

  it('English: no category word nor a list label, as answer or as option', () => {
    const { cards } = built('r5-labels-en.md');
    const terms = ofKind(cards, 'term');
    const answers = terms.map((c) => c.answer);
    for (const label of ['Networking', 'Audit Tools', 'Storage Options', '.0', '.250'])
      expect(answers).not.toContain(label);
    expect(answers).toContain('Dock Leveler');
  });

  it('tells names from labels', () => {
    for (const label of [
      '💡 試験のヒント',
      '⚠️ Note',
      '📝 メモ',
      '.255',
      '10.0.0.0/16',
      'Networking',
    ])
      expect(isTermName(label)).toBe(false);
    for (const label of ['Storage Options', 'Audit Tools', '覚え方のヒント'])
      expect(isTermName(label)).toBe(false);
    for (const name of ['Storage Gateway', 'S3 Glacier', 'EBS', '.NET Core', 'Network ACL'])
      expect(isTermName(name)).toBe(true);
  });
});

describe('a number the line spells out in words is no blank (LEAK)', () => {
  const blanks = (name: string) => ofKind(built(name).cards, 'cloze').map((c) => c.answer);

  it('Japanese: イレブンナイン, フォーナイン give their nines', () => {
    const answers = blanks('r5-counts-ja.md');
    expect(answers).not.toContain('99.999999999');
    expect(answers).not.toContain('99.99');
    // A value the words do not give is still asked (control).
    expect(answers).toContain('99.9');
    expect(answers).toContain('60');
  });

  it('English: "eleven 9s", "four nines"; the 9 of "9s" is no blank either', () => {
    const answers = blanks('r5-counts-en.md');
    for (const value of ['99.999999999', '99.99', '9']) expect(answers).not.toContain(value);
    expect(answers).toContain('99.9');
  });

  it('tells a count of nines from another value', () => {
    const at = (text: string, value: string) => {
      const start = text.indexOf(value);
      return spelledInWords(text, start, start + value.length);
    };
    expect(at("11 9's of durability: 99.999999999%", '99.999999999')).toBe(true);
    expect(at('耐久性 99.999999999%（9が11個）', '99.999999999')).toBe(true);
    expect(at('twelve (12) months', '12')).toBe(true);
    // Eleven nines is not four nines; a bare percentage is asked.
    expect(at('99.99% availability, eleven nines of durability', '99.99')).toBe(false);
    expect(at('Designed for 99.99% availability', '99.99')).toBe(false);
    expect(at('1 or 3 years', '3')).toBe(false);
  });
});
