import { describe, expect, it } from 'vitest';
import {
  buildCards,
  clozeSpans,
  factBlocks,
  factLines,
  isListHeader,
  termOf,
} from '../../src/content/cards.js';
import { buildDeck } from '../../src/content/deck.js';
import type { Block, Section } from '../../src/content/model.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { buildFrom } from '../helpers/deck.js';

const line = (text: string, kind: Block['kind'] = 'line', spans: Block['spans'] = []): Block => ({
  kind,
  text,
  spans,
  line: 1,
});

const section = (blocks: Block[]): Section => ({
  title: 'S',
  depth: 2,
  path: ['T', 'S'],
  key: ['T', 'S'],
  file: 't.md',
  line: 1,
  blocks,
  children: [],
});

const answers = (text: string) => clozeSpans(line(text)).map((s) => s.answer);

describe('lines that are only a reference', () => {
  it('make no fact, cloze or term: a link, an image or a URL alone', () => {
    const blocks = [
      line('[スループットとIOPSの違い](https://dev-labo.com/aws/difference-iops-throughput/)'),
      line('![構成図](images/diagram.png)'),
      line('<https://aws.amazon.com/jp/ebs/>'),
      line('https://aws.amazon.com/jp/ebs/'),
      line('[HTTP API](https://a.example/x) / [REST API](https://a.example/y)', 'item'),
      // As the parser hands it over: the link flattened to its text, and marked.
      { ...line('シーケンシャルとランダムアクセス'), linkOnly: true } as Block,
    ];
    expect(factBlocks(section(blocks))).toEqual([]);
    expect(factLines(section(blocks))).toEqual([]);
    for (const block of blocks) expect(clozeSpans(block), block.text).toEqual([]);
  });

  it('keep a line that says something around its link', () => {
    const kept = line('詳しくは[公式ドキュメント](https://docs.aws.amazon.com/)を参照する');
    expect(factLines(section([kept]))).toEqual([kept]);
  });

  // The parser flattens [text](url) to "text" without saying it was a link:
  // parse.ts has to set Block.linkOnly (model.ts) for this to pass.
  it('make no fact of a link-only line of real notes', () => {
    const { index } = buildFrom({
      'l.md': '# T\n## S\n本文の事実の行です\n[スループットとIOPSの違い](https://dev-labo.com/x)\n',
    });
    const s = index.all.find((l) => l.section.title === 'S')?.section;
    expect(s && factLines(s).map((b) => b.text)).toEqual(['本文の事実の行です']);
  });
});

describe('list headers', () => {
  it('give no fact and no cloze on the count of the list below', () => {
    expect(isListHeader('以下作成方法４つ')).toBe(true);
    expect(isListHeader('次の3種類がある')).toBe(true);
    expect(isListHeader('There are the following 3 options:')).toBe(true);
    expect(answers('以下作成方法４つ')).toEqual([]);
    const { cards } = buildFrom({
      'h.md': '# T\n## EBS snapshot\nリストアが可能\n以下作成方法４つ\nコンソール&CLI\n',
    });
    expect(cards.filter((c) => c.source.startsWith('以下作成方法'))).toEqual([]);
  });

  it('still ask counts that are facts', () => {
    expect(isListHeader('AZは最低2つ')).toBe(false);
    expect(answers('AZは最低2つ')).toEqual(['2']);
    expect(answers('１つのVPC内に２つのAZにクラスターを構成することが必要')).toEqual(['２']);
  });
});

describe('labels are not terms', () => {
  it('skip 重要：, Note:, e.g.: and sentence openers as terms', () => {
    const bold = line('重要：S3は耐久性が高い', 'line', [{ kind: 'bold', start: 0, end: 3 }]);
    expect(termOf(bold)).toBeUndefined();
    for (const text of [
      '注意：停止すると消える',
      '補足: 無料で使える',
      'Note: data is replicated',
      'Tip: use tags',
      'Important: read this first',
      'e.g.: buckets and objects',
      'TODO: check the limits',
      'Third: line with a colon',
      'However: it is not free',
      'Step 2: attach the volume',
    ]) {
      expect(termOf(line(text)), text).toBeUndefined();
    }
    const { cards, index } = buildFrom({
      'l.md': '# T\n## S\n**重要：**S3は耐久性が高い\nThird: line with a colon\n',
    });
    const s = index.all.find((l) => l.section.title === 'S')?.section;
    expect(cards.filter((c) => c.kind === 'term')).toEqual([]);
    expect(cards.some((c) => c.kind === 'cloze' && c.answer === '重要')).toBe(false);
    expect(s && factLines(s).map((b) => b.text)).toContain('重要：S3は耐久性が高い');
  });

  it('keep key terms, one letter or one word', () => {
    expect(termOf(line('4XXError：指定された期間に取得されたエラーの数。', 'item'))?.term).toBe(
      '4XXError',
    );
    expect(termOf(line('d：標準インスタンスに対して', 'item'))?.term).toBe('d');
    expect(termOf(line('a：AMDのCPUを搭載', 'item'))?.term).toBe('a');
    expect(termOf(line('Count：指定された期間内の API リクエストの合計数。', 'item'))?.term).toBe(
      'Count',
    );
    expect(termOf(line('Stateful: return traffic is allowed automatically.'))?.term).toBe(
      'Stateful',
    );
    expect(termOf(line('MFA Delete: requires MFA to delete'))?.term).toBe('MFA Delete');
  });
});

