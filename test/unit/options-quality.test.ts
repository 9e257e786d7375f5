/**
 * Options and one defensible answer for which-heading, which-fact and term
 * cards (issue 13): the patterns the judged audits tagged SIBLING-TRUE,
 * NOTE-STRUCTURE, WEAK-DISTRACTORS / JUNK-OPTION and TABLE-FLAT, each on
 * notes of our own in Japanese and English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { buildFrom } from '../helpers/deck.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const build = (name: string) => buildFrom({ [name]: readFileSync(join(dir, name), 'utf8') });
const which = (cards: Card[]) =>
  cards.filter((c) => c.kind === 'which-heading' || c.kind === 'which-fact');
const cluesOf = (cards: Card[], answer: string) =>
  which(cards)
    .filter((c) => c.answer === answer)
    .flatMap((c) => c.prompt.split('\n'));

describe('SIBLING-TRUE: a which-* clue is what sets its heading apart', () => {
  const en = build('sibling-en.md').cards;
  const ja = build('sibling-ja.md').cards;

  it('is not what the parent says of the whole family ("same AZ" is true of every volume)', () => {
    expect(cluesOf(en, 'Multi-Attach')).not.toContain(
      'Every instance must be in the same Availability Zone.',
    );
    expect(cluesOf(ja, 'マルチアタッチ')).not.toContain(
      'インスタンスとボリュームは同じアベイラビリティゾーンにある。',
    );
    // What only Multi-Attach asks of the application stays.
    expect(cluesOf(en, 'Multi-Attach')).toContain(
      'The application itself must coordinate concurrent writes.',
    );
    expect(cluesOf(ja, 'マルチアタッチ')).toContain(
      '同時書き込みの排他制御はアプリケーション側で行う。',
    );
  });

  it('among near-twins (buying models) needs more than two words of its own', () => {
    expect(cluesOf(en, 'Spot Instances')).not.toContain('Fits workloads that tolerate failure.');
    expect(cluesOf(ja, 'スポットインスタンス')).not.toContain('失敗に強い処理向け。');
  });

  it('keeps a value with a cue, a name or an abbreviation no sibling has', () => {
    expect(cluesOf(en, 'Spot Instances')).toContain(
      'Up to 90% off for spare machines that AWS may take back.',
    );
    expect(cluesOf(ja, 'リザーブドインスタンス')).toContain(
      '1年か3年の期間と引き換えに最大72%安くなる。',
    );
    expect(cluesOf(en, 'Dedicated Hosts').join(' ')).toMatch(/BYOL/u);
    expect(cluesOf(ja, 'Dedicated Hosts').join(' ')).toMatch(/BYOL/u);
  });
});
