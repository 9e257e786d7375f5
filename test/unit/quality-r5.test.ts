/**
 * Issue 13, round 5: the patterns the judged audit of round 5 found, in
 * fixtures written for these tests (test/fixtures/quality/r5-*.md).
 */
import { describe, expect, it } from 'vitest';
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
