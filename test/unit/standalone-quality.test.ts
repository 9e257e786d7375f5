/**
 * Cards that stand on their own (issue 13, round 2: LABEL-AS-TERM, NOCONTEXT),
 * on notes of our own in Japanese and English: a head over duties or tips is
 * no term; a term's path names the head bullet its list stands under; a
 * meaning or a line that leans on another line ("両方で…", "他は…", "The rest
 * …") is not asked; a recall answer holds no sub-unit's label or the steps
 * asked by their own card; a which-* clue is a statement about its subject.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInstruction } from '../../src/content/statement.js';
import { buildFrom } from '../helpers/deck.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const ja = buildFrom({ 'ja.md': read('standalone-ja.md') });
const en = buildFrom({ 'en.md': read('standalone-en.md') });
type Built = typeof ja;

const of = (built: Built, kind: string) => built.cards.filter((c) => c.kind === kind);
const terms = (built: Built) => of(built, 'term').map((c) => c.answer);
const termCard = (built: Built, answer: string) =>
  of(built, 'term').find((c) => c.answer === answer);

describe('a head over duties, rules or tips is a label, not a term', () => {
  it.each([
    ['en', 'Provider duties'],
    ['en', 'Storage Good Habits'],
    ['ja', 'AWSの責任'],
    ['ja', '運用ルール'],
  ])('%s: no term card %s', (lang, label) => {
    expect(terms(lang === 'ja' ? ja : en)).not.toContain(label);
  });

  it('keeps the terms of a list of what a thing does', () => {
    expect(terms(en)).toEqual(expect.arrayContaining(['Rotation', 'Object Lock']));
    expect(terms(ja)).toEqual(expect.arrayContaining(['キーローテーション', 'オブジェクトロック']));
  });

  it.each([
    'Protect the data centres and the hardware in them.',
    'Regularly review who can read each bucket.',
    'Use tags that name the owning team.',
    'Scale for sudden spikes of application use',
    'アクセス権限を定期的に見直すこと',
    'タグを付けておきましょう',
  ])('an instruction: %s', (text) => {
    expect(isInstruction(text)).toBe(true);
  });

  it.each([
    'Replaces the key material once a year.',
    'Delete marker: hides the current version',
    'Read replicas',
    'Use cases',
    'Block storage for EC2 instances',
    'Note: a NAT gateway sits in a public subnet',
    'Set per application, together with the data loss it can bear',
    'クライアントのリクエストをそのまま渡せること',
    '決めた期間は削除や上書きを防ぐ',
  ])('no instruction: %s', (text) => {
    expect(isInstruction(text)).toBe(false);
  });

  it('a plain Japanese verb is an instruction only under a label of duties', () => {
    expect(isInstruction('管理ポリシーを用意する')).toBe(false);
    expect(isInstruction('管理ポリシーを設定する', true)).toBe(true);
  });
});

describe('a term card names the head bullet its list stands under', () => {
  it('パーティション under プレイスメントグループ', () => {
    const card = termCard(ja, 'パーティション');
    expect(card?.path.at(-1)).toBe('プレイスメントグループ');
    expect(card?.path.slice(0, -1)).toEqual(['セキュリティ整理', '配置の種類']);
  });

  it('a term line under a label head', () => {
    expect(termCard(ja, '同一アカウント')?.path.at(-1)).toBe('許可の考え方');
    expect(termCard(en, 'Same account')?.path.at(-1)).toBe('Access rules');
  });

  it('keeps the card id (the path is for display only)', () => {
    const card = termCard(ja, 'パーティション');
    const plain = buildFrom({
      'ja.md': read('standalone-ja.md').replace(
        '- **プレイスメントグループ**',
        '- **配置グループ**',
      ),
    });
    expect(termCard(plain, 'パーティション')?.id).toBe(card?.id);
  });
});

describe('a meaning or a line that leans on another one is not asked', () => {
  it('「両方で許可が必要」, "both sides must grant it": no term card', () => {
    expect(terms(ja)).not.toContain('クロスアカウント');
    expect(terms(en)).not.toContain('Cross-account');
    expect(terms(ja)).toContain('パブリックブロック');
  });

  it('「他は最大…」, "The rest reach …": no cloze', () => {
    const blanks = (built: Built) => of(built, 'cloze').map((c) => c.answer);
    expect(blanks(ja)).not.toContain('64000');
    expect(blanks(en)).not.toContain('64000');
    expect(blanks(ja)).toContain('256000');
    expect(blanks(en)).toContain('256000');
  });
});

describe("a recall answer is the head's own points", () => {
  const recall = (built: Built, last: string) =>
    of(built, 'recall').find((c) => c.prompt.split(' › ').at(-1) === last);

  it.each([
    ['en', 'Peering', 'Setup', 'Attachments across Regions are never transitive for routes'],
    ['ja', 'ピアリング接続', '設定手順', '推移的なルーティングはできない'],
  ])('%s: %s holds no label %s and no step its own card asks', (lang, head, label, own) => {
    const built = lang === 'ja' ? ja : en;
    const parent = recall(built, head);
    const steps = recall(built, label);
    expect(parent?.answer).toBe(own);
    expect(steps?.answer.split('\n')).toHaveLength(3);
    for (const step of steps?.answer.split('\n') ?? []) expect(parent?.answer).not.toContain(step);
  });

  it("a whole section's answer holds no label over its steps", () => {
    const built = buildFrom({
      'n.md': [
        '# Storage',
        '## Bucket replication',
        '- Copies new objects to a bucket in another Region',
        '- Setup',
        '  1. Turn on versioning on both buckets',
        '  2. Create a replication rule',
        '  3. Pick the destination bucket',
      ].join('\n'),
    });
    const card = recall(built, 'Bucket replication');
    expect(card?.answer.split('\n')).toHaveLength(4);
    expect(card?.answer).not.toMatch(/^Setup$/mu);
  });

  it('an aside that leans on the steps left out goes with them', () => {
    const built = buildFrom({
      'n.md': [
        '# VPC',
        '## 接続',
        '- ピアリング',
        '  - 推移的なルーティングはできない',
        '  - CIDRが重なるVPCとはつなげない',
        '  - 設定手順',
        '    1. 接続を作成する',
        '    2. 相手側で承認する',
        '    3. ルートを追加する',
        '  - ※ 3を忘れて通信できないことが多い',
      ].join('\n'),
    });
    expect(recall(built, 'ピアリング')?.answer.split('\n')).toEqual([
      '推移的なルーティングはできない',
      'CIDRが重なるVPCとはつなげない',
    ]);
  });
});

describe('a which-* clue is a statement about its subject', () => {
  const clues = (built: Built) =>
    built.cards
      .filter((c) => c.kind === 'which-fact' || c.kind === 'which-heading')
      .flatMap((c) => c.prompt.split('\n'));

  it('no bare use case or instruction from a "Use cases" list', () => {
    expect(clues(en)).not.toContain('Scale for sudden spikes of application use');
    expect(clues(en)).not.toContain('Fail over between Regions within seconds');
  });

  it('the statements about the heading are still clues', () => {
    expect(clues(en)).toContain(
      'Gives two fixed anycast IP addresses in front of regional endpoints',
    );
  });
});
