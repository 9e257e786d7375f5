/**
 * Issue 13, term cards: the patterns a judged audit found (a definition that
 * spells out or translates its term, labels and values as terms, options of
 * another kind than the answer), in fixtures written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { isTermName, termGivenAway } from '../../src/content/cards.js';
import type { Card } from '../../src/content/model.js';
import { makeQuestion, sameTermKind } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const built = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const terms = (cards: Card[]) => cards.filter((c) => c.kind === 'term');
const optionsOf = (card: Card, index: ReturnType<typeof built>['index'], seed: number) => {
  const q = makeQuestion(card, index, createRng(seed), 'exam', sayEn);
  return q?.format === 'choice' ? [...(q.options ?? [])] : undefined;
};

describe('term cards in English notes', () => {
  const { cards, index } = built('terms-q5-en.md');
  const answers = terms(cards).map((c) => c.answer);

  it('never ask an abbreviation its description spells out, nor a key its description names', () => {
    // "Restore Point Target" spells RPT; "a given Net" names gate:OriginNet.
    expect(answers).not.toContain('RPT');
    expect(answers).not.toContain('gate:OriginNet');
    expect(answers).toContain('RWT');
    expect(answers).toContain('gate:OriginAddr');
  });

  it('never take a label or a phrase of the notes as a term', () => {
    for (const label of ['Types', 'One handy pattern']) expect(answers).not.toContain(label);
    // "Action: gate:Open" gives an example value, not a meaning.
    expect(answers).not.toContain('Action');
    // A column that gives one attribute ("who pays") is no meaning of the name.
    for (const plan of ['Dock-P', 'Dock-S']) expect(answers).not.toContain(plan);
    expect(answers).toContain('Tideline');
    // "Deny" is a value, too thin to pick a term by.
    expect(answers).not.toContain('Verdict');
    expect(answers).toContain('Scope');
  });

  it('offers identifiers among identifiers only', () => {
    const card = terms(cards).find((c) => c.answer === 'gate:OriginAddr');
    expect(card).toBeDefined();
    for (const seed of [1, 2, 3, 4]) {
      const options = optionsOf(card as Card, index, seed) ?? [];
      expect(options.length).toBeGreaterThanOrEqual(3);
      for (const option of options) expect(option).toMatch(/^gate:/u);
    }
  });

  it('offers names of the same head word first', () => {
    const card = terms(cards).find((c) => c.answer === 'Tower crane');
    expect(card).toBeDefined();
    for (const seed of [1, 2, 3, 4, 5]) {
      const options = optionsOf(card as Card, index, seed) ?? [];
      expect(options).toHaveLength(4);
      for (const option of options) expect(option).toMatch(/ crane$/u);
    }
  });

  it('asks no term that the heading above it lists', () => {
    const card = terms(cards).find((c) => c.answer === 'Change streams');
    expect(card).toBeDefined();
    for (const mode of ['exam', 'study'] as const)
      expect(makeQuestion(card as Card, index, createRng(1), mode, sayEn)).toBeUndefined();
  });
});

describe('term cards in a Japanese memo without headings', () => {
  const { cards, index } = built('terms-q5-ja.md');
  const answers = terms(cards).map((c) => c.answer);

  it('never ask a term whose description has it in English, nor a label or a value', () => {
    // DelayTicks → 遅延便.
    expect(answers).not.toContain('遅延便');
    for (const label of ['よく使う索引', '最大256KB', '使い分けのポイント'])
      expect(answers).not.toContain(label);
    expect(answers).toContain('待機便');
  });

  it('never ask a term by values only, a scrap or an aside', () => {
    for (const thin of ['保管日数', '束ね送り', '旧式棚', '奥棚', '予備棚', '控え棚'])
      expect(answers).not.toContain(thin);
    expect(answers).toContain('冷蔵棚');
  });

  it('takes wrong options from the same bold label only', () => {
    const queue = ['待機便', '即時便', '返送棚', '遅延便'];
    const table = ['整理番号', '並び番号', '写し索引'];
    const fees = ['即払い', '後払い', '積立払い'];
    const store = ['保管日数', '束ね送り', '旧式棚', '奥棚', '冷蔵棚', '予備棚', '控え棚'];
    for (const card of terms(cards)) {
      const own = [queue, table, fees, store].find((part) => part.includes(card.answer)) ?? [];
      for (const seed of [1, 2, 3]) {
        const options = optionsOf(card, index, seed);
        if (options) for (const option of options) expect(own).toContain(option);
      }
    }
    const asked = terms(cards).filter((card) => optionsOf(card, index, 1));
    expect(asked.length).toBeGreaterThanOrEqual(3);
  });
});

describe('term helpers', () => {
  it.each([
    ['MFA', 'Multi-Factor Authentication for every sign-in', true],
    ['RTO', 'Recovery Time Objective: how long a restore may take', true],
    ['DynamoDB Streams', 'StreamViewType: keys only or both images', true],
    ['遅延キュー', 'DelaySeconds で配信を待たせる', true],
    ['レプリケーション', 'CRR／SRR、既存オブジェクトはバッチで', true],
    ['Dedicated Hosts', 'a whole server that only you use', false],
    ['可視性タイムアウト', '処理中のメッセージをほかの受信者から隠す', false],
  ])('%s ← %s: given away %s', (term, description, leaked) => {
    expect(termGivenAway(term, description, [])).toBe(leaked);
  });

  it('tells names from labels and values', () => {
    for (const name of ['Spot berth', '返送棚', 'aws:SourceVpc', 'コンプライアンスモード'])
      expect(isTermName(name)).toBe(true);
    for (const label of [
      'Types',
      'Summary',
      '評価の順序',
      '細かいアクセス制御',
      'メッセージ最大256KB',
      'SNS → SQS のファンアウト',
      'セキュリティグループとネットワークACL',
      'Security groups and NACLs',
    ])
      expect(isTermName(label)).toBe(false);
  });

  it('puts options of one kind of name together', () => {
    expect(sameTermKind('aws:SourceIp', 'aws:SourceVpc')).toBe(true);
    expect(sameTermKind('aws:SourceIp', 'Effect')).toBe(false);
    expect(sameTermKind('Latency', 'IntegrationLatency')).toBe(true);
    expect(sameTermKind('FIFOキュー', 'Standard queue')).toBe(false);
  });
});
