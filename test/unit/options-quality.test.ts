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
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

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

describe('WEAK-DISTRACTORS: a term is asked among the names of its own list', () => {
  const en = build('term-groups-en.md');
  const ja = build('term-groups-ja.md');
  const optionsOf = (built: typeof en, answer: string, seeds = 8) => {
    const card = built.cards.find((c) => c.kind === 'term' && c.answer === answer);
    if (!card) throw new Error(`no term card for ${answer}`);
    const seen = new Set<string>();
    let asked = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const q = makeQuestion(card, built.index, createRng(seed), 'exam', sayEn);
      if (!q) continue;
      asked += 1;
      for (const option of q.options ?? []) if (option !== answer) seen.add(option);
    }
    return { asked, seen: [...seen] };
  };
  const buying = {
    en: [
      'On-Demand',
      'Reserved Instances',
      'Spot Instances',
      'Savings Plans',
      'Dedicated Hosts',
      'Dedicated Instances',
    ],
    ja: ['オンデマンド', 'リザーブドインスタンス', 'スポットインスタンス', 'セービングスプラン'],
  };

  it('a buying model among buying models, never a placement strategy (en, ja)', () => {
    const en1 = optionsOf(en, 'Spot Instances');
    expect(en1.asked).toBeGreaterThan(0);
    for (const option of en1.seen) expect(buying.en).toContain(option);
    const ja1 = optionsOf(ja, 'スポットインスタンス');
    expect(ja1.asked).toBeGreaterThan(0);
    for (const option of ja1.seen)
      expect([...buying.ja, '専有ホストA', '専有ホストB']).toContain(option);
    const placement = optionsOf(ja, 'パーティション');
    for (const option of placement.seen) expect(['クラスター', 'スプレッド']).toContain(option);
  });

  it('a close relative of the answer is no wrong option (Dedicated Hosts / Instances)', () => {
    expect(optionsOf(en, 'Dedicated Instances').seen).not.toContain('Dedicated Hosts');
    expect(optionsOf(en, 'Dedicated Hosts').seen).not.toContain('Dedicated Instances');
    expect(optionsOf(ja, '専有ホストB').seen).not.toContain('専有ホストA');
  });

  it('a list of two gives no multiple choice: its options would be of another kind', () => {
    expect(optionsOf(en, 'Lazy loading').asked).toBe(0);
    expect(optionsOf(ja, 'レイジーローディング').asked).toBe(0);
  });
});

describe("NOTE-STRUCTURE: which-* answers and options are things, not the notes' grouping", () => {
  const en = build('structure-en.md');
  const ja = build('structure-ja.md');
  const grouping = ['Monitoring', 'Automation', 'High Availability', 'Replication'];
  const groupingJa = ['モニタリング', '自動化', '高可用性', '複製'];

  it('an aspect heading (Monitoring, モニタリング) is neither answer nor option', () => {
    for (const [built, words] of [
      [en, grouping],
      [ja, groupingJa],
    ] as const) {
      const cards = which(built.cards);
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(words).not.toContain(card.answer);
        for (let seed = 0; seed < 4; seed++) {
          const q = makeQuestion(card, built.index, createRng(seed), 'exam', sayEn);
          for (const option of q?.options ?? []) expect(words).not.toContain(option);
        }
      }
    }
  });

  it('headings that file advice (Recovery tips, 設計のポイント) give no which-* card', () => {
    const under = (built: typeof en, parent: string) =>
      which(built.cards).filter((c) => c.path.includes(parent));
    expect(under(en, 'Recovery tips')).toEqual([]);
    expect(under(ja, '設計のポイント')).toEqual([]);
    // Their siblings of a real kind are still asked.
    expect(which(en.cards).some((c) => c.answer === 'Map state')).toBe(true);
    expect(which(ja.cards).some((c) => c.answer === 'Mapステート')).toBe(true);
  });
});
