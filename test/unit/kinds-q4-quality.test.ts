/**
 * Issue 13, recall / cloze / term: the patterns an audit judged bad, in
 * fixtures written for these tests (Japanese and English, made-up services).
 */
import { describe, expect, it } from 'vitest';
import { termGivenAway } from '../../src/content/cards.js';
import type { Card } from '../../src/content/model.js';
import { numberDistractors } from '../../src/quiz/numbers.js';
import { makeQuestion, shownPath } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const built = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const of = (cards: Card[], kind: Card['kind']) => cards.filter((c) => c.kind === kind);

describe.each([
  ['kinds-q4-ja.md', 'コールド層', '用語の一覧', 'まとめ', 'ゲートウェイ', '講義メモ'],
  ['kinds-q4-en.md', 'Cold tier', 'Key options', 'Summary', 'Routers', 'Session notes'],
])('%s', (file, cold, glossary, summary, routers, talk) => {
  const { cards, index } = built(file);
  const inSection = (kind: Card['kind'], title: string) =>
    of(cards, kind).filter((c) => c.path.at(-1) === title);

  it('recall: a few coherent lines under a subject; no glossary heap, no notes heading', () => {
    expect(inSection('recall', cold)).toHaveLength(1);
    // A list of terms is a heap (the term cards ask them); a summary has no one answer.
    expect(inSection('recall', glossary)).toEqual([]);
    expect(inSection('recall', summary)).toEqual([]);
  });

  it('recall: the head shown in the prompt is not in the answer, and a stated head is no prompt', () => {
    const units = inSection('recall', routers);
    for (const card of units) {
      const head = card.prompt.split(' › ').at(-1) ?? '';
      expect(card.answer.split('\n')).not.toContain(head);
      // "遅延配送：配信を遅らせる数字は0〜15分" / "Retention: kept for 30 days" state the answer.
      expect(head).not.toMatch(/[：:]/u);
    }
    // A translation of the head ("役割ベースのアクセス制御") is no answer.
    expect(units.map((c) => c.answer)).not.toContain('役割ベースのアクセス制御');
  });

  it('cloze: values worked out from others on the line are not blanked', () => {
    const blanks = inSection('cloze', cold).map((c) => c.answer);
    expect(blanks).toEqual(expect.arrayContaining(['12', '90']));
    // "half … twice as long" / "半分 … 3倍": relative, not remembered.
    expect(of(cards, 'cloze').filter((c) => /半分|half/u.test(c.prompt))).toEqual([]);
  });

  it('cloze: phrases, fillers and parts printed on the line are not blanked', () => {
    const blanks = inSection('cloze', talk).map((c) => c.answer);
    for (const bad of [
      '倉庫サービス',
      'ログ基盤',
      '同じ物理サーバー',
      'Depot Service',
      'Log Hub',
      'virtual firewalls',
      'NotDeny',
    ])
      expect(blanks).not.toContain(bad);
  });

  it('cloze: a bullet under a named head is asked with the head', () => {
    const scale = of(cards, 'cloze').find((c) => c.answer === '100');
    expect(
      scale?.prompt.startsWith('ゲートウェイ') || scale?.prompt.startsWith('Edge Router'),
    ).toBe(true);
  });

  it('cloze: a number is asked among numbers of the same unit, none printed on the line', () => {
    const card = inSection('cloze', cold).find((c) => c.answer === '90');
    expect(card).toBeDefined();
    for (let seed = 1; seed <= 20; seed++) {
      const q = makeQuestion(card as Card, index, createRng(seed), 'exam', sayEn);
      expect(q?.format).toBe('choice');
      const options = q?.format === 'choice' ? (q.options ?? []) : [];
      expect(options).toHaveLength(4);
      for (const option of options) expect(option).toMatch(/^[0-9,]+$/u);
      expect(options).not.toContain('12');
    }
  });

  it('term: no card whose description gives the term away, no label as a term', () => {
    const terms = of(cards, 'term').map((c) => c.answer);
    // 遅延配送 ← 遅らせる; 鍵保管庫（KVS） ← KVS; Depot Mobile Console ← mobile access.
    for (const leak of ['遅延配送', '鍵保管庫（KVS）', 'Depot Mobile Console'])
      expect(terms).not.toContain(leak);
    // Descriptions and labels, not names.
    for (const label of ['Managed depot service', 'Prevent shelf reuse', 'Alarm states'])
      expect(terms).not.toContain(label);
    expect(terms.length).toBeGreaterThanOrEqual(2);
  });
});

describe('term leaks', () => {
  it.each([
    ['SSE-KMS', 'keys kept in AWS KMS', ['SSE-S3', 'SSE-C'], true],
    ['SSE-S3', 'keys that Amazon S3 manages', ['SSE-KMS', 'SSE-C'], true],
    ['SSE-C', 'keys the customer sends', ['SSE-KMS', 'SSE-S3'], false],
    ['遅延キュー', '配信を最大15分遅らせる', ['標準キュー'], true],
    ['予約済み同時実行', '関数ごとに同時実行数を確保する', ['プロビジョンド同時実行'], false],
    ['a', 'AMDのCPUを搭載', ['d', 'n'], true],
  ])('%s ← %s: %s', (term, description, others, leaked) => {
    expect(termGivenAway(term, description, others)).toBe(leaked);
  });
});

describe('number options', () => {
  it('are numbers of the unit, nearby values of the notes first, never one on the line', () => {
    const rng = createRng(3);
    const options = numberDistractors(
      '4',
      'values are up to ＿＿＿ KB, advanced ones up to 8 KB',
      ['Items are at most 400 KB'],
      3,
      rng,
    );
    expect(options).toHaveLength(3);
    expect(options).not.toContain('8');
    expect(options).not.toContain('4');
    const nines = numberDistractors('99.99', '可用性＿＿＿%', [], 3, rng);
    expect(nines.every((n) => Number(n) > 90 && Number(n) < 100)).toBe(true);
    expect(numberDistractors('3', 'no unit ＿＿＿ here', [], 3, rng)).toEqual([]);
  });
});

describe('a file without a top-level heading', () => {
  const notes = {
    'memo-depot.md':
      '**倉庫**\n- 取り出しは最大12時間かかる\n\n**Router**\n- Edge traffic scales up to 100 Gbps on its own\n',
  };
  it('shows the bold line above the card, never the file name, in the stem', () => {
    const { cards, index } = buildFrom(notes);
    const cloze = of(cards, 'cloze');
    expect(cloze.length).toBeGreaterThan(0);
    for (const card of cloze) {
      const located = index.byRef.get(card.section);
      if (!located) throw new Error('no section');
      const shown = shownPath(card, located);
      expect(shown.join(' ')).not.toContain('memo-depot');
      const q = makeQuestion(card, index, createRng(1), 'study', sayEn);
      expect(q?.stem).not.toContain('memo-depot');
      // The id is still keyed by the file topic; its title is made for people (title.ts).
      expect(card.section.split('\u001f')[0]).toBe('memo-depot');
      expect(card.topic).toBe('Depot');
    }
    const labels = cloze.map((c) => shownPath(c, index.byRef.get(c.section) as never).join(''));
    expect(labels).toEqual(expect.arrayContaining(['倉庫', 'Router']));
  });
  it('makes no recall card of the whole file', () => {
    const { cards } = buildFrom(notes);
    expect(of(cards, 'recall')).toEqual([]);
  });
});
