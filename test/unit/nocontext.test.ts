/**
 * Issue 13, NOCONTEXT in cloze cards: a sentence of a transcript paragraph
 * asked on its own must say what it is about. Fixtures:
 * test/fixtures/quality/nocontext-{ja,en}.md (written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { clozePrompt } from '../../src/content/cards.js';
import type { Card } from '../../src/content/model.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const clozes = (name: string): Card[] =>
  buildFrom({ [name]: fixture(`quality/${name}`) }).cards.filter((c) => c.kind === 'cloze');

describe('a cloze sentence of a paragraph names its subject (NOCONTEXT)', () => {
  it('Japanese: no sentence without subject or object; a shortened name reads in full', () => {
    const cards = clozes('nocontext-ja.md');
    // "1日から＿＿＿年までの…から選びます": of what? The retention is in the sentence before.
    expect(cards.find((c) => c.answer === '10')).toBeUndefined();
    // "レポートは…" shortens "保存量レポート" of the sentence before.
    const report = cards.find((c) => c.answer === '6');
    expect(report?.prompt.startsWith('保存量レポートは＿＿＿時間に1回まで')).toBe(true);
    // A sentence with its own object ("ログを…送りたいときは") and a bullet stay.
    expect(cards.find((c) => c.answer === '2')).toBeDefined();
    expect(cards.find((c) => c.answer === '5')).toBeDefined();
  });

  it('English: no sentence opening with "It"; "The report" reads as the report named before', () => {
    const cards = clozes('nocontext-en.md');
    expect(cards.find((c) => c.answer === '10')).toBeUndefined();
    const report = cards.find((c) => c.answer === '6');
    expect(report?.prompt).toBe(
      'The credential report can be rebuilt at most once every ＿＿＿ hours, and asking sooner returns the last one.',
    );
    expect(cards.find((c) => c.answer === '5')).toBeDefined();
  });

  it('a sentence that announces the kinds it lists is no cloze; the next sentence is', () => {
    for (const name of ['nocontext-ja.md', 'nocontext-en.md']) {
      const answers = clozes(name).map((c) => c.answer);
      expect(answers).not.toContain('IAM ロール');
      expect(answers).not.toContain('IAM role');
      expect(answers).toContain('AWS STS');
    }
  });

  it('a line that points back ("これにより", "This lets") is no cloze', () => {
    const ja = 'これにより毎秒100,000件を超えるイベントを処理できる';
    const at = ja.indexOf('100,000');
    expect(clozePrompt(ja, at, at + 7)).toBeUndefined();
    const en = 'This lets one host push up to 100,000 events per second';
    const from = en.indexOf('100,000');
    expect(clozePrompt(en, from, from + 7)).toBeUndefined();
    const plain = 'One host can push up to 100,000 events per second';
    const p = plain.indexOf('100,000');
    expect(clozePrompt(plain, p, p + 7)).toBe('One host can push up to ＿＿＿ events per second');
  });
});

describe('a chapter number is no leak of a number answer (NOCONTEXT)', () => {
  it.each([
    [
      '# 第3章 保管庫\n\n## Frost Vault Standard\n\n- 3つ以上のAZにコピーを置く\n- 取り出しは数ミリ秒で終わる\n',
      '3',
    ],
    [
      '# Chapter 5: Vaults\n\n## Frost Vault Standard\n\n- Each object can be up to 5 TB in size\n- Reads finish within milliseconds\n',
      '5',
    ],
  ])('keeps the path without the number: %#', (text, answer) => {
    const { cards, index } = buildFrom({ 'v.md': text });
    const card = cards.find((c) => c.kind === 'cloze' && c.answer === answer);
    expect(card).toBeDefined();
    const q = card && makeQuestion(card, index, createRng(1), 'study', sayEn);
    // The line does not name the vault: the path must.
    expect(q?.stem).toContain('Frost Vault Standard');
    expect(q?.stem).not.toMatch(/第3章|Chapter 5/u);
  });
});
