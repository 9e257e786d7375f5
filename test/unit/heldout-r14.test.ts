/**
 * Round 14: what learners judged bad in cards made from notes written for the
 * test in styles never used to tune the rules (held-out notes): a learner's
 * ratings (◎ ○ △ ★★★) left in stems, options and headings, where "◎" beside
 * "△" gave the answer away; a notes app's tags, wiki links and embeds ("#exam",
 * "[[S3 MOC]]", "![[diagram.png]]") and its "Related" list asked as facts;
 * which-* cards among the numbered parts of a chapter ("3-1. S3 の基礎" beside
 * "3-2. EBS のボリューム"); a line that points a cue at another thing ('"…" →
 * FIFO queue') asked as a clue of its heading; "Point:", "凡例" and "in VPC" taken
 * for terms. And one line that holds a question and its answer ("【問】… → 【答】…",
 * "Q: … A: …"), which is the notes' own question. Fixtures written for these
 * tests (test/fixtures/quality/heldout-r14/).
 */
import { describe, expect, it } from 'vitest';
import { isNameHeading, isTermName } from '../../src/content/cards.js';
import type { Span } from '../../src/content/model.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { isGenericHeading, whyNotStatement } from '../../src/content/statement.js';
import { tidyLine, tidyTitle } from '../../src/content/tidy.js';
import { buildFrom, fixture, shownTexts } from '../helpers/deck.js';

const built = buildFrom({
  'ja.md': fixture('quality/heldout-r14/ja.md'),
  'en.md': fixture('quality/heldout-r14/en.md'),
});
// What the learner sees: each card's prompt, answer and path, and the options of its questions.
const texts = shownTexts(built);

