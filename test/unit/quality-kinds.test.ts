/**
 * which-fact ("which of these fits this description?"), which-heading and
 * list-children on notes of our own, in Japanese and English (issue 13,
 * patterns 2, 4, 7, 9 and the contrast after a wrong answer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTight } from '../../src/content/text.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const ja = buildFrom({ 'ja.md': read('ja-kinds.md') });
const en = buildFrom({ 'en.md': read('en-kinds.md') });

function questions(built: typeof ja, mode: 'exam' | 'study', seeds = 8): Question[] {
  const out: Question[] = [];
  for (let seed = 0; seed < seeds; seed++) {
    const rng = createRng(seed);
    for (const card of built.cards) {
      const q = makeQuestion(card, built.index, rng, mode, sayEn);
      if (q) out.push(q);
    }
  }
  return out;
}

function wellFormed(q: Question): void {
  const where = `${q.kind} ${q.path.join(' › ')}: ${q.stem}`;
  if (q.format !== 'choice') return;
  const options = q.options ?? [];
  expect(options.length, where).toBeGreaterThanOrEqual(3);
  expect(options.length, where).toBeLessThanOrEqual(6);
  expect(new Set(options.map(foldTight)).size, where).toBe(options.length);
  expect(options[q.correct ?? -1], where).toBe(q.answer);
  expect(
    options.filter((o) => foldTight(o) === foldTight(q.answer)),
    where,
  ).toHaveLength(1);
  expect(foldTight(q.stem).includes(foldTight(q.answer)), where).toBe(false);
}

describe('which-fact: which of these fits this description?', () => {
  it('asks a distinctive line with sibling headings as options (ja)', () => {
    const card = ja.cards.find((c) => c.kind === 'which-fact' && c.answer === 'スポット');
    expect(card?.prompt).toBe('余剰キャパシティを入札で使い中断される可能性がある');
    const siblings = ['オンデマンド', 'リザーブド', 'スポット', '専有ホスト', '専有インスタンス'];
    for (let seed = 0; seed < 10 && card; seed++) {
      const q = makeQuestion(card, ja.index, createRng(seed), 'exam', sayEn);
      expect(q?.stem).toContain('fits this description?');
      for (const option of q?.options ?? []) expect(siblings).toContain(option);
    }
  });

  it('never asks a line a sibling says too (single-tenant hardware: Dedicated Host and Instance)', () => {
    const shared = 'シングルテナントのハードウェアで実行される';
    expect(ja.cards.filter((c) => c.kind === 'which-fact' && c.source === shared)).toEqual([]);
    expect(ja.cards.some((c) => c.kind === 'which-heading' && c.prompt.includes(shared))).toBe(
      false,
    );
  });

  it('never offers an alias or a heading twin (DynamoDB "also known as DDB")', () => {
    for (const q of questions(en, 'exam').filter((x) => x.answer === 'Amazon DynamoDB')) {
      expect(q.options).not.toContain('DDB');
    }
    for (const q of questions(en, 'exam').filter((x) => x.answer === 'DDB')) {
      expect(q.options).not.toContain('Amazon DynamoDB');
    }
  });

  it('drops a line that names its heading rather than masking it; asks the others as they are', () => {
    const { cards, index } = buildFrom({
      'en.md': [
        '# Compute',
        '## Spot Instances',
        'Spot Instances can be reclaimed when Amazon needs the capacity back.',
        'Interruptions come with a two-minute warning before the instance stops.',
        '## Reserved Instances',
        'Commit to one or three years for a large discount on the hourly rate.',
        '## Dedicated Hosts',
        'Book a whole physical server to bring your own socket-bound licences.',
        '',
      ].join('\n'),
    });
    const spot = cards.filter((c) => c.kind === 'which-fact' && c.answer === 'Spot Instances');
    expect(spot.map((c) => c.prompt)).toEqual([
      'Interruptions come with a two-minute warning before the instance stops.',
    ]);
    for (const card of cards)
      expect(card.kind.startsWith('which') && card.prompt.includes('＿＿＿')).toBe(false);
    const q = spot[0] && makeQuestion(spot[0], index, createRng(1), 'exam', sayEn);
    expect(q?.options?.sort()).toEqual(['Dedicated Hosts', 'Reserved Instances', 'Spot Instances']);
  });
});

describe('no chapter or generic heading as an answer or an option', () => {
  it('in Japanese and English notes', () => {
    const generic = ['まとめ', '第2章 コンピュート', 'Overview', 'Chapter 3: Databases'];
    for (const built of [ja, en]) {
      for (const card of built.cards) {
        if (card.kind === 'which-heading' || card.kind === 'which-fact')
          expect(generic).not.toContain(card.answer);
      }
      for (const q of [...questions(built, 'exam'), ...questions(built, 'study', 3)]) {
        for (const option of q.options ?? []) expect(generic, q.stem).not.toContain(option);
      }
    }
  });

  it('makes no card that cannot be asked well: no "Complete this line", no "Explain:" list', () => {
    for (const built of [ja, en]) {
      for (const q of questions(built, 'study', 4)) {
        expect(q.stem).not.toMatch(/Complete this line|この行の続き/);
        if (q.kind === 'list-children') expect(q.stem).not.toMatch(/^Explain|^説明してください/);
      }
    }
  });
});

describe('list-children: closed enumerations only', () => {
  it('makes no list the notes do not count, however parallel its items (qc-quality.test.ts asks counted ones)', () => {
    const lists = (built: typeof ja) =>
      built.cards.filter((c) => c.kind === 'list-children').map((c) => c.path.at(-1));
    expect(lists(ja)).toEqual([]);
    expect(lists(en)).toEqual([]);
  });

  it('asks for an outsider from another counted enumeration, never a member or a generic heading', () => {
    const built = buildFrom({
      'ja.md': read('ja-kinds.md')
        .replace('## ボリュームの種類', '## ボリュームの3種類')
        .replace('## ゲートウェイの種類', '## ゲートウェイの3種類'),
    });
    const card = built.cards.find(
      (c) => c.kind === 'list-children' && c.path.at(-1) === 'ボリュームの3種類',
    );
    const items = card?.items ?? [];
    expect(items).toEqual(['汎用SSD', 'プロビジョンドIOPS', 'スループット最適化HDD']);
    let asked = 0;
    for (let seed = 0; seed < 10 && card; seed++) {
      const q = makeQuestion(card, built.index, createRng(seed), 'exam', sayEn);
      if (!q) continue;
      asked += 1;
      expect(q.stem).toContain('is NOT one of the 3');
      expect(items).not.toContain(q.answer);
      expect(['まとめ', '購入オプション', 'ゲートウェイの3種類']).not.toContain(q.answer);
    }
    // Without an outsider of the items' shape the card is not asked in an exam; in study it
    // is the counted listing.
    const study = card && makeQuestion(card, built.index, createRng(0), 'study', sayEn);
    expect(asked > 0 || study?.stem.includes('The notes list 3 under')).toBe(true);
  });
});

describe('after a wrong answer: the contrast', () => {
  it('says which heading a wrong option is about, with a line of it', () => {
    const card = en.cards.find(
      (c) => c.kind === 'which-fact' && c.answer === 'Network Load Balancer',
    );
    const q = card && makeQuestion(card, en.index, createRng(2), 'exam', sayEn);
    const wrong = (q?.options ?? []).findIndex((o) => o !== q?.answer);
    expect(q?.origins?.[q.correct ?? -1]).toBeNull();
    const origin = q?.origins?.[wrong];
    expect(origin?.heading).toBe(q?.options?.[wrong]);
    expect(origin?.line).toMatch(/layer seven|third-party/);
  });
});

describe('invariants', () => {
  it('every question of the fixtures is well formed', () => {
    for (const built of [ja, en]) for (const q of questions(built, 'exam')) wellFormed(q);
  });

  it('every multiple-choice question of generated notes has one right option, 3–6 unique options, no answer in the stem', () => {
    const word = fc.constantFrom(
      'cache',
      'queue',
      'stream',
      'backup',
      'region',
      'latency',
      'replica',
      'snapshot',
      'キャッシュ',
      '暗号化',
      'レプリカ',
      '監視',
    );
    const line = fc.array(word, { minLength: 4, maxLength: 9 }).map((w) => w.join(' '));
    const section = fc.record({
      title: fc.constantFrom('Alpha', 'Beta Gateway', 'Gamma', 'Delta Gateway', 'まとめ', '種類'),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(section, { minLength: 2, maxLength: 6 }), fc.nat(), (sections, seed) => {
        const text = [
          '# Topic',
          ...sections.flatMap((s) => [`## ${s.title}`, ...s.lines]),
          '',
        ].join('\n');
        const built = buildFrom({ 'g.md': text });
        const rng = createRng(seed);
        for (const card of built.cards) {
          const q = makeQuestion(card, built.index, rng, 'exam', sayEn);
          if (q) wellFormed(q);
        }
      }),
      { numRuns: 60 },
    );
  });
});
