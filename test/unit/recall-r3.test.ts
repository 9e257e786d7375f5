/**
 * Recall cards, round 3 of issue 13 (judged audit r3): an answer a learner can
 * give back, point by point. Transcript paragraphs are split into their
 * sentences or left out (OVERSIZE/HEAP), a line cut mid-sentence is joined to
 * the next (FRAGMENT), a lead-in is no heading to explain (FRAGMENT), bare names
 * under a heading that does not say what they are ask nothing (NOCONTEXT), and
 * history is no point to recall (TRIVIAL/STALE). Fixtures of our own words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLeadIn } from '../../src/content/cards.js';
import { isHistory } from '../../src/content/statement.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const ja = buildFrom({ 'ja.md': read('recall-r3-ja.md') });
const en = buildFrom({ 'en.md': read('recall-r3-en.md') });
type Built = typeof ja;

const recalls = (built: Built) => built.cards.filter((c) => c.kind === 'recall');
const recallOf = (built: Built, last: string) =>
  recalls(built).filter((c) => c.prompt.split(' › ').at(-1) === last);
const points = (answer: string) => answer.split('\n').filter((l) => l.trim());

describe('OVERSIZE/HEAP: a transcript paragraph is no point', () => {
  it.each([
    [ja, 'ブルーグリーンの切り替え', '新しい環境を作成する', '自動で元に戻ります'],
    [en, 'Rolling back a release', 'Create the new environment', 'rolled back automatically'],
  ])('%#: the section asks its steps, not the talk around them', (built, title, step, aside) => {
    const cards = recallOf(built, title);
    expect(cards).toHaveLength(1);
    const answer = (cards[0] as (typeof cards)[0]).answer;
    expect(answer).toContain(step);
    expect(answer).not.toContain(aside);
    expect(points(answer)).toHaveLength(4);
  });

  it('a sentence that states nothing ("Gateway vs interface.") makes the split no answer', () => {
    expect(recallOf(en, 'Private endpoints')).toHaveLength(0);
  });

  it.each([
    [ja, 'スタックの一括展開', '差分検出'],
    [en, 'Stack sets', 'drift detection'],
  ])('%#: the answer stops where the talk moves on to another matter', (built, title, other) => {
    const [card] = recallOf(built, title);
    expect(card?.answer.split('\n')).toHaveLength(1);
    expect(card?.answer).not.toContain(other);
  });

  it('no recall answer has a line of several sentences or more than six points', () => {
    for (const built of [ja, en])
      for (const card of recalls(built)) {
        expect(points(card.answer).length).toBeLessThanOrEqual(6);
        for (const l of points(card.answer)) expect(l).not.toMatch(/[。！？]\s*\S|[.!?]\s+[A-Z]/u);
      }
  });
});

describe('FRAGMENT: a line cut mid-sentence goes with the next', () => {
  it('Japanese: …URLと + …を指定する is one point, and the count says so', () => {
    const [card] = recallOf(ja, 'OIDCオーソライザー');
    expect(card?.answer.split('\n')).toEqual([
      'HTTP APIで使う認証',
      'トークンを読むヘッダーと発行元のURLと利用者を表すクライアントIDを指定するだけで使える',
    ]);
    const q = card && makeQuestion(card, ja.index, createRng(1), 'study', sayEn);
    expect(q?.stem).toContain('(2 points)');
  });

  it('English: a line that goes on in "without …" is one point, its history left out', () => {
    const [card] = recallOf(en, 'Queue endpoints');
    expect(card?.answer).toBe(
      'A queue endpoint allows instances in a private subnet to reach the queue without going through the internet.',
    );
  });
});

describe('FRAGMENT: a lead-in is no heading to explain', () => {
  it.each([
    'Policies can be attached to',
    'Secrets can be read by',
    'Key features include:',
    'Flexible across',
    '保存先には次がある',
    '対象は',
    '主な用途として',
  ])('%s', (head) => {
    expect(isLeadIn(head)).toBe(true);
  });

  it.each([
    'Key elements of a policy',
    'Purchasing Options:',
    'VPCピアリング',
    '設定手順',
    'Amazon S3',
  ])('a name is no lead-in: %s', (head) => {
    expect(isLeadIn(head)).toBe(false);
  });

  it('no recall prompt ends in a lead-in', () => {
    for (const built of [ja, en])
      for (const card of recalls(built))
        expect(isLeadIn(card.prompt.split(' › ').at(-1) ?? '')).toBe(false);
    expect(recalls(en).some((c) => c.prompt.endsWith('read by'))).toBe(false);
    expect(recalls(ja).some((c) => c.prompt.endsWith('次がある'))).toBe(false);
  });
});

describe('NOCONTEXT: bare names under a heading that does not say what they are', () => {
  it.each([
    [ja, '低速ボリューム', '高速ボリューム'],
    [en, 'Cold volumes', 'Fast volumes'],
  ])('%#: no card for the names, a card for the statements beside them', (built, bare, said) => {
    expect(recallOf(built, bare)).toHaveLength(0);
    expect(recallOf(built, said)).toHaveLength(1);
  });
});

describe('TRIVIAL/STALE: history is no point to recall', () => {
  it.each([
    'S3 was the first service with endpoints.',
    'The provider is constantly evaluating endpoints for other services.',
    '初めは通知先がキューだけだったが、あとから増えた',
    '以前はリージョンごとに設定が必要だった',
    '認可は初めはトークンだけだったが、あとで関数も使えるようになった',
  ])('%s', (text) => {
    expect(isHistory(text)).toBe(true);
  });

  it.each([
    '以前はリージョンごとだったが、現在はグローバルに設定できる',
    'Gateway endpoints were added to route tables by hand.',
    'Objects can be up to 5 TB in size.',
  ])('keeps a fact of now: %s', (text) => {
    expect(isHistory(text)).toBe(false);
  });

  it('the history line is left out of the answer, the facts stay', () => {
    const [card] = recallOf(ja, 'バケットの通知');
    expect(card?.answer.split('\n')).toEqual([
      'イベントをキュー、トピック、関数に送れる',
      '送るイベントの種類をプレフィックスで絞れる',
    ]);
  });
});

describe('talk: "let\'s" is transcript talk, the verb "lets" is not', () => {
  it('keeps a line that says what a thing lets you do', () => {
    const { cards } = buildFrom({
      'n.md': [
        '# Networking',
        '## NAT gateway',
        '- A NAT gateway lets instances in a private subnet reach the internet',
        '- NAT gateways are managed by AWS and scale up to 100 Gbps',
        '',
      ].join('\n'),
    });
    const recall = cards.find((c) => c.kind === 'recall' && c.path.at(-1) === 'NAT gateway');
    expect(recall?.answer).toContain('lets instances in a private subnet reach the internet');
  });
});