describe('a learner’s own marks are no part of the subject', () => {
  it('ratings, stars, tags and wiki-link brackets leave a line, its spans move with it', () => {
    const bold: Span[] = [{ kind: 'bold', start: 8, end: 12 }];
    expect(tidyLine('◎ ★★★ IAMはglobal', bold)).toEqual({
      text: 'IAMはglobal',
      spans: [{ kind: 'bold', start: 2, end: 6 }],
      linkOnly: false,
    });
    expect(tidyLine('× ★★ バケットはネストできない', [])?.text).toBe('バケットはネストできない');
    expect(tidyLine('visibility timeout is 30 s #exam #sqs', [])?.text).toBe(
      'visibility timeout is 30 s',
    );
    expect(tidyLine('Part of [[S3 MOC]], see [[VPC#Endpoints|endpoints]]', [])?.text).toBe(
      'Part of S3 MOC, see endpoints',
    );
    expect(tidyTitle('2-5. Auto Scaling ★★★（絶対出る）')).toBe('2-5. Auto Scaling');
  });

  it('marks that say something stay: a placeholder, a cross without a star, C#, an issue number', () => {
    expect(tidyLine('○○サービスのように書く', [])).toBeUndefined();
    expect(tidyLine('× 非対称キーはローテーションできない', [])).toBeUndefined();
    expect(tidyLine('C# and F# run on .NET', [])).toBeUndefined();
    expect(tidyLine('see issue #42 for the bug', [])).toBeUndefined();
  });

  it('a blank the learner made for themselves is the key term of its line', () => {
    expect(tidyLine('IAMは（ グローバル ）サービス', [])).toEqual({
      text: 'IAMはグローバルサービス',
      spans: [{ kind: 'bold', start: 4, end: 9 }],
      linkOnly: false,
    });
    const cloze = built.cards.find((card) => card.kind === 'cloze' && card.answer === '5TB');
    expect(cloze?.prompt).toContain('S3 のオブジェクトは最大＿＿＿まで');
  });

  it('links, embeds and tags alone are a reference', () => {
    expect(tidyLine('[[Kinesis]]', [])?.linkOnly).toBe(true);
    expect(tidyLine('![[queue-vs-topic.png]]', [])?.linkOnly).toBe(true);
    expect(tidyLine('#networking #vpc', [])?.linkOnly).toBe(true);
    expect(tidyLine('Kinesis is a stream, see [[Kinesis]]', [])?.linkOnly).toBe(false);
  });

  it('no card shows a rating, a star, a tag or a wiki link, and nothing is asked of “Related”', () => {
    for (const text of texts) expect(text).not.toMatch(/[◎△★☆]|\[\[|#(?:exam|decoupling)\b/u);
    expect(built.cards.some((card) => card.path.at(-1) === 'Related')).toBe(false);
    expect(isGenericHeading('Related')).toBe(true);
    expect(isGenericHeading('Quick table (my version)')).toBe(true);
    expect(isGenericHeading('3-1. 基本')).toBe(true);
    const parsed = parseMarkdown('ja.md', fixture('quality/heldout-r14/ja.md'));
    expect(parsed.topics[0]?.children.map((child) => child.title)).toEqual([
      '3-1. S3 の基礎',
      '3-2. EBS のボリューム',
      '3-3. EFS と FSx',
      '3-4. 料金のポイント',
    ]);
  });
});

describe('the layout of the notes is asked nothing', () => {
  it('no which-* card among the numbered parts of a chapter', () => {
    const which = built.cards.filter((card) => card.kind.startsWith('which-'));
    expect(which.filter((card) => /^\d+-\d/u.test(card.answer))).toEqual([]);
    // The same parts without their numbers are things of one kind, and asked so.
    const plain = buildFrom({
      'ja.md': fixture('quality/heldout-r14/ja.md').replace(/^(#+ )\d+(?:-\d+)?\. /gmu, '$1'),
    });
    const answers = plain.cards.filter((c) => c.kind.startsWith('which-')).map((c) => c.answer);
    expect(answers).toContain('DynamoDB');
  });

  it('a line that points a cue at another thing is no clue of its heading', () => {
    const which = built.cards.filter((card) => card.kind.startsWith('which-'));
    expect(which.some((card) => /→ (?:FIFO queue|fan-out)/u.test(card.prompt))).toBe(false);
  });

  it('a label, a legend or a phrase of place is no term', () => {
    for (const term of ['Point', 'Key points', '凡例', 'in VPC', 'with SQS'])
      expect(isTermName(term), term).toBe(false);
    for (const term of ['On Demand Instances', 'In-Memory Cache', 'FIFO queue'])
      expect(isTermName(term), term).toBe(true);
    const terms = built.cards.filter((card) => card.kind === 'term').map((card) => card.answer);
    expect(terms).not.toContain('Point');
    expect(terms).not.toContain('凡例');
    expect(terms).not.toContain('in VPC');
  });
});

describe('a question and its answer on one line are the notes’ own question', () => {
  const qa = built.cards.filter((card) => card.kind === 'qa');

  it('is asked as written, without the grade the learner gave the answer', () => {
    expect(qa.map((card) => [card.prompt, card.answer])).toEqual([
      ['S3 のバケット名はどの範囲で一意？', '全アカウント・全リージョンでグローバルに一意'],
      ['バケットをネストできる？', 'できない。プレフィックスで階層っぽく見せるだけ'],
      [
        'What happens to a message that fails too often?',
        'It moves to the dead-letter queue after maxReceiveCount attempts.',
      ],
    ]);
  });

  it('a question that leans on the one before, or asks of the team’s own case, is not asked', () => {
    expect(qa.some((card) => card.prompt.includes('同じく'))).toBe(false);
    expect(qa.some((card) => card.prompt.includes('うちの'))).toBe(false);
    // Nor are its lines asked another way.
    expect(built.cards.some((card) => card.prompt.includes('検討中'))).toBe(false);
    // A Region's name is no "us".
    const region = buildFrom({
      'r.md': '# ACM\n\nQ: Where must the certificate for CloudFront live? A: In us-east-1.\n',
    });
    expect(region.cards.filter((card) => card.kind === 'qa').map((card) => card.answer)).toEqual([
      'In us-east-1.',
    ]);
  });
});

describe('a practice exam’s review asks the exam’s subject, not its questions', () => {
  const review = buildFrom({ 'review.md': fixture('quality/heldout-r14/review.md') });

  it('no card of a question’s number, its scenario’s values, its options or its labels', () => {
    // Before round 14 this review gave 12 cards: "Explain: … › Q7 (missed)", "＿＿＿ TB over a
    // 200 Mbps link", "Correct" and "My mistake" as terms.
    expect(review.cards.map((card) => [card.kind, card.prompt, card.answer])).toEqual([]);
    for (const title of ['Q7 (missed)', 'Question 12 (guessed)', '問12', '第3問'])
      expect(isGenericHeading(title) || !isNameHeading({ title, depth: 2 }), title).toBe(true);
    // Headings about the learner, not a subject.
    for (const title of [
      'Patterns I keep missing',
      'Things my team forgets',
      'Exam technique',
      '苦手なところ',
    ])
      expect(isGenericHeading(title), title).toBe(true);
    expect(isGenericHeading('Instance Store')).toBe(false);
    for (const term of ['Correct', 'My mistake', 'Score', 'Why', '正解', '解説'])
      expect(isTermName(term), term).toBe(false);
    expect(whyNotStatement(textBlock('B) Order a Snowball Edge device'))).toBe('doubt');
    expect(
      whyNotStatement(textBlock('Snowball Edge moves tens of terabytes offline')),
    ).toBeUndefined();
  });

  it('a long line of marks is tidied in time in proportion to its length', () => {
    const start = performance.now();
    for (const line of [
      `${'★'.repeat(200_000)}x`,
      `${'#a '.repeat(70_000)}x`,
      'see [[X]] '.repeat(20_000),
      '（ 語 ）'.repeat(40_000),
    ])
      tidyLine(line, []);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

function textBlock(text: string) {
  return { kind: 'line' as const, text, spans: [], line: 1 };
}
