import { describe, expect, it } from 'vitest';
import { clozeSpans, retiredSection, termOf } from '../../src/content/cards.js';
import type { Block, Card } from '../../src/content/model.js';
import { walk } from '../../src/content/parse.js';
import { foldTight, maskWords } from '../../src/content/text.js';
import { buildFrom, CONTENT, readDir, shippedDeck } from '../helpers/deck.js';

const line = (text: string, kind: Block['kind'] = 'line', spans: Block['spans'] = []): Block => ({
  kind,
  text,
  spans,
  line: 1,
});

function ids(cards: Card[]): Map<string, string> {
  return new Map(cards.map((c) => [`${c.kind}|${c.path.join('/')}|${c.source}`, c.id]));
}

const BASE = `# Net
## Private IP
必ず割り当てられる
Stop Startしても同じIPが割り振られる
## Public IP
起動のたびにランダムなアドレスが割り当てられる
最大\`10Gbps\`まで
## Elastic IP(EIP)
別インスタンスへ再マップ可能な静的Public IP
- 4XXError：クライアント側エラーの数
- 5XXError：サーバー側エラーの数
`;

describe('card ids', () => {
  const before = ids(buildFrom({ 'net.md': BASE }).cards);

  it('do not change when a line or a section is inserted elsewhere', () => {
    const edited = BASE.replace(
      '## Public IP\n',
      '## Public IP\n新しい事実の行がここに入る\n',
    ).replace('# Net\n', '# Net\nはじめに\n## Added section\n追加した節の本文です\n');
    const after = ids(buildFrom({ 'net.md': edited }).cards);
    for (const [key, id] of before) expect(after.get(key), key).toBe(id);
    expect(after.size).toBeGreaterThan(before.size);
  });

  it('change only for the cards of an edited line', () => {
    const edited = BASE.replace(
      '起動のたびにランダムなアドレスが割り当てられる',
      '起動のたびにランダムなIPアドレスが割り当てられる',
    );
    const after = ids(buildFrom({ 'net.md': edited }).cards);
    const changed = [...before.keys()].filter((key) => after.get(key) !== before.get(key));
    expect(changed).toEqual([
      'which-fact|Net/Public IP|起動のたびにランダムなアドレスが割り当てられる',
    ]);
  });

  it('do not depend on the file name or position of the file', () => {
    const a = ids(buildFrom({ 'a.md': BASE }).cards);
    const b = ids(
      buildFrom({ '0-first.md': '# Other\n## X\n本文の行です\n', 'z/net.md': BASE }).cards,
    );
    for (const [key, id] of a) expect(b.get(key)).toBe(id);
  });

  it('tell repeated headings under one parent apart', () => {
    const { cards } = buildFrom({
      'dup.md': '# T\n## Same\n最初の本文です\n## Same\n最初の本文です\n',
    });
    const recall = cards.filter((c) => c.kind === 'recall' && c.path.at(-1) === 'Same');
    expect(recall).toHaveLength(2);
    expect(new Set(recall.map((c) => c.id)).size).toBe(2);
  });

  it('are unique across the shipped notes', () => {
    const { cards } = shippedDeck();
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });
});

