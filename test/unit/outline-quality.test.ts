/**
 * Issue 13: an outline model of facts, statements only, whole-word blanks,
 * terms split only where a term ends, recall of a few lines. Fixtures in
 * test/fixtures/quality/ are written for these tests, in Japanese and English.
 */
import { describe, expect, it } from 'vitest';
import { cardId, clozeSpans, factLines, lineReport, termOf } from '../../src/content/cards.js';
import type { Block, Card, Section } from '../../src/content/model.js';
import { outlineUnits, procedures } from '../../src/content/outline.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { isGenericHeading, isStatement, whyNotStatement } from '../../src/content/statement.js';
import { BLANK } from '../../src/content/text.js';
import { buildFrom, fixture } from '../helpers/deck.js';

const built = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const sectionOf = (name: string, title: string): Section => {
  const { index } = built(name);
  const found = index.all.find((l) => l.section.title === title);
  if (!found) throw new Error(`no section ${title}`);
  return found.section;
};
const line = (text: string, extra: Partial<Block> = {}): Block => ({
  kind: 'item',
  text,
  spans: [],
  line: 1,
  ...extra,
});
const of = (cards: Card[], kind: Card['kind']) => cards.filter((c) => c.kind === kind);

describe.each([
  ['outline-ja.md', 'オブジェクト保存', 'コールドバケット', '鍵の作り直し'],
  ['outline-en.md', 'Object storage', 'Cold Vault', 'Rotating a key'],
])('the outline of %s', (file, storage, cold, steps) => {
  const { cards } = built(file);

  it('keeps a head bullet with its children as one unit', () => {
    const units = outlineUnits(sectionOf(file, storage).blocks);
    expect(units.map((u) => u.children.length)).toEqual([2, 2, 1]);
    expect(units[0]?.head.text).toContain(cold);
  });

  it('asks a head bullet that names something as a term, by what its bullets say', () => {
    const term = of(cards, 'term').find((c) => c.answer === cold);
    expect(term?.prompt.split('\n')).toHaveLength(2);
    expect(term?.prompt).not.toContain(cold);
  });

  it('never makes a fact of a head, a fragment, an example, code, a URL or an image', () => {
    const facts = factLines(sectionOf(file, storage)).map((b) => b.text);
    for (const text of facts) {
      expect(text).not.toMatch(
        /^(?:【重要】)?(?:\*\*)?(?:Cold Vault|Hot Vault|Size limits|コールドバケット|ホットバケット|容量の上限)$/,
      );
      expect(text).not.toMatch(/(?:、|と|が|には|\bis|\band)$/);
      expect(text).not.toMatch(/^(?:例）|e\.g\.)/);
      expect(text).not.toMatch(/https?:|s3:\/\/|^apiVersion|構成図/);
    }
    expect(facts.length).toBeGreaterThanOrEqual(5);
    expect(facts.some((t) => /ライフサイクル規則|Lifecycle rules/.test(t))).toBe(true);
  });

  it('keeps numbered steps as one procedure, asked in order, never as separate facts', () => {
    const section = sectionOf(file, steps);
    expect(procedures(section.blocks)).toHaveLength(1);
    expect(factLines(section)).toEqual([]);
    const recall = of(cards, 'recall').find((c) => c.path.at(-1) === steps);
    expect(recall?.answer.split('\n')).toHaveLength(4);
  });

  it('never blanks a count of the items listed in the line, a year, or a value restated in other units', () => {
    for (const card of of(cards, 'cloze')) {
      expect(card.answer).not.toBe('3');
      expect(card.answer).not.toBe('2024');
      expect(['600', '10']).not.toContain(card.answer);
      expect(card.prompt).toContain(BLANK);
    }
  });

  it('blanks cued values (default, max) and keeps them', () => {
    expect(of(cards, 'cloze').map((c) => c.answer)).toEqual(expect.arrayContaining(['24', '8']));
  });

  it('tells how many lines became facts and why the others were left out', () => {
    const report = lineReport(built(file).deck);
    expect(report.facts).toBeGreaterThan(0);
    expect(report.lines).toBe(
      report.facts + Object.values(report.leftOut).reduce((a, b) => a + (b ?? 0), 0),
    );
    for (const reason of ['step', 'code', 'reference', 'example', 'fragment'] as const) {
      expect(report.leftOut[reason], reason).toBeGreaterThan(0);
    }
    // Head bullets: bare names, or labels of their unit.
    expect((report.leftOut.head ?? 0) + (report.leftOut.name ?? 0)).toBeGreaterThanOrEqual(3);
  });
});

