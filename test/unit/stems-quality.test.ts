/**
 * Issue 13, what a learner sees around the question: the topic in the
 * header, the heading path in the stem, and answers that leak through the
 * stem. Fixtures written for these tests, Japanese and English
 * (test/fixtures/quality/stems/).
 */
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/content/cards.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { frontMatterTitle, titleFromFileName } from '../../src/content/title.js';
import { matchTopics } from '../../src/content/topics.js';
import { makeQuestion, shownPath } from '../../src/quiz/questions.js';
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
