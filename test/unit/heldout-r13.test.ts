/**
 * Round 13: what learners judged bad in cards made from notes written for the
 * test and never used to tune the rules (held-out notes). A count heading
 * offered as one of the things it counts ("6つの柱" beside the pillars), exam
 * labels taken for terms ("exam tip: …", "NOT: …", "ALB vs NLB: …"), the step
 * of a procedure taken for a definition ("3. SG: allow inbound 443"), items
 * under a lead-in that says what they are not, asked as clues of the heading,
 * a later sentence without a verb asked alone ("Default ＿＿＿ s"), a count
 * worked out from the line's other count and the change it names, and a
 * blank whose Japanese word is on the line ("`Decrypt` … 復号する").
 * Fixtures written for these tests (test/fixtures/quality/heldout-r13/).
 */
import { describe, expect, it } from 'vitest';
import { isNameHeading, isTermName } from '../../src/content/cards.js';
import { derivedByArithmetic } from '../../src/content/derived.js';
import { namesInOtherWords } from '../../src/content/overlap.js';
import { isGenericHeading, whyNotStatement } from '../../src/content/statement.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const built = buildFrom({
  'ja.md': fixture('quality/heldout-r13/ja.md'),
  'en.md': fixture('quality/heldout-r13/en.md'),
});
const ofKind = (kind: string) => built.cards.filter((card) => card.kind === kind);

describe('headings that count or label the notes are no options', () => {
  it('a heading that counts what it holds is no name', () => {
    for (const title of ['6つの柱', '3つの呼び出し方式', '3種類のキー', 'Six pillars', '5 Rs'])
      expect(isNameHeading({ title, depth: 2 }), title).toBe(false);
    for (const title of ['運用上の優秀性', 'S3 Glacier', 'Route 53', 'EC2'])
      expect(isNameHeading({ title, depth: 2 }), title).toBe(true);
  });

  it('a day of a study log is no name, whatever it is about', () => {
    for (const title of ['11/7（木）FSx', '11月7日 EFS', '2024-03-02 VPC', 'Day 3: VPC', 'Week 2'])
      expect(isNameHeading({ title, depth: 2 }), title).toBe(false);
    // A numbered section of a course or a book names its subject.
    for (const title of ['4.2 Route 53 routing policies', '5.3 NAT ゲートウェイ', '7.4 FSx'])
      expect(isNameHeading({ title, depth: 2 }), title).toBe(true);
  });

  it('an aspect or a part of the notes is a label, a name ending alike is not', () => {
    for (const title of [
      'SQS の数値',
      'Lambda の制限',
      '選び方',
      '明日やること',
      'Snow ファミリーの状況',
      'Lambda limits',
      'How to choose',
    ])
      expect(isGenericHeading(title), title).toBe(true);
    for (const title of ['地理的制限', 'Lambda', 'Service Quotas'])
      expect(isGenericHeading(title), title).toBe(false);
  });

  it('the frame of a talk is a label, and a slide’s number is no part of its title', () => {
    for (const title of [
      'スライド1：背景',
      'スライド1：今日のゴール',
      'Slide 2 – Diagram: reference architecture',
      'My mistakes',
      'Numbers to memorize',
      'スライド6：レビューの進め方',
    ])
      expect(isGenericHeading(title), title).toBe(true);
    for (const title of ['Slide 3 – Amazon Athena', 'スライド5：AWS Compute Optimizer'])
      expect(isNameHeading({ title, depth: 2 }), title).toBe(true);
  });

  it('"Key numbers", "覚え方" and "歴史" are labels of the notes', () => {
    for (const title of ['Key numbers', '覚え方', '歴史', 'History', 'Gotchas', 'ひっかけ注意'])
      expect(isGenericHeading(title), title).toBe(true);
    // Every answer and option of the which-* questions, over a few draws.
    const answers = [...ofKind('which-heading'), ...ofKind('which-fact')].flatMap((card) =>
      [1, 2, 3, 4].flatMap((seed) => {
        const q = makeQuestion(card, built.index, createRng(seed), 'exam', sayEn);
        return [card.answer, ...(q?.options ?? [])];
      }),
    );
    expect(answers.length).toBeGreaterThan(4);
    for (const label of ['3つの呼び出し方式', '覚え方', '歴史', 'Key numbers'])
      expect(answers).not.toContain(label);
  });
});