describe('cards of the shipped notes', () => {
  const { deck, cards } = shippedDeck();

  it('come to at least 113, of every kind', () => {
    expect(cards.length).toBeGreaterThanOrEqual(113);
    const kinds = new Set(cards.map((c) => c.kind));
    // No list of the shipped notes says how many it has: no list-children card (see below).
    expect([...kinds].sort()).toEqual(
      ['cloze', 'recall', 'term', 'which-fact', 'which-heading'].sort(),
    );
  });

  it('give most sections with a body a card (one whose every line names its heading may give none)', () => {
    const bySection = new Set(cards.map((c) => c.section));
    let withBody = 0;
    let asked = 0;
    for (const topic of deck.topics) {
      walk(topic, (section) => {
        // A section on a retired AWS service (Elastic Graphics) gives none by design.
        if (section.blocks.length === 0 || retiredSection(section)) return;
        withBody += 1;
        if (bySection.has(section.key.join('\u001f'))) asked += 1;
      });
    }
    // Not all: lines above sub-headings that are only an intro or one aspect of the heading,
    // open sets (特徴, features) and sections with a doubt in them are asked nothing (issue 13).
    // Round 6 left out four more whose only card was a recall no learner could give
    // (スポットフリート, INTEGRATION_FAILURE, the two EBS bottleneck heaps): 74 of 113.
    expect(asked / withBody).toBeGreaterThan(0.64);
  });

  it('give no list-children card to a list the notes do not count (APIの種類 may not be all kinds)', () => {
    expect(cards.filter((c) => c.kind === 'list-children')).toEqual([]);
  });

  it('put a list-children card after the cards of its items', () => {
    const { cards: counted } = buildFrom({
      'a.md':
        '# API\n\n## APIの3種類\n\n### HTTP API\n低コストで速い\n\n### REST API\nAPIキーや使用量プランが使える\n\n### WebSocket API\n双方向の通信を続けられる\n',
    });
    const position = (predicate: (c: Card) => boolean) => counted.findIndex(predicate);
    const list = position((c) => c.kind === 'list-children');
    const item = position((c) => c.path.join('/').startsWith('API/APIの3種類/HTTP API'));
    expect(item).toBeGreaterThan(-1);
    expect(list).toBeGreaterThan(item);
  });

  it('never show the heading in a which-heading clue', () => {
    for (const card of cards.filter((c) => c.kind === 'which-heading')) {
      expect(foldTight(card.prompt).includes(foldTight(card.answer)), card.answer).toBe(false);
    }
  });

  it('never show the answer in a cloze or term prompt', () => {
    for (const card of cards.filter((c) => c.kind === 'cloze' || c.kind === 'term')) {
      expect(card.prompt.includes('＿＿＿') || card.kind === 'term', card.source).toBe(true);
    }
    const term = cards.find((c) => c.kind === 'term' && c.answer === '4XXError');
    expect(term?.prompt).toBe('指定された期間に取得されたクライアント側エラーの数。');
  });

  it('mask heading words only as whole words at their Latin edges', () => {
    expect(maskWords('Stores data in a single Availability Zone.', ['one'])).toBe(
      'Stores data in a single Availability Zone.',
    );
    expect(maskWords('Use the EIP or an IP address', ['ip'])).toBe(
      'Use the EIP or an ＿＿＿ address',
    );
    expect(maskWords('プレイスメントグループの設定', ['グループ'])).toBe(
      'プレイスメント＿＿＿の設定',
    );
    // Every line of One Zone-IA says "Zone" or names Standard-IA: no which-heading card
    // (a masked "single Availability ＿＿＿" would still give "One Zone" away).
    const examples = buildFrom(readDir(`${CONTENT}/../examples`));
    expect(
      examples.cards.filter((c) => c.kind === 'which-heading' && c.answer === 'S3 One Zone-IA'),
    ).toEqual([]);
  });

  it('are all of the user folder, too (English notes)', () => {
    const english = buildFrom(readDir(`${CONTENT}/../test/fixtures/english`));
    expect(english.cards.length).toBeGreaterThan(10);
    expect(
      english.cards.some((c) => c.kind === 'which-heading' && c.path.includes('Storage classes')),
    ).toBe(true);
  });
});

describe('term lines', () => {
  it('split "term：definition" and "term: definition"', () => {
    expect(termOf(line('d：標準インスタンスに対して', 'item'))).toMatchObject({
      term: 'd',
      definition: '標準インスタンスに対して',
    });
    expect(termOf(line('MFA Delete: requires MFA to delete'))).toMatchObject({
      term: 'MFA Delete',
    });
  });

  it('are not URLs, times, ratios or sentences', () => {
    expect(termOf(line('https://aws.amazon.com/jp/'))).toBeUndefined();
    expect(termOf(line('容量とIOPSの最大割合は50:1'))).toBeUndefined();
    expect(termOf(line('これは文です。理由：なし'))).toBeUndefined();
    expect(termOf(line('type: gp2 / max IOPS: 16000', 'row'))).toBeUndefined();
  });

  it('are not made when the definition names the term, nor for a one-letter term', () => {
    const { cards } = buildFrom({
      't.md':
        '# T\n## X\n- a：AMDのCPUを搭載\n- d：インスタンスストアを内蔵\n- Count：Count of requests\n- db：インスタンスストアを内蔵\n',
    });
    const terms = cards.filter((c) => c.kind === 'term').map((c) => c.answer);
    // "d" (a suffix of instance types) is no name to pick or type (round 3, PSEUDO-TERM).
    expect(terms).toEqual(['db']);
  });
});

describe('cloze spans', () => {
  it('blank key terms without their brackets, and numbers but not their units', () => {
    const bracket = clozeSpans(
      line('EC2に「EBS」のボリュームを接続する', 'line', [
        { kind: 'lenient-bold', start: 4, end: 9 },
      ]),
    );
    expect(bracket.map((s) => s.answer)).toEqual(['EBS']);
    expect(
      clozeSpans(line('Nitroベースインスタンスに対しては最大64000IOPS')).map((s) => s.answer),
    ).toEqual(['64000']);
    expect(clozeSpans(line('一度変更すると６時間変更不可')).map((s) => s.answer)).toEqual(['６']);
  });

  it('keep brackets balanced when trimming a key term', () => {
    const text = 'ハイパフォーマンスコンピューティング (HPC) と機械学習を高速化する';
    const end = text.indexOf(')') + 1;
    const spans = clozeSpans(line(text, 'line', [{ kind: 'code', start: 0, end }]));
    expect(spans.map((s) => s.answer)).toEqual(['ハイパフォーマンスコンピューティング (HPC)']);
  });

  it('skip the number one, model names and spans that leave no context', () => {
    expect(clozeSpans(line('1 秒あたりのパケット数が多い'))).toEqual([]);
    expect(clozeSpans(line('M4 C5 io1 gp2 のタイプ'))).toEqual([]);
    expect(clozeSpans(line('全部が重要', 'line', [{ kind: 'code', start: 0, end: 5 }]))).toEqual(
      [],
    );
  });
});