describe('partial words', () => {
  it('are never blanked: one word of a name, or part of a word', () => {
    const text = 'Requests go through EC2 Auto Scaling before they reach the fleet';
    const auto = text.indexOf('Auto');
    expect(
      clozeSpans(line(text, { spans: [{ kind: 'bold', start: auto, end: auto + 4 }] })),
    ).toEqual([]);
    const ja = 'データはダイナモに書き込まれる';
    const at = ja.indexOf('ダイナ');
    expect(clozeSpans(line(ja, { spans: [{ kind: 'bold', start: at, end: at + 3 }] }))).toEqual([]);
  });

  it('leave a trailing particle outside the blank', () => {
    const ja = 'ログはS3に送られて一年間保管される';
    const at = ja.indexOf('S3');
    const spans = clozeSpans(line(ja, { spans: [{ kind: 'bold', start: at, end: at + 3 }] }));
    expect(spans.map((s) => s.answer)).toEqual(['S3']);
  });
});

describe('statements', () => {
  it.each([
    ['ログの保管、', 'fragment'],
    ['バックアップと', 'fragment'],
    ['主な使い道には', 'fragment'],
    ['The most common use is', 'fragment'],
    ['It is used to', 'fragment'],
    ['Use cases:', 'fragment'],
    ['例）画像ファイルの置き場', 'example'],
    ['e.g. a folder of holiday photos', 'example'],
    ['図1：全体の構成', 'caption'],
    ['Figure 2: the request path', 'caption'],
    ['kind: Pod', 'key-value'],
    ['Hot Vault', 'name'],
    ['オブジェクトストレージ', 'name'],
    ['kubectl get pods -o wide', 'code'],
    ['https://example.com/a', 'reference'],
  ])('"%s" is not one (%s)', (text, reason) => {
    expect(whyNotStatement(line(text))).toBe(reason);
  });

  it.each([
    'バケット自体はリージョンに作る',
    'オブジェクトの最大サイズ：5TB',
    '削除保護を有効にすると誤削除を防げる',
    'インスタンスは休止できない（異常と判断して置き換えるから）',
    'Lifecycle rules move old objects to a cheaper tier',
    'MFA: a second factor for every sign-in',
  ])('"%s" is one', (text) => {
    expect(isStatement(line(text))).toBe(true);
  });
});

describe('term lines', () => {
  const terms = (file: string) =>
    parseMarkdown(file, fixture(`quality/${file}`)).topics.flatMap((topic) =>
      [topic, ...topic.children].flatMap((s) => s.blocks.flatMap((b) => termOf(b) ?? [])),
    );

  it.each(['terms-ja.md', 'terms-en.md'])(
    'come from glossary rows, never from a namespace, a URL, a YAML key, a value, a bracket or a rule (%s)',
    (file) => {
      const found = terms(file).map((t) => t.term);
      expect(found).toEqual(
        file === 'terms-ja.md'
          ? ['フェイルオーバー', 'リードレプリカ']
          : ['Failover', 'Read replica'],
      );
    },
  );

  it('split at the first colon outside brackets only', () => {
    expect(termOf(line('トークンの発行（JWT：署名付き）で認可する'))).toBeUndefined();
    expect(termOf(line('TTL：キャッシュに残す秒数（例：300）'))?.term).toBe('TTL');
  });
});

describe('recall', () => {
  it('is made only of a few lines; a long section is asked by its outline units', () => {
    const many = Array.from(
      { length: 9 },
      (_, i) => `- サービス${i}\n  - 役割${i}の説明がある\n  - 料金${i}は時間で決まる`,
    );
    const { cards } = buildFrom({ 'r.md': `# R\n## 長い節\n${many.join('\n')}\n` });
    const recalls = of(cards, 'recall');
    expect(recalls).toHaveLength(9);
    // The head is in the prompt, not in the answer.
    for (const card of recalls) expect(card.answer.split('\n')).toHaveLength(2);
    expect(recalls[0]?.prompt).toBe('R › 長い節 › サービス0');
  });

  it('leaves code, URLs and images out of the expected answer', () => {
    const { cards } = buildFrom({
      'r.md':
        '# R\n## Short\n- Buckets live in one region\n- https://example.com/x\n- ![map](m.png)\n',
    });
    expect(of(cards, 'recall').map((c) => c.answer)).toEqual(['Buckets live in one region']);
  });

  it('keeps the id of a section recall card that survives', () => {
    const { cards } = buildFrom({ 'r.md': '# R\n## Short\n- Buckets live in one region\n' });
    const recall = of(cards, 'recall')[0];
    expect(recall?.id).toBe(cardId('R', ['R', 'Short'], 'recall', 'Short'));
  });
});

