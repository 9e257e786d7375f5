/**
 * Issue 13, what a learner sees around the question: the topic in the
 * header, the heading path in the stem, and answers that leak through the
 * stem. Fixtures written for these tests, Japanese and English
 * (test/fixtures/quality/stems/).
 */
import { describe, expect, it } from 'vitest';
import { cardId, isVagueLabel } from '../../src/content/cards.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { frontMatterTitle, titleFromFileName } from '../../src/content/title.js';
import { matchTopics } from '../../src/content/topics.js';
import { makeQuestion, shownPath, stemGivesAway } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const stems = (name: string) => fixture(`quality/stems/${name}`);

describe('FILENAME-RESIDUE: a file without a top-level heading gets a human title', () => {
  const files = {
    'ja-dva-memo-dynamodb-sqs.md': stems('ja-dva-memo-dynamodb-sqs.md'),
    'en-notes-cloudwatch.md': stems('en-notes-cloudwatch.md'),
    '07-memo.md': stems('07-memo.md'),
    'study-notes-kinesis.md': stems('study-notes-kinesis.md'),
  };
  const built = buildFrom(files);
  const topic = (file: string) => built.deck.topics.find((t) => t.file === file);

  it('titles from the file name drop language codes, order numbers and note words, spelled as the notes spell them', () => {
    expect(topic('ja-dva-memo-dynamodb-sqs.md')?.title).toBe('DVA DynamoDB SQS');
    expect(topic('en-notes-cloudwatch.md')?.title).toBe('CloudWatch');
    expect(titleFromFileName('03-lecture-iam-kms', 'KMS keys and IAM roles')).toBe('IAM KMS');
    expect(titleFromFileName('aws-saa-outline-ec2')).toBe('AWS SAA EC2');
    expect(titleFromFileName('notes_2024')).toBe('');
    expect(titleFromFileName('no-headings')).toBe('No Headings');
    expect(titleFromFileName('n')).toBe('');
  });

  it('a front-matter title or the only heading of the file wins over the file name', () => {
    expect(topic('study-notes-kinesis.md')?.title).toBe('Kinesis の整理');
    expect(frontMatterTitle('---\ntitle: "S3 basics"\n---\n# x')).toBe('S3 basics');
    expect(frontMatterTitle('# no front matter\ntitle: x')).toBeUndefined();
    const parsed = parseMarkdown(
      'memo-x.md',
      '## Step Functions\n- 標準ワークフローは最長1年実行できる\n',
    );
    expect(parsed.topics[0]?.title).toBe('Step Functions');
  });

  it('keeps the file name as the key: card ids and the names a learner types do not change', () => {
    const t = topic('ja-dva-memo-dynamodb-sqs.md');
    expect(t?.key).toEqual(['ja-dva-memo-dynamodb-sqs']);
    const cards = built.cards.filter((c) => c.file === 'ja-dva-memo-dynamodb-sqs.md');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.topic).toBe('DVA DynamoDB SQS');
      expect(card.id).toBe(
        cardId('ja-dva-memo-dynamodb-sqs', card.section.split('\u001f'), card.kind, card.source),
      );
    }
    const topics = built.deck.topics;
    for (const query of ['ja-dva-memo-dynamodb-sqs', 'dynamodb', 'DVA DynamoDB SQS'])
      expect(matchTopics([query], topics).map((x) => x.title)).toEqual(['DVA DynamoDB SQS']);
    expect(matchTopics(['en-notes-cloudwatch'], topics).map((x) => x.title)).toEqual([
      'CloudWatch',
    ]);
    expect(matchTopics(['07-memo'], topics).map((x) => x.title)).toEqual(['memo']);
  });

  it('the stem shows the bold label or the title, never the file name; a name that left nothing is not shown', () => {
    for (const card of built.cards) {
      const located = built.index.byRef.get(card.section);
      if (!located) throw new Error('no section');
      const q = makeQuestion(card, built.index, createRng(1), 'study', sayEn);
      for (const residue of ['memo', 'notes-cloudwatch', 'dynamodb-sqs', 'study-notes'])
        expect(q?.stem ?? '').not.toContain(residue);
      if (card.file === '07-memo.md') expect(shownPath(card, located)).toEqual(['Glacier']);
    }
    const memo = topic('07-memo.md');
    expect(memo?.untitled).toBe(true);
    // With no label above, the stem has no path rather than the file's name.
    const bare = buildFrom({ '07-memo.md': '- Bulk retrieval can take up to 48 hours\n' });
    const card = bare.cards.find((c) => c.kind === 'cloze');
    const located = card && bare.index.byRef.get(card.section);
    expect(card && located && shownPath(card, located)).toEqual([]);
  });
});

