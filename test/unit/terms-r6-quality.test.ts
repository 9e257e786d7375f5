/**
 * Issue 13, round 6, term cards: what a judged audit found wrong with the
 * term kind (a flattened table row or a line that opens a list read as a
 * meaning, a list of values as a meaning, a meaning cut short by its aliases,
 * an aside or a subject of the notes as a term, a meaning that spells or
 * translates its term), in fixtures written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const built = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const terms = (cards: Card[]) => cards.filter((c) => c.kind === 'term');
/** The term cards some question is made of, in study or in an exam, over a few draws. */
const asked = (name: string) => {
  const { cards, index } = built(name);
  return terms(cards)
    .filter((card) =>
      [1, 2, 3, 4].some((seed) =>
        (['study', 'exam'] as const).some(
          (mode) => makeQuestion(card, index, createRng(seed), mode, sayEn) !== undefined,
        ),
      ),
    )
    .map((card) => card.answer);
};

describe('term cards in English notes (round 6)', () => {
  const answers = terms(built('terms-r6-en.md').cards).map((c) => c.answer);

  it('read no flattened row, no line that opens a list, no list of values as a meaning', () => {
    // "Seedbox: 2 TB Crate standard: 40 TB …" holds the next names' values too.
    expect(answers).not.toContain('Seedbox');
    // "…joined to one of the following:" says nothing until its list.
    expect(answers).not.toContain('Hookups');
    // "GREEN_ONLY / PARTIAL / FULL": the choices of a setting, not what it is.
    expect(answers).not.toContain('Ripeness view');
    // "Origin/Destination" names two fields, not one thing.
    expect(answers).not.toContain('Origin/Destination');
    for (const kept of ['Crate standard', 'Barn truck', 'Seed counter'])
      expect(answers).toContain(kept);
    expect(asked('terms-r6-en.md')).toEqual(
      expect.arrayContaining(['Crate standard', 'Barn truck']),
    );
  });

  it('ask no term whose meaning is a scrap once its other names are out', () => {
    expect(answers).not.toContain('Edge stall');
    expect(answers).toContain('Valley depot');
  });

  it('ask no term whose meaning spells it or holds its abbreviation', () => {
    // "Key Management Service" spells the KMS of OrchardKMS.
    expect(asked('terms-r6-en.md')).not.toContain('OrchardKMS');
    // "(3GZ)" shows the GZ of Tri-GZ cluster, no other term has it.
    expect(asked('terms-r6-en.md')).not.toContain('Tri-GZ cluster');
    expect(asked('terms-r6-en.md')).toContain('Grower key');
    expect(asked('terms-r6-en.md')).toContain('Mill key');
  });

  it('take no subject with sub-topics of its own as a term, but its sub-topics and leaf subjects', () => {
    // Orchard Vault has "Vault tiers" and "Frost Copies" under it: a chapter in all but name.
    expect(answers).not.toContain('Orchard Vault');
    expect(answers).toContain('Orchard Press');
    expect(answers).toContain('Frost Copies');
  });
});

describe('term cards in Japanese notes (round 6)', () => {
  const answers = terms(built('terms-r6-ja.md').cards).map((c) => c.answer);

  it('read no flattened row, no line that opens a list, no list of values as a meaning', () => {
    expect(answers).not.toContain('シードボックス');
    expect(answers).not.toContain('接続先');
    expect(answers).not.toContain('熟度ビュー');
    for (const kept of ['クレート標準', 'バーントラック', '種カウンター'])
      expect(answers).toContain(kept);
  });

  it('take no aside of the notes (※) as a term', () => {
    for (const answer of answers) expect(answer).not.toMatch(/^[※＊]/u);
  });

  it('ask no term whose meaning is a scrap once its other names are out', () => {
    expect(answers).not.toContain('エッジ売店');
    expect(answers).toContain('谷の倉庫');
  });

  it('ask no term whose meaning spells, translates or shows a word of it', () => {
    // ハードウェアセキュリティモジュール spells HSM.
    expect(asked('terms-r6-ja.md')).not.toContain('果樹HSM');
    // 負荷分散 is "load balancing" in Japanese.
    expect(asked('terms-r6-ja.md')).not.toContain('Orchard Load Balancing');
    // "即時ログ": the ログ of 集荷ログ, no other term of the section has it.
    expect(asked('terms-r6-ja.md')).not.toContain('集荷ログ');
    expect(asked('terms-r6-ja.md')).toContain('生産者キー');
    expect(asked('terms-r6-ja.md')).toContain('ジュース社キー');
  });

  it('take no subject with sub-topics of its own as a term, but its sub-topics and leaf subjects', () => {
    expect(answers).not.toContain('果樹園ボールト');
    expect(answers).toContain('果樹園プレス');
    expect(answers).toContain('フロストコピー');
  });
});

describe('a term the notes give other names for (round 6, SYNONYM)', () => {
  for (const [file, answer] of [
    ['terms-r6-en.md', 'Lane Resolver'],
    ['terms-r6-ja.md', '荷車リゾルバー'],
  ] as const) {
    it(`is never typed, as every name is a right answer: ${answer}`, () => {
      const { cards, index } = built(file);
      const card = terms(cards).find((c) => c.answer === answer);
      expect(card).toBeDefined();
      for (const seed of [1, 2, 3]) {
        const q = makeQuestion(card as Card, index, createRng(seed), 'study', sayEn);
        expect(q?.format).not.toBe('typed');
      }
    });
  }
});
