/**
 * Round 15: what learners judged bad, or missing, in cards made from notes
 * written for the test in styles never used to tune the rules: notes typed in
 * a plain text editor ("■ 見出し", "・項目", "①", tables aligned with spaces),
 * a study log (dated entries, "明日やること", moods and scores), an outliner's
 * export (`tags::` properties, terse lower-case bullets under a bold head), and
 * cram sheets ("cue -> Name" lines, "Thing | Value" tables, "retention: default
 * 4 days"). Fixtures written for these tests (test/fixtures/quality/heldout-r15/).
 */
import { describe, expect, it } from 'vitest';
import { derivedByArithmetic } from '../../src/content/derived.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { isGenericHeading, whyNotStatement } from '../../src/content/statement.js';
import { tidyLine } from '../../src/content/tidy.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const files = {
  'plain-ja.md': fixture('quality/heldout-r15/plain-ja.md'),
  'nikki-ja.md': fixture('quality/heldout-r15/nikki-ja.md'),
  'outline-en.md': fixture('quality/heldout-r15/outline-en.md'),
};
const built = buildFrom(files);
const cloze = (answer: string) =>
  built.cards.filter((card) => card.kind === 'cloze' && card.answer === answer);
// What the learner sees: each card's prompt, answer and path, and the options of its questions.
const texts = built.cards.flatMap((card) => [
  card.prompt,
  card.answer,
  ...card.path,
  ...[1, 2, 3].flatMap(
    (seed) => makeQuestion(card, built.index, createRng(seed), 'study', sayEn)?.options ?? [],
  ),
]);
const line = (text: string) => ({ kind: 'item' as const, text, spans: [], line: 1 });

describe('notes typed in a plain text editor', () => {
  it('"■ 名前" and "【名前】" lines are headings, "□" one level below', () => {
    const parsed = parseMarkdown('plain-ja.md', files['plain-ja.md']);
    const topic = parsed.topics[0];
    expect(topic?.children.map((child) => child.title)).toEqual([
      'Data Streams',
      'Firehose',
      '使い分け',
    ]);
    expect(topic?.children[0]?.children.map((child) => child.title)).toEqual([
      '上限の早見（スペースで揃えた表）',
    ]);
    // A sentence after a mark is no heading.
    expect(
      parseMarkdown('a.md', '# T\n\n■ 注意：これは見出しではない。\n').topics[0]?.children,
    ).toEqual([]);
  });

  it('a typed bullet or a circled number leaves the line, in every card and option', () => {
    expect(tidyLine('・シャード単位でスケールする', [])?.text).toBe('シャード単位でスケールする');
    expect(tidyLine('　① メモリ使用率', [])?.text).toBe('メモリ使用率');
    expect(tidyLine('中黒・の途中は残る', [])).toBeUndefined();
    for (const text of texts) expect(text).not.toMatch(/^[・①-⑳■□]|\n[・①-⑳]/u);
    const retention = cloze('24').find((card) => card.prompt.includes('データ保持'));
    expect(retention?.path).toEqual([
      'Kinesis メモ（テキストエディタで書いたもの）',
      'Data Streams',
    ]);
  });

  it('a table aligned with spaces, and a line that carries on a wrapped one, are no facts', () => {
    expect(whyNotStatement(line('読み取り　　2MB/秒　　　2MB/秒×コンシューマー'))).toBe(
      'key-value',
    );
    expect(cloze('2').some((card) => card.prompt.includes('読み取り'))).toBe(false);
    expect(built.cards.some((card) => card.prompt.startsWith('かたちで'))).toBe(false);
  });

  it('a generic heading with an aside is still generic', () => {
    expect(isGenericHeading('前提（これが無いと何も動かない）')).toBe(true);
    expect(isGenericHeading('全体像')).toBe(true);
    expect(isGenericHeading('EC2 (Compute)')).toBe(false);
  });
});

describe('a study log asks the subject, not the learner’s day', () => {
  it('no card of plans, moods, scores or open questions', () => {
    const asked = built.cards.filter((card) => card.file === 'nikki-ja.md');
    expect(asked.map((card) => card.answer).sort()).toEqual(['12', '14', '20', '30', '4']);
    for (const card of asked) expect(card.path.join(' ')).not.toMatch(/明日|疑問|感想/u);
    expect(whyNotStatement(line('今日は眠くて集中力が40分しかもたなかった'))).toBe('remark');
    expect(whyNotStatement(line('I spent two hours on VPC today'))).toBe('remark');
    expect(whyNotStatement(line('バッチ送信の上限は10件 → たぶんそう'))).toBe('doubt');
    expect(whyNotStatement(line('FIFO キューの名前は .fifo で終わる'))).toBeUndefined();
  });
});

describe('an outliner’s export and a cram sheet', () => {
  it('page properties are metadata, "In short" is no term', () => {
    expect(tidyLine('tags:: aws, dva', [])?.linkOnly).toBe(true);
    expect(
      texts.some((text) => /tags::?|In short/u.test(text) && !text.includes('Kinesis keeps')),
    ).toBe(false);
    expect(built.cards.some((card) => card.kind === 'term' && card.answer === 'In short')).toBe(
      false,
    );
  });

  it('a terse bullet is asked with the name of the bold head it stands under', () => {
    expect(cloze('14').map((card) => card.prompt)).toContain(
      'message retention: default 4 days, range 1 min - ＿＿＿ days',
    );
    // Zero is the bottom of a range, no fact.
    expect(cloze('0')).toEqual([]);
  });

  it('a name and a bare value are asked by the value: "retention: default 24 hours", a "Thing | Value" row', () => {
    expect(cloze('24').map((card) => card.prompt)).toContain(
      'retention: default ＿＿＿ hours, max 365 days',
    );
    expect(cloze('20').map((card) => card.prompt)).toContain(
      'SQS long polling wait: up to ＿＿＿ s',
    );
  });

  it('"cue -> Name" asks the name; a choice, a combination or an aside of another answer is not asked', () => {
    expect(cloze('Kinesis Data Streams').map((card) => card.prompt)).toEqual([
      'many consumers replay the same stream -> ＿＿＿',
    ]);
    expect(cloze('SQS').length).toBe(1);
    expect(cloze('SQS FIFO')).toEqual([]);
    expect(built.cards.some((card) => card.answer.startsWith('Glacier'))).toBe(false);
    expect(cloze('Data Streams').length).toBe(1);
  });

  it('a number the line prints twice, or a sum it spells out, is no blank', () => {
    const echo = buildFrom({
      'a.md': '# S3\n\n- 1オブジェクト最大5TB、1回のPUTは5GBまで\n',
    });
    expect(echo.cards.filter((card) => card.answer === '5')).toEqual([]);
    const text = '各サブネットで 5つ が予約（先頭4つ＋最後の1つ）';
    expect(derivedByArithmetic(text, text.indexOf('5'), text.indexOf('5') + 1)).toBe(true);
    expect(derivedByArithmetic(text, text.indexOf('4'), text.indexOf('4') + 1)).toBe(true);
  });
});