describe('labels, comparisons and steps are no terms', () => {
  it('an exam label or a comparison before the colon is no term', () => {
    for (const term of [
      'exam tip',
      'gotcha',
      'NOT',
      'ひっかけ注意',
      '覚え方',
      'ALB vs NLB',
      'Targets',
      'Operators',
      'Name format',
      'default',
    ])
      expect(isTermName(term), term).toBe(false);
    for (const term of ['SNI', 'Deregistration delay', 'データキー', 'Deep Archive'])
      expect(isTermName(term), term).toBe(true);
    const terms = ofKind('term').map((card) => card.answer);
    for (const label of ['exam tip', 'gotcha', 'NOT', 'ALB vs NLB'])
      expect(terms).not.toContain(label);
  });

  it('a step of a numbered procedure says what to do, not what its thing is', () => {
    const terms = ofKind('term').map((card) => card.answer);
    expect(terms).not.toContain('SG');
    expect(terms).not.toContain('ALB');
    // The steps stay a recall answer of the procedure.
    const steps = ofKind('recall').find((card) => card.prompt.endsWith('Setting up an ALB'));
    expect(steps?.answer).toContain('SG: allow inbound 443 from the internet.');
  });
});

describe('clues that need the line before them', () => {
  it('an item under "…できないもの：" is no clue of its heading', () => {
    const clues = [...ofKind('which-heading'), ...ofKind('which-fact')].map((card) => card.prompt);
    for (const item of ['同期で呼ばれた関数のエラー', 'タイムアウト前のリクエスト'])
      expect(
        clues.some((prompt) => prompt.includes(item)),
        item,
      ).toBe(false);
  });

  it('a later sentence without a verb is no cloze of its own', () => {
    const clozes = ofKind('cloze').map((card) => card.prompt);
    expect(clozes.some((prompt) => prompt.includes('Default ＿＿＿ s'))).toBe(false);
  });
});

describe('terse bullets', () => {
  it('a top-level bullet may start with its subject in lower case', () => {
    const clozes = ofKind('cloze');
    const answers = (start: string) =>
      clozes.filter((card) => card.prompt.includes(start)).map((card) => card.answer);
    expect(answers('idle timeout default ＿＿＿ s')).toEqual(['60']);
    expect(answers('deregistration delay default ＿＿＿ s')).toEqual(['300']);
    // A bullet that goes on from the line before, or one under a head bullet, names no subject.
    expect(clozes.some((card) => card.prompt.includes('MB/s per node'))).toBe(false);
    expect(clozes.some((card) => card.prompt.includes('for new targets'))).toBe(false);
  });

  it('a worked example in brackets is not asked, the value before it is', () => {
    const ofLine = ofKind('cloze').filter((card) => card.prompt.includes('health check interval'));
    expect(ofLine.map((card) => card.answer)).toEqual(['30']);
  });

  it('values listed in brackets as examples, and a number of another part of the notes, are not asked', () => {
    const prompts = ofKind('cloze').map((card) => card.prompt);
    expect(prompts.some((prompt) => prompt.includes('requests per target'))).toBe(false);
    expect(prompts.some((prompt) => prompt.includes('boot case above'))).toBe(false);
  });
});

