/**
 * which-heading and which-fact on notes of our own, in Japanese and English:
 * the failure patterns of the judged audits of issue 13, each designed out.
 * A clue line is shown as written (never masked), stands on its own, names
 * neither its heading nor a sibling, and the options are sibling headings of
 * the same kind that are no close relatives of the answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const en = buildFrom({ 'en.md': read('which-en.md') });
const ja = buildFrom({ 'ja.md': read('which-ja.md') });
const which = (built: typeof en): Card[] =>
  built.cards.filter((c) => c.kind === 'which-heading' || c.kind === 'which-fact');
const clueLines = (built: typeof en) => which(built).flatMap((c) => c.prompt.split('\n'));

function asked(built: typeof en, seeds = 6): Question[] {
  const out: Question[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    for (const card of which(built)) {
      const q = makeQuestion(card, built.index, createRng(seed), 'exam', sayEn);
      if (q) out.push(q);
    }
  }
  return out;
}

describe('which-* clue lines', () => {
  it('never mask a line: a line that needs its heading is left out (en, ja)', () => {
    for (const line of [...clueLines(en), ...clueLines(ja)]) expect(line).not.toContain('＿＿＿');
  });

  it('never keep a form of the heading ("versions" of Versioning); "Uploads" is no answer', () => {
    const lines = (answer: string) =>
      which(en)
        .filter((c) => c.answer === answer)
        .flatMap((c) => c.prompt.split('\n'));
    expect(lines('Versioning').join(' ')).not.toMatch(/version/i);
    expect(lines('Versioning').length).toBeGreaterThan(0);
    // An activity the notes file facts under, not a thing an exam names (isGenericHeading).
    expect(lines('Uploads')).toEqual([]);
  });

  it('are no transcript talk, no continuation of the line before (en, ja)', () => {
    const all = [...clueLines(en), ...clueLines(ja)];
    expect(all.some((l) => /^Next,|^with /u.test(l))).toBe(false);
    expect(all.some((l) => /今回はここまで|^この/u.test(l))).toBe(false);
    expect(all).toContain('評価期間を三回連続で超えたときだけ通知を送るように設定できる。');
  });

  it('are no glossary lines "term: definition" (they describe the term, not the heading)', () => {
    expect(clueLines(en).some((l) => /^(?:Bucket|Prefix|Object):/u.test(l))).toBe(false);
    expect(clueLines(ja).some((l) => /^(?:ロール|グループ|データキー)：/u.test(l))).toBe(false);
  });

  it('say something no sibling says ("Low-cost storage for archives" fits two Glaciers)', () => {
    expect(clueLines(en)).not.toContain('Low-cost storage for archives.');
  });
});

describe('which-* options', () => {
  it('are never organising headings (Terms, Definitions, Questions from the room, 用語)', () => {
    const organising = [
      'Terms',
      'Definitions',
      'Questions from the room',
      'IAMまわりの用語',
      '暗号化の用語',
    ];
    for (const card of [...which(en), ...which(ja)]) expect(organising).not.toContain(card.answer);
    for (const q of [...asked(en), ...asked(ja)])
      for (const option of q.options ?? []) expect(organising, q.stem).not.toContain(option);
  });

  it('are never sentence headings (ja)', () => {
    const sentence = 'スナップショットのコピーは設定の影響を受けない';
    for (const q of asked(ja)) expect(q.options ?? []).not.toContain(sentence);
  });

  it('never offer a close relative of the answer (the other Glacier)', () => {
    const qs = asked(en).filter((q) => q.answer.startsWith('Glacier'));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs)
      expect((q.options ?? []).filter((o) => o.startsWith('Glacier'))).toHaveLength(1);
  });

  it('are the siblings under the parent the stem names; no topic-level card', () => {
    for (const card of [...which(en), ...which(ja)]) expect(card.path.length).toBeGreaterThan(1);
    for (const q of asked(en)) {
      const parent = q.path.slice(0, -1).join(' › ');
      expect(q.stem.split('\n')[0]).toContain(`under ${parent} `);
    }
  });
});
