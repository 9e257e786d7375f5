/**
 * recall, list-children and cloze on notes of our own, in Japanese and
 * English (issue 13, judged audit: HEAP, doubts, FORM-MISMATCH, open sets,
 * NOCONTEXT, uncounted lists, example-list blanks, marketing counts, the next
 * tier on the same line, continuation lines, values of an exercise).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineReport, statedCount } from '../../src/content/cards.js';
import { whyNotStatement } from '../../src/content/statement.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'quality');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const ja = buildFrom({ 'ja.md': read('qc-ja.md') });
const en = buildFrom({ 'en.md': read('qc-en.md') });
type Built = typeof ja;

const of = (built: Built, kind: string) => built.cards.filter((c) => c.kind === kind);
/** The heading each recall card asks to explain (the last part of its prompt). */
const recalled = (built: Built) => of(built, 'recall').map((c) => [c.prompt.split(' › ').at(-1)]);
const blanks = (built: Built) => of(built, 'cloze').map((c) => c.answer);
const line = (text: string) => ({ kind: 'item' as const, text, line: 1, spans: [] });

describe('doubts and questions are no facts', () => {
  it.each([
    '新しいノードだけ止めればよいという説もある',
    '全体を止める必要があるのか謎（ちゃんと載ってない）',
    'Some say only the new node has to stop, not sure which is right.',
    'TODO check the retention period',
    'The limit is 10 GB (?)',
    'Does the queue keep order？',
  ])('%s', (text) => {
    expect(whyNotStatement(line(text))).toBe('doubt');
  });

  it('keep a plain statement a statement', () => {
    expect(whyNotStatement(line('追加するノードは同じサイズにそろえる'))).toBeUndefined();
    expect(whyNotStatement(line('The new node must use the same instance size.'))).toBeUndefined();
  });

  it('are counted as left out by check', () => {
    for (const built of [ja, en]) expect(lineReport(built.deck).leftOut.doubt).toBe(1);
  });

  it('a documentation breadcrumb is a reference, not a fact', () => {
    expect(whyNotStatement(line('kubernetes.io > Documentation > Tasks > Run Jobs'))).toBe(
      'reference',
    );
  });
});

describe('recall: a coherent answer to the heading, or nothing', () => {
  it('never from a section with the author’s doubt in it (contradicting lines)', () => {
    expect(recalled(ja).flat()).not.toContain('ノードの追加');
    expect(recalled(en).flat()).not.toContain('Adding a node');
  });

  it('never from a transcript section that mixes a question from the room and closing talk', () => {
    expect(recalled(ja).flat()).not.toContain('キャッシュの講義');
    expect(recalled(en).flat()).not.toContain('Lecture on caches');
  });

  it('never for an open set (features, benefits, use cases): the notes’ few are no defensible answer', () => {
    expect(recalled(ja).flat()).not.toContain('特徴');
    expect(recalled(en).flat()).not.toContain('Key features');
  });

  it('never when the lines only say how to find the thing, or its kinds are sub-sections', () => {
    expect(recalled(ja).flat()).not.toContain('マシンイメージ');
    expect(recalled(en).flat()).not.toContain('Machine images');
  });

  it('names the head bullet a nested procedure belongs to, keeping the card id', () => {
    const ja1 = of(ja, 'recall').find((c) => c.prompt.endsWith('設定手順'));
    const en1 = of(en, 'recall').find((c) => c.prompt.endsWith('Setup steps'));
    expect(ja1?.prompt).toContain('ピアリング接続 › 設定手順');
    expect(en1?.prompt).toContain('Peering › Setup steps');
    // The source (hence the id) is still the section title and the announcing line.
    expect(ja1?.source).toBe('ネットワーク\u001f設定手順');
  });

  it('tells the learner how many points the notes expect', () => {
    const card = of(en, 'recall').find((c) => c.prompt.endsWith('Setup steps'));
    const q = card && makeQuestion(card, en.index, createRng(1), 'study', sayEn);
    expect(q?.stem).toMatch(/^Explain \(3 points\): /);
  });

  it('still asks a coherent section (control)', () => {
    expect(recalled(ja).flat()).toContain('ファイルゲートウェイ');
    expect(recalled(en).flat()).toContain('Hot tier');
  });
});

describe('list-children: only a list the notes count', () => {
  it('reads the count from the heading or its lead line', () => {
    expect(statedCount({ title: 'ボリュームの3種類', blocks: [] })).toBe(3);
    expect(statedCount({ title: 'The three storage tiers', blocks: [] })).toBe(3);
    expect(statedCount({ title: '暗号化', blocks: [line('2つの方式がある')] })).toBe(2);
    expect(statedCount({ title: 'Connection modes', blocks: [] })).toBeUndefined();
  });

  it('makes a card for a counted list, none for an uncounted one', () => {
    const lists = (built: Built) => of(built, 'list-children').map((c) => c.path.at(-1));
    expect(lists(ja)).toEqual(['ボリュームの3種類']);
    expect(lists(en)).toEqual(['The three storage tiers']);
  });

  it('says how many the notes list', () => {
    const card = of(en, 'list-children')[0];
    const q = card && makeQuestion(card, en.index, createRng(0), 'study', sayEn);
    expect(q?.stem).toBe(
      'The notes list 3 under Practice notes › The three storage tiers: name them.',
    );
  });
});

describe('cloze: one defensible value, named in the line', () => {
  it('never blanks one item of an example list (など, such as)', () => {
    expect(blanks(ja)).not.toContain('アクセスログ');
    expect(blanks(en)).not.toContain('log ingestion');
  });

  it('never blanks a marketing count (200件以上, over 200)', () => {
    expect(blanks(ja)).not.toContain('200');
    expect(blanks(en)).not.toContain('200');
  });

  it('never blanks a value the next tier on the line restates (60秒 … 1分)', () => {
    expect(blanks(ja)).not.toContain('60');
    expect(blanks(en)).not.toContain('60');
  });

  it('never blanks a wrapped continuation line that names no subject', () => {
    expect(blanks(en)).not.toContain('250');
    expect(blanks(en)).not.toContain('400');
  });

  it('never blanks a value of an exercise', () => {
    expect(blanks(ja)).not.toContain('45');
    expect(blanks(en)).not.toContain('45');
  });

  it('names the head a step belongs to', () => {
    const ja7 = of(ja, 'cloze').find((c) => c.answer === '7');
    const en7 = of(en, 'cloze').find((c) => c.answer === '7');
    expect(ja7?.prompt).toMatch(/^ピアリング接続(?: › 設定手順)?：/);
    expect(en7?.prompt).toMatch(/^Peering(?: › Setup steps)?: /);
  });

  it('still blanks a value with a cue (control)', () => {
    expect(blanks(ja)).toContain('30');
    expect(blanks(en)).toContain('30');
  });
});