describe('blanks the line works out', () => {
  it('a count with the other count and the change on the line is not asked', () => {
    const clozes = ofKind('cloze').filter((card) => card.prompt.includes('Ruby が追加'));
    expect(clozes).toEqual([]);
    // Another count of the line without a number beside it ("十数個") gives nothing away.
    expect(
      ofKind('cloze').some((card) => card.answer === '3' && card.prompt.includes('トリガー')),
    ).toBe(true);
  });

  it('a share of one whole with the other share on the line is worked out', () => {
    const line = 'weighted alias: 90% to v3 and 10% to v4';
    const at = line.indexOf('10%');
    expect(derivedByArithmetic(line, at, at + 2)).toBe(true);
    const other = 'burst 50% of the time, 30% for the rest';
    const from = other.indexOf('30%');
    expect(derivedByArithmetic(other, from, from + 2)).toBe(false);
  });

  it('the values of a quoted example are not asked, a rule’s own value is', () => {
    const clozes = ofKind('cloze').filter((card) => card.source.includes('日'));
    expect(clozes.some((card) => card.prompt.includes('みたいに'))).toBe(false);
    expect(clozes.some((card) => card.prompt.includes('最低 ＿＿＿ 日'))).toBe(true);
  });

  it('a line that is an aside in brackets says nothing of its own', () => {
    const line = (text: string) => ({ kind: 'line' as const, text, spans: [], line: 1 });
    expect(
      whyNotStatement(line('(confused with target group rules — those only decide health checks)')),
    ).toBe('remark');
    expect(whyNotStatement(line('（ネットワークACLと混同しやすい。こちらはステートレス）'))).toBe(
      'remark',
    );
    // Brackets inside a statement leave it one.
    expect(
      whyNotStatement(line('Listener rules (up to 100) are evaluated in priority order.')),
    ).toBeUndefined();
    const prompts = built.cards.map((card) => `${card.prompt}\n${card.answer}`);
    expect(prompts.some((text) => text.includes('confused with target group rules'))).toBe(false);
  });

  it('one item of a list of three or more is not blanked, a name on its own is', () => {
    const clozes = ofKind('cloze').filter((card) => card.path.at(-1) === 'Drift');
    expect(clozes.map((card) => card.answer)).toEqual(['DRIFTED']);
    expect(isTermName('Docs')).toBe(false);
  });

  it('no number of the author’s own mistakes or files, and no term of a summary or a count', () => {
    const prompts = ofKind('cloze').map((card) => card.prompt);
    expect(prompts.some((prompt) => prompt.includes('long uploads'))).toBe(false);
    expect(prompts.some((prompt) => prompt.includes('task-def.json'))).toBe(false);
    const terms = ofKind('term').map((card) => card.answer);
    expect(terms).not.toContain('Two parts');
    expect(terms).not.toContain('Options');
    for (const term of ['Two parts', '4つの戦略', 'Options'])
      expect(isTermName(term), term).toBe(false);
  });

  it('a line that opens with an arrow concludes the line above: no clue of its own', () => {
    const clues = [...ofKind('which-heading'), ...ofKind('which-fact')].map((card) => card.prompt);
    expect(clues.some((prompt) => prompt.includes('→ 迷ったら'))).toBe(false);
  });

  it('AWS’s own short names name the service', () => {
    const cases: [string, string][] = [
      ['dedicated 1 / 10 / 100 Gbps, not encrypted → VPN over DX', 'Direct Connect'],
      ['a member account can only be in one org at a time', 'Organizations / consolidated billing'],
      ['EC2 role needs AWSXRayDaemonWriteAccess', 'X-Ray'],
      ['DXGW 経由で TGW へ', 'Transit VIF'],
      ['プライベートサブネットから NGW 経由で外へ', 'NAT ゲートウェイ'],
    ];
    for (const [text, name] of cases) expect(namesInOtherWords(text, name, []), name).toBe(true);
    // Not when another option is named the same way, nor for a word that only looks alike.
    expect(namesInOtherWords('VPN over DX', 'Direct Connect', ['Direct Connect Gateway'])).toBe(
      false,
    );
    expect(namesInOtherWords('the DXF file format', 'Direct Connect', [])).toBe(false);
  });

  it('a blank whose word in the other language is on the line is not asked', () => {
    expect(ofKind('cloze').map((card) => card.answer)).not.toContain('Decrypt');
  });
});