describe('numbers with English units', () => {
  it('are blanked, the unit kept', () => {
    expect(answers('Minimum storage duration of 30 days.')).toEqual(['30']);
    expect(answers('Functions time out after 15 min by default')).toEqual(['15']);
    expect(answers('Retrieval takes up to 12 hours.')).toEqual(['12']);
    expect(answers('Designed for 99.9% availability.')).toEqual(['99.9']);
    expect(answers('A single PUT uploads at most 5 GB.')).toEqual(['5']);
    expect(answers('Memory starts at 128 MB per function')).toEqual(['128']);
    expect(answers('Data is stored in 3 AZs at least')).toEqual(['3']);
    expect(answers('Offers a 30-day free trial')).toEqual(['30']);
    expect(answers('Up to 10x faster than before')).toEqual(['10']);
    expect(answers('Latency is under 10 ms here')).toEqual(['10']);
    expect(answers('Snapshots are kept for 7 years')).toEqual(['7']);
  });

  it('skip words that merely start like a unit, hex, and the number one', () => {
    expect(answers('Create 3 s3 buckets for logs')).toEqual([]);
    expect(answers('There are 5 sizes of volume')).toEqual([]);
    expect(answers('The flag 0x1F marks the end')).toEqual([]);
    expect(answers('Multiply 10 x 20 to get it')).toEqual([]);
    expect(answers('Retention of 1 year is default')).toEqual([]);
    expect(answers('一度変更すると６時間変更不可')).toEqual(['６']);
  });
});

describe('cloze leaks', () => {
  it('make no blank whose abbreviation or long name is left in the line', () => {
    const { cards } = buildFrom({
      'efa.md':
        '# EC2\n## EFA\n**ハイパフォーマンスコンピューティング (HPC)** と機械学習を、オンプレミスの HPC クラスターと同様に実行\n**Elastic Fabric Adapter (EFA)** は **OS バイパス** に対応\n',
    });
    const clozes = cards.filter((c) => c.kind === 'cloze').map((c) => c.answer);
    expect(clozes).not.toContain('ハイパフォーマンスコンピューティング (HPC)');
    expect(clozes).toContain('Elastic Fabric Adapter (EFA)');
    expect(clozes).toContain('OS バイパス');
  });
});

describe('cloze cost', () => {
  it('makes at most three clozes a line, the first ones', () => {
    const text = 'AAA と BBB と CCC と DDD と EEE を使う';
    const spans = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'].map((word) => {
      const start = text.indexOf(word);
      return { kind: 'bold' as const, start, end: start + word.length };
    });
    const deck = buildDeck([parseMarkdown('c.md', '# T\n## S\n')]);
    const s = deck.topics[0]?.children[0];
    if (!s) throw new Error('no section');
    s.blocks = [line(text, 'line', spans)];
    const clozes = buildCards(deck).filter((c) => c.kind === 'cloze');
    expect(clozes.map((c) => c.answer)).toEqual(['AAA', 'BBB', 'CCC']);
  });

  it('builds a 100 KB line of 12,000 bold markers, and makes no cloze of it', () => {
    const words = Array.from({ length: 12_000 }, (_, i) => `**k${i.toString(36)}**`).join(' ');
    const deck = buildDeck([parseMarkdown('big.md', `# T\n## S\n${words}\n`)]);
    const block = deck.topics[0]?.children[0]?.blocks[0];
    // The shape limit reads markers past the 1,000th of a paragraph as text (prepare.ts).
    expect(block?.spans.length).toBe(250);
    // The time budget is in bench/budgets.mjs (npm run bench): quadratic took minutes.
    const cards = buildCards(deck);
    expect(cards.filter((c) => c.kind === 'cloze')).toEqual([]);
    // Just under the limit, a line still makes (at most three) clozes.
    const some = Array.from({ length: 250 }, (_, i) => `**k${i.toString(36)}**`).join(' ');
    const small = buildDeck([parseMarkdown('s.md', `# T\n## S\n${some} を使う\n`)]);
    const smallCards = buildCards(small).filter((c) => c.kind === 'cloze');
    expect(smallCards.length).toBeLessThanOrEqual(3);
  });
});
