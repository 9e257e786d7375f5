/**
 * Issue 13, round 2 of LEAK: what the judges still found given away by the
 * stem. A kanji word of the answer shared with the stem, a translation pair,
 * the topic or a label naming the answer, and the lecture's own plan asked
 * as a fact. Fixtures written for these tests, Japanese and English
 * (test/fixtures/quality/stems/).
 */
import { describe, expect, it } from 'vitest';
import { isOpenSetHeading } from '../../src/content/cards.js';
import type { Block } from '../../src/content/model.js';
import { namesRest, sharedKanji, topicNames } from '../../src/content/overlap.js';
import { talksOfLecture, whyNotStatement } from '../../src/content/statement.js';
import { makeQuestion, stemGivesAway } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const stems = (name: string) => fixture(`quality/stems/${name}`);

/** Every question the cards of the files make, over a few seeds and both modes. */
function asked(files: Record<string, string>) {
  const built = buildFrom(files);
  const out: { answer: string; stem: string; kind: string }[] = [];
  for (const card of built.cards)
    for (const mode of ['study', 'exam'] as const)
      for (const seed of [1, 2, 3]) {
        const q = makeQuestion(card, built.index, createRng(seed), mode, sayEn);
        if (q) out.push({ answer: card.answer, stem: q.stem, kind: card.kind });
      }
  return { built, out };
}

describe('LEAK: a kanji word of the answer in the stem', () => {
  it('two kanji of the answer in a row, typed or among options', () => {
    // Typed: no options to share them.
    expect(
      stemGivesAway('', '非同期とは違い、＿＿＿ では結果が返るまで待つ', '同期呼び出し', []),
    ).toBe(true);
    expect(sharedKanji('標準の解像度では1分ごと', '高解像度メトリクス')).toBe('解像');
    // Among options: a pair every option has tells nothing.
    expect(
      sharedKanji('通常のキューより順番が守られる', '順序保証キュー', ['順序なしキュー']),
    ).toBeUndefined();
  });

  it("the answer's kanji read on its own at the start of a word: 重み → 加重", () => {
    const others = ['位置情報', 'シンプル', 'フェイルオーバー'];
    expect(stemGivesAway('', '重みの割合でリクエストを分ける', '加重', others)).toBe(true);
    expect(sharedKanji('重みの割合でリクエストを分ける', '加重', others)).toBe('重み');
  });

  it('not a leak: one kanji inside another word, a suffix, a kanji another option has', () => {
    // 化 of 安定化 is no part of 最適化; 付き of 期限付き none of 署名付きURL.
    expect(
      stemGivesAway('', '別の帯域を確保して性能の安定化を図る', 'EBS最適化インスタンス', [
        'Nitro System',
        'EC2 Bare Metal',
      ]),
    ).toBe(false);
    expect(
      stemGivesAway('', '期限付きで、認証情報のない人にアクセスを許す', '署名付きURL', []),
    ).toBe(false);
    expect(sharedKanji('重みで分ける', '加重', ['加重平均'])).toBeUndefined();
    expect(stemGivesAway('', '結果が返るまで待つ方式', '同期呼び出し', [])).toBe(false);
  });

  it('the answer in the other language: 解像度 ↔ resolution (the pair table)', () => {
    expect(
      stemGivesAway('', '＿＿＿ を 1 にすると1秒ごとの解像度で記録される', 'StorageResolution', [
        'Namespace',
        'Dimensions',
        'Unit',
      ]),
    ).toBe(true);
    expect(
      stemGivesAway('', 'Set the resolution field to 1 to get ＿＿＿', '高解像度メトリクス', []),
    ).toBe(true);
    expect(
      stemGivesAway('', '＿＿＿ を 1 にすると1秒ごとに記録される', 'StorageResolution', [
        'Namespace',
        'Dimensions',
        'Unit',
      ]),
    ).toBe(false);
  });
});

