/**
 * The notes' own questions (round 13): a practice-exam memo of "Q. …" /
 * "A. …" lines with reasons and wrong options under them. Each question is
 * asked as written; its answer's neighbours (the topic's other answers that
 * are names) are the wrong options, and an answer that is a sentence is
 * recalled and graded by the learner (study only). The lines of a question
 * give no other card: cut from their question they say nothing. Fixtures
 * written for these tests (test/fixtures/quality/qa/).
 */
import { describe, expect, it } from 'vitest';
import { isNameAnswer, qaUnits } from '../../src/content/cards.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const built = buildFrom({
  'ja.md': fixture('quality/qa/ja.md'),
  'en.md': fixture('quality/qa/en.md'),
});
const qa = built.cards.filter((card) => card.kind === 'qa');
const ask = (answer: string, mode: 'study' | 'exam', seed = 1) => {
  const card = qa.find((c) => c.answer === answer);
  if (!card) throw new Error(`no qa card answers ${answer}`);
  return makeQuestion(card, built.index, createRng(seed), mode, sayEn);
};

describe('the notes’ own questions', () => {
  it('each question with its answer on the next line is a card, asked as written', () => {
    expect(qa.map((card) => [card.prompt, card.answer])).toEqual([
      [
        'アクセス量がまったく読めない新サービス。キャパシティ計画をしたくない',
        'オンデマンドキャパシティモード',
      ],
      ['毎日同じ時間帯だけ負荷が上がる。コストを抑えたい', 'プロビジョンドキャパシティモード'],
      [
        '1 RCU で強い整合性の読み込みが毎秒何回できる？',
        '4KB までの項目を1秒に1回。結果整合性なら2回',
      ],
      ['テーブル作成後にソートキー違いの検索を追加したい', 'グローバルセカンダリインデックス'],
      [
        '同じパーティションキーで別のソートキーを使いたい。強い整合性の読み込みも必要',
        'ローカルセカンダリインデックス',
      ],
      ['Messages must be processed exactly once and in the order they were sent.', 'FIFO queue'],
      [
        'A consumer sometimes needs 10 minutes to process a message and other consumers pick it up again.',
        'Raise the visibility timeout above the processing time.',
      ],
      [
        'Messages that fail three times should be kept aside for later analysis.',
        'Dead-letter queue',
      ],
      [
        'Consumers poll an empty queue thousands of times a minute and the bill is high.',
        'Long polling',
      ],
    ]);
  });

  it('an answer that is a name has the other names of its topic as wrong options, in an exam too', () => {
    for (const mode of ['study', 'exam'] as const) {
      const q = ask('FIFO queue', mode);
      expect(q?.format).toBe('choice');
      expect(new Set(q?.options)).toEqual(
        new Set(['FIFO queue', 'Dead-letter queue', 'Long polling']),
      );
      expect(q?.stem).toContain('Messages must be processed exactly once');
    }
    const index = ask('グローバルセカンダリインデックス', 'exam');
    expect(index?.options).toContain('ローカルセカンダリインデックス');
    // Another topic's names are of another subject: never offered.
    expect(index?.options).not.toContain('FIFO queue');
  });

  it('an answer that is a sentence is recalled in study and not asked in an exam', () => {
    const answer = 'Raise the visibility timeout above the processing time.';
    expect(ask(answer, 'study')?.format).toBe('recall');
    expect(ask(answer, 'exam')).toBeUndefined();
    expect(ask('4KB までの項目を1秒に1回。結果整合性なら2回', 'study')?.format).toBe('recall');
  });

  it('the lines of a question give no other card', () => {
    const section = built.index.all.find((l) => l.section.title === 'キャパシティ')?.section;
    if (!section) throw new Error('no section');
    const lines = qaUnits(section).lines;
    // The question, its answer, the reasons and the wrong option under it, up to the blank line.
    for (const line of [5, 6, 7, 8, 10, 11, 12, 14, 15, 16])
      expect(lines.has(line), `${line}`).toBe(true);
    const others = built.cards.filter((card) => card.kind !== 'qa' && card.file === 'ja.md');
    expect(others.filter((card) => card.line < 26)).toEqual([]);
    // A glossary's "A：…" under no question stays what it was.
    expect(built.cards.some((card) => card.kind === 'term' && card.answer === 'AAAA')).toBe(true);
  });

  it('after answering, the learner sees the question’s own answer and reasons, not the next questions', () => {
    const q = ask('FIFO queue', 'study');
    expect(q?.explanation.lines).toEqual([
      'Q: Messages must be processed exactly once and in the order they were sent.',
      'A: FIFO queue',
      'Why the other options were wrong:',
      'Standard queue: at-least-once delivery, best-effort ordering',
    ]);
  });

  it('a question without an answer on the next line is no card, and its lines stay facts', () => {
    expect(qa.some((card) => card.prompt.includes('on the exam'))).toBe(false);
  });

  it('names and sentences', () => {
    for (const name of [
      'S3 Intelligent-Tiering',
      'SSE-KMS（カスタマーマネージドキー）',
      'Long polling',
    ])
      expect(isNameAnswer(name), name).toBe(true);
    for (const text of [
      '30日。あと最小課金サイズ 128KB',
      '2分前',
      '/16 〜 /28',
      'A → B',
      'Raise it.',
    ])
      expect(isNameAnswer(text), text).toBe(false);
  });
});