describe('LEAK: the stem never gives the answer away', () => {
  it('the answer in other words or forms: spelled-out abbreviations, camel case, kana forms, word pairs', () => {
    const gives = (text: string, answer: string, others: string[], path = '') =>
      stemGivesAway(path, text, answer, others);
    // English
    expect(
      gives('Stands for Multi-Factor Authentication, a second factor', 'MFA', ['SSO', 'IAM']),
    ).toBe(true);
    expect(gives('how long a Recovery Time Objective allows', 'RTO', ['RPO', 'SLA'])).toBe(true);
    expect(gives('use ＿＿＿ rather than NotAction here', 'Action', ['Effect', 'Resource'])).toBe(
      true,
    );
    expect(
      gives('allow a request only from a given VPC', 'aws:SourceVpc', [
        'aws:SourceIp',
        'aws:PrincipalOrgID',
      ]),
    ).toBe(true);
    expect(
      gives('StreamViewType decides what each record holds', 'DynamoDB Streams', ['DAX', 'TTL']),
    ).toBe(true);
    // Japanese
    expect(
      gives('上書きしても古いバージョンが残る', 'バージョニング', [
        'オブジェクトロック',
        'MFA Delete',
      ]),
    ).toBe(true);
    expect(
      gives('各インスタンスをパーティションに分ける', 'パーティションプレイスメントグループ', [
        'クラスタープレイスメントグループ',
        'スプレッドプレイスメントグループ',
      ]),
    ).toBe(true);
    expect(
      gives('実行の様子はCloudTrailで監視する', 'モニタリング', [
        'マーカー',
        'Expressワークフロー',
      ]),
    ).toBe(true);
    expect(gives('DelaySeconds は0〜15分', '遅延キュー', ['標準キュー', 'FIFOキュー'])).toBe(true);
    expect(
      gives('ルートに 0.0.0.0/0 → igw-xxxx がある', 'インターネットゲートウェイ', [
        'NATゲートウェイ',
        'VPCエンドポイント',
      ]),
    ).toBe(true);
    expect(
      gives('新しいバッチを先に起動する', 'Rolling with additional batch', [
        'Immutable',
        'All at once',
      ]),
    ).toBe(true);
  });

  it('not a leak: headings above the options, a word every option shares, common nouns, digits of other numbers', () => {
    const gives = (text: string, answer: string, others: string[], path = '') =>
      stemGivesAway(path, text, answer, others);
    expect(
      gives(
        'OSがハードウェアに直接アクセスできる',
        'EC2 Bare Metal',
        ['Nitro System', 'User data'],
        'EC2',
      ),
    ).toBe(false);
    expect(
      gives('各インスタンスを同じラックに置く', 'クラスタープレイスメントグループ', [
        'スプレッドプレイスメントグループ',
        'パーティションプレイスメントグループ',
      ]),
    ).toBe(false);
    // A common noun another option has too (round 4: one only the answer has is a cue).
    expect(
      gives('書き込んだオブジェクトの変更を防ぐ', 'オブジェクトロック', [
        'バージョニング',
        'オブジェクトレプリケーション',
      ]),
    ).toBe(false);
    expect(gives('直接アップロードで＿＿＿MB、解凍後250MBまで', '50', ['10', '64', '512'])).toBe(
      false,
    );
    expect(gives('A second factor beyond the password', 'MFA', ['SSO', 'IAM'])).toBe(false);
  });

  it.each([
    ['leak-ja.md', 'バージョニング', /バージョン|監視/u],
    ['leak-en.md', 'RTO', /Recovery Time Objective/u],
  ])(
    '%s: no question asks a leaking line; the clue keeps the lines that do not leak',
    (file, kept, leak) => {
      const built = buildFrom({ [file]: stems(file) });
      let asked = 0;
      for (const card of built.cards) {
        for (const mode of ['study', 'exam'] as const) {
          const q = makeQuestion(card, built.index, createRng(2), mode, sayEn);
          if (!q || q.format === 'recall') continue;
          asked += 1;
          expect(q.stem).not.toMatch(leak);
        }
      }
      expect(asked).toBeGreaterThan(0);
      // The heading is still asked, by its other line.
      const heading = built.cards.find((c) => c.kind === 'which-heading' && c.answer === kept);
      expect(heading?.prompt).toBeDefined();
      expect(heading?.prompt).not.toMatch(leak);
    },
  );
});

describe('NOCONTEXT: a generic label in the path gets the subject it stands under', () => {
  it.each([
    ['nocontext-ja.md', 'VPCピアリング', '設定手順', '7'],
    ['nocontext-en.md', 'VPC peering', 'Setup', '7'],
  ])(
    '%s: steps under a generic head are asked with the head bullet above it',
    (file, subject, label, days) => {
      const built = buildFrom({ [file]: stems(file) });
      const recall = built.cards.find((c) => c.kind === 'recall' && c.prompt.endsWith(label));
      expect(recall?.prompt).toBe(
        `Networking › VPC › ${subject} › ${label}`.replace(
          'Networking',
          file.includes('-ja') ? 'ネットワーク' : 'Networking',
        ),
      );
      const cloze = built.cards.find((c) => c.kind === 'cloze' && c.answer === days);
      expect(cloze?.prompt.startsWith(subject)).toBe(true);
      // The label is no term to pick either.
      expect(built.cards.filter((c) => c.kind === 'term' && c.answer === label)).toEqual([]);
      expect(isVagueLabel(label)).toBe(true);
      expect(isVagueLabel(subject)).toBe(false);
    },
  );
});