describe('LEAK: the topic or a label in the stem names the answer', () => {
  it('the topic title names the answer, and no other option', () => {
    const topic = 'Lecture 6: CloudTrail and KMS';
    const others = ['IAM', 'Secrets Manager'];
    expect(
      stemGivesAway(
        '',
        'A key policy decides who may use ＿＿＿ keys',
        'AWS KMS',
        others,
        true,
        topic,
      ),
    ).toBe(true);
    expect(
      stemGivesAway('', 'A key policy decides who may use ＿＿＿ keys', 'AWS KMS', others, true),
    ).toBe(false);
    expect(topicNames('第4回 Lambda と SQS', 'Amazon SQS')).toBe(true);
    // Every option named by the title: the title tells nothing among them.
    expect(topicNames(topic, 'AWS KMS', ['AWS CloudTrail'])).toBe(false);
    expect(topicNames(topic, 'AWS Config')).toBe(false);
  });

  it("the rest of the answer in the path or the meaning: the topic's own word tells nothing", () => {
    expect(
      stemGivesAway(
        'Streams and TTL',
        'an ordered record of item changes',
        'DynamoDB Streams',
        [],
        false,
        'DynamoDB',
      ),
    ).toBe(true);
    expect(
      stemGivesAway(
        'Streams と TTL',
        '項目の変更を順番に記録する',
        'DynamoDB Streams',
        [],
        false,
        'DVA DynamoDB SQS',
      ),
    ).toBe(true);
    expect(
      namesRest(
        'EC2 › Summary\nAMI + Instance Size + Storage',
        'EC2 Instance',
        'EC2: Virtual Machines',
      ),
    ).toBe(true);
  });

  it('not a leak: a word of the answer is missing from the stem, or other options share it', () => {
    expect(namesRest('IAM › Policies\nAttached to one user only', 'Inline Policies', 'IAM')).toBe(
      false,
    );
    expect(
      namesRest('Streams and TTL\nan ordered record', 'Kinesis Data Streams', 'DynamoDB'),
    ).toBe(false);
    expect(
      namesRest('Streams and TTL\nan ordered record', 'DynamoDB Streams', 'DynamoDB', [
        'Kinesis Data Streams',
      ]),
    ).toBe(false);
    expect(
      namesRest('IAMまわりの用語\nシングルサインオン', 'IAM Identity Center', 'セキュリティ用語集'),
    ).toBe(false);
  });

  it.each([
    ['ja-memo-dynamodb.md', 'DynamoDB Streams', 'TTL'],
    ['en-memo-dynamodb.md', 'DynamoDB Streams', 'TTL'],
  ])(
    '%s: the term under a label that names it is never asked; its neighbour is',
    (file, gone, kept) => {
      const { built, out } = asked({ [file]: stems(file) });
      expect(built.cards.some((c) => c.kind === 'term' && c.answer === gone)).toBe(true);
      expect(out.filter((q) => q.answer === gone)).toEqual([]);
      expect(out.some((q) => q.answer === kept)).toBe(true);
    },
  );
});

describe("META: the lecture's plan is no fact", () => {
  const line = (text: string): Block => ({ kind: 'line', text, spans: [], line: 1 });

  it('a line that only tells what the lecture covers is a remark, in Japanese and English', () => {
    for (const text of [
      '後半は AWS IAM です。',
      '今日は CloudFormation を扱います。',
      'In the second half we look at AWS KMS.',
      'Today we cover CloudTrail and KMS.',
    ])
      expect(whyNotStatement(line(text)), text).toBe('remark');
    // A fact that starts elsewhere, or a paragraph with facts after the plan, stays.
    expect(whyNotStatement(line('CIDRの前半はネットワーク部を表す。'))).toBeUndefined();
    expect(
      whyNotStatement(line('後半は IAM です。ポリシーは明示的な拒否が常に優先されます。')),
    ).toBeUndefined();
    const paragraph = '後半は IAM です。ポリシーは明示的な拒否が常に優先されます。';
    expect(talksOfLecture(paragraph, 4)).toBe(true);
    expect(talksOfLecture(paragraph, paragraph.indexOf('拒否'))).toBe(false);
  });

  it.each([
    ['leak2-ja-lecture.md', /(?:前半|後半)は ?＿＿＿/u, '15'],
    ['leak2-en-lecture.md', /second half we look at ＿＿＿/u, '15'],
  ])('%s: no blank asks the plan; the facts around it are still asked', (file, plan, kept) => {
    const { out } = asked({ [file]: stems(file) });
    expect(out.filter((q) => plan.test(q.stem))).toEqual([]);
    expect(out.some((q) => q.kind === 'cloze' && q.answer === kept)).toBe(true);
  });
});

describe('GRAMMAR-CUE: an open-set label over a list of advice is no term to pick', () => {
  it.each([
    ['grammar-cue-en.md', 'Security Best Practices', 'Default Security Group'],
    ['grammar-cue-ja.md', 'ベストプラクティス', 'デフォルトセキュリティグループ'],
  ])('%s: the label is never asked as a term; the real terms are', (file, label, term) => {
    const { built, out } = asked({ [file]: stems(file) });
    // The head over advice is no term card at all (isLabelOfDuties), and were it one, the
    // question would not be asked (stemGivesAway): neither a card nor a question names it.
    expect(built.cards.filter((c) => c.kind === 'term' && c.answer === label)).toEqual([]);
    expect(out.filter((q) => q.answer === label)).toEqual([]);
    expect(out.some((q) => q.kind === 'term' && q.answer === term)).toBe(true);
  });

  it('ポイント of エンドポイント is no "key points" heading', () => {
    expect(isOpenSetHeading('エンドポイントタイプ')).toBe(false);
    expect(isOpenSetHeading('試験のポイント')).toBe(true);
  });
});
