/**
 * Invariants of questions made from generated outline notes (issue 13):
 * one right option, 3–6 unique options, the answer never in the stem, and no
 * fragment, example or bare name ever a fact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factLines } from '../../src/content/cards.js';
import { walk } from '../../src/content/model.js';
import { foldTight } from '../../src/content/text.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const NAMES_EN = ['Cold Vault', 'Hot Vault', 'Edge Cache', 'Queue Relay', 'Stream Hub', 'Key Safe'];
const NAMES_JA = [
  'コールド層',
  'ホット層',
  'エッジキャッシュ',
  'キューリレー',
  'ストリーム',
  'キー金庫',
];
const FACTS_EN = [
  'Reads take several hours to complete',
  'Objects must stay at least 90 days',
  'Storage costs more per gigabyte',
  'Messages are kept for up to 14 days',
  'Each shard accepts 1 MB of writes per second',
  'Keys rotate every 365 days by default',
];
const FACTS_JA = [
  '読み出しは数時間かかる',
  '最低保存期間は90日',
  '保存料金が高い',
  'メッセージは最大14日間保持される',
  '1シャードあたり毎秒1MBまで書き込める',
  'キーはデフォルトで365日ごとに更新される',
];
const NOISE = [
  '主な使い道は、',
  'log archives and',
  '例）写真の置き場',
  'e.g. holiday photos',
  'Use cases:',
];

const note = fc
  .record({
    ja: fc.boolean(),
    units: fc.array(
      fc.record({
        name: fc.nat(5),
        bold: fc.boolean(),
        facts: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    noise: fc.subarray(NOISE),
    sections: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ ja, units, noise, sections }) => {
    const names = ja ? NAMES_JA : NAMES_EN;
    const facts = ja ? FACTS_JA : FACTS_EN;
    const body = units
      .map((u) => {
        const name = names[u.name] ?? 'X';
        const head = u.bold ? `**${name}**` : name;
        return [`- ${head}`, ...u.facts.map((f) => `  - ${facts[f]}`)].join('\n');
      })
      .join('\n');
    const parts = Array.from(
      { length: sections },
      (_, i) => `## Part ${i + 1} ${names[i]}\n${body}\n${noise.map((n) => `- ${n}`).join('\n')}\n`,
    );
    return `# Notes\n${parts.join('\n')}`;
  });

describe('questions from generated outlines', () => {
  it('have one right option among 3–6 unique ones, and never show the answer in the stem', () => {
    let asked = 0;
    fc.assert(
      fc.property(note, fc.integer({ min: 0, max: 1000 }), (text, seed) => {
        const { cards, index } = buildFrom({ 'n.md': text });
        const rng = createRng(seed);
        for (const card of cards) {
          for (const mode of ['study', 'exam'] as const) {
            const q = makeQuestion(card, index, rng, mode, sayEn);
            if (q?.format !== 'choice') continue;
            asked += 1;
            const options = q.options ?? [];
            expect(options.length).toBeGreaterThanOrEqual(3);
            expect(options.length).toBeLessThanOrEqual(6);
            expect(new Set(options.map(foldTight)).size).toBe(options.length);
            expect(options[q.correct ?? -1]).toBe(q.answer);
            expect(options.filter((o) => foldTight(o) === foldTight(q.answer))).toHaveLength(1);
            if (card.kind === 'cloze' || card.kind === 'term') {
              expect(foldTight(q.stem)).not.toContain(foldTight(q.answer));
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    // The property was tried on real multiple-choice questions.
    expect(asked).toBeGreaterThan(40);
  });

  it('never take a fragment, an example or a bare name as a fact', () => {
    fc.assert(
      fc.property(note, (text) => {
        const { deck } = buildFrom({ 'n.md': text });
        for (const topic of deck.topics) {
          walk(topic, (section) => {
            for (const block of factLines(section)) {
              expect(NOISE).not.toContain(block.text);
              expect([...NAMES_EN, ...NAMES_JA]).not.toContain(block.text);
            }
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