describe('generic and chapter headings', () => {
  it.each([
    '第4章 まとめ',
    '第4章 ストレージ',
    'Chapter 3',
    'Overview',
    'Key Details',
    'Simplified',
    'Summary',
    'まとめ',
    '概要',
    'Additional Information',
    'EC2 Section – Summary',
    // Activities and account matters the notes file facts under, not things an exam names.
    'Uploads',
    'アップロード',
    'Quotas',
    '上限',
  ])('"%s" is never an answer', (title) => {
    expect(isGenericHeading(title)).toBe(true);
  });
  it.each([
    'S3 Glacier',
    'ライフサイクル',
    'Dedicated Hosts',
    'Multipart upload',
    'マルチパートアップロード',
  ])('"%s" is a subject', (title) => {
    expect(isGenericHeading(title)).toBe(false);
  });
});

describe('term cards from head bullets', () => {
  it('are made only for heads that name a subject, not a property or a phrase', () => {
    const { cards } = buildFrom({
      'h.md': [
        '# H',
        '## 署名',
        '- 署名付きリンク',
        '  - 期限付きで誰でも取得できる',
        '- 有効期限',
        '  - 最大で7日まで指定できる',
        '- 主キーは2パターン',
        '  - 単一のキーだけで識別される',
        '- 原因：キーの偏りで一部に負荷が集中する',
        '- Key elements of a policy',
        '  - Each statement names an effect and an action',
        '',
      ].join('\n'),
    });
    expect(of(cards, 'term').map((c) => c.answer)).toEqual(['署名付きリンク']);
  });
});

describe('cloze of a paragraph-long line', () => {
  it('shows only the sentence that holds the blank', () => {
    const long = `${'前置きの説明がしばらく続きます。'.repeat(6)}ログの保持期間はデフォルトで無期限です。${'後ろにも説明が続きます。'.repeat(4)}`;
    const at = long.indexOf('無期限');
    const { cards } = buildFrom({
      'c.md': `# C\n## L\n${long.slice(0, at)}**無期限**${long.slice(at + 3)}\n`,
    });
    const cloze = of(cards, 'cloze')[0];
    expect(cloze?.prompt).toBe(`ログの保持期間はデフォルトで${BLANK}です。`);
  });
});

describe('facts under a named head bullet', () => {
  it('read "head: line", so that they are true of someone in particular', () => {
    const { index } = buildFrom({
      'f.md':
        '# F\n## Tiers\n- Warm Tier\n  - Availability is 99.9 percent for each object\n- ウォーム層\n  - 可用性 99.9%\n',
    });
    const section = index.all.find((l) => l.section.title === 'Tiers')?.section;
    expect(section && factLines(section).map((b) => b.text)).toEqual([
      'Warm Tier: Availability is 99.9 percent for each object',
      'ウォーム層：可用性 99.9%',
    ]);
  });

  it('leave out remarks about the notes themselves', () => {
    expect(whyNotStatement(line('※ 自分用。講座と公式ドキュメントで整理した'))).toBe('remark');
    expect(whyNotStatement(line('These notes were written while watching the course'))).toBe(
      'remark',
    );
  });
});

describe('numbered lists', () => {
  it('of two items are facts even when an item runs over two lines; three steps are a procedure', () => {
    const two = parseMarkdown(
      'n.md',
      '# N\n\n1. The first kind reads a token from the header\n\n1. The second kind reads the query string\nOnly the second kind works with sockets\n',
    ).topics[0];
    expect(two && procedures(two.blocks)).toEqual([]);
    expect(two && factLines(two)).toHaveLength(3);
  });

  it('keep a Japanese sentence written in backticks as a sentence', () => {
    const text = 'AMIを作るときは公開鍵も一緒に含まれる。';
    expect(isStatement(line(text, { spans: [{ kind: 'code', start: 0, end: text.length }] }))).toBe(
      true,
    );
  });
});
