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
import { isNameHeading, isTermName } from '../../src/content/cards.js';
import { derivedByArithmetic } from '../../src/content/derived.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { isGenericHeading, whyNotStatement } from '../../src/content/statement.js';
import { tidyLine } from '../../src/content/tidy.js';
import { buildFrom, fixture, shownTexts } from '../helpers/deck.js';

const files = {
  'wordlist-ja.md': fixture('quality/heldout-r15/wordlist-ja.md'),
  'cornell-en.md': fixture('quality/heldout-r15/cornell-en.md'),
  'plain-ja.md': fixture('quality/heldout-r15/plain-ja.md'),
  'nikki-ja.md': fixture('quality/heldout-r15/nikki-ja.md'),
  'outline-en.md': fixture('quality/heldout-r15/outline-en.md'),
};
const built = buildFrom(files);
const cloze = (answer: string) =>
  built.cards.filter((card) => card.kind === 'cloze' && card.answer === answer);
// What the learner sees: each card's prompt, answer and path, and the options of its questions.
const texts = shownTexts(built);
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

describe('a word list, Cornell notes and HTML in markdown', () => {
  const terms = (file: string) =>
    built.cards.filter((card) => card.kind === 'term' && card.file === file);

  it('"名前 - 意味", "名前 ＝ 意味", "名前｜意味" are a word list’s entries, a star before a name no part of it', () => {
    expect(terms('wordlist-ja.md').map((card) => card.answer)).toEqual([
      'Multi-AZ',
      'リードレプリカ',
      'Aurora Serverless',
      'RDS Proxy',
      'DAX',
      'TTL',
    ]);
    // A line with a dash that names nothing before it is no entry.
    expect(
      buildFrom({ 'a.md': '# T\n\n## S\n- then scale out - add two more nodes\n' }).cards.filter(
        (card) => card.kind === 'term',
      ),
    ).toEqual([]);
    // An aside that a fact was on a mock exam is no study log.
    expect(whyNotStatement(line('最低保存期間は180日（ここ模試で出た）'))).toBeUndefined();
    expect(whyNotStatement(line('模試 第3回: 7/10'))).toBe('remark');
  });

  it('"24時間365日" is a phrase, no value', () => {
    const list = built.cards.filter((card) => card.file === 'wordlist-ja.md');
    expect(list.some((card) => /^(?:24|365)$/u.test(card.answer))).toBe(false);
    expect(list.some((card) => card.kind === 'cloze')).toBe(false);
    const clozes = (text: string) =>
      buildFrom({ 'a.md': `# WAF\n\n## Shield Advanced\n- ${text}\n` })
        .cards.filter((card) => card.kind === 'cloze')
        .map((card) => card.answer);
    expect(clozes('24時間365日 DRT のサポートを受けられる（保存は最大90日）')).toEqual(['90']);
    expect(clozes('DRT への問い合わせは最大24時間以内に返答がある')).toEqual(['24']);
  });

  it('a cue is no term, nor is a question or a label of the notes', () => {
    const answers = terms('cornell-en.md').map((card) => card.answer);
    expect(answers).toEqual([]);
    for (const term of ['Cue', 'Memory range?', 'Scaling', 'Metrics', 'Default quota', 'Structure'])
      expect(isTermName(term), term).toBe(false);
    expect(isTermName('Reserved Concurrency')).toBe(true);
    // A cue over a value asks the value, without its question mark.
    expect(cloze('15').map((card) => card.prompt)).toContain('Max timeout: ＿＿＿ minutes');
  });

  it('an example’s value and an HTML footnote are no facts', () => {
    expect(cloze('50')).toEqual([]);
    const parsed = parseMarkdown('cornell-en.md', files['cornell-en.md']);
    const lines = parsed.topics[0]?.children.flatMap((child) => child.blocks.map((b) => b.text));
    expect(lines?.some((text) => text.includes('Async retries'))).toBe(false);
  });

  it('a Japanese heading that joins topics is no name among its siblings; an English one stays one', () => {
    expect(isNameHeading({ title: 'KMS・鍵管理', depth: 2 })).toBe(false);
    expect(isNameHeading({ title: 'レイヤー・制限値', depth: 2 })).toBe(false);
    expect(isNameHeading({ title: 'クロスリージョン / クロスアカウント', depth: 2 })).toBe(false);
    expect(isNameHeading({ title: 'WAF・Shield・Firewall Manager', depth: 2 })).toBe(true);
    expect(isNameHeading({ title: 'Threat detection / scanning', depth: 2 })).toBe(true);
    expect(isNameHeading({ title: 'TCP/IP', depth: 2 })).toBe(true);
    expect(isNameHeading({ title: 'リードレプリカ', depth: 2 })).toBe(true);
  });

  it('struck-out text is taken back, a line that compares two names defines neither', () => {
    const parsed = parseMarkdown(
      'a.md',
      '# T\n\n## Numbers\n- Hosted: 50 Mbps – ~~10 Gbps max~~ up to 25 Gbps\n',
    );
    expect(parsed.topics[0]?.children[0]?.blocks[0]?.text).toBe('Hosted: 50 Mbps –  up to 25 Gbps');
    const compared = buildFrom({
      'a.md':
        '# T\n\n## Traps\n- Security group = stateful. NACL = stateless, allow and deny\n- Exception: a Multi-AZ DB cluster has two readable standbys\n',
    });
    expect(compared.cards.filter((card) => card.kind === 'term')).toEqual([]);
  });
});
