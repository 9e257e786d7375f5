import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTight, leaksWord } from '../../src/content/text.js';
import { normalizeAnswer } from '../../src/quiz/grade.js';
import { MIN_OPTIONS, makeQuestion, OPTION_COUNT } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { buildFrom, shippedDeck } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const { cards, index } = shippedDeck();

function questionsFor(seed: number, mode: 'study' | 'exam'): Question[] {
  const rng = createRng(seed);
  return cards.flatMap((card) => {
    const q = makeQuestion(card, index, rng, mode, sayEn);
    return q ? [q] : [];
  });
}

function checkQuestion(q: Question): void {
  const where = `${q.kind} ${q.path.join(' › ')}: ${q.answer}`;
  expect(q.stem.trim(), where).not.toBe('');
  if (q.format === 'recall') return;
  // The answer is never given away by the question.
  expect(leaksWord(q.stem, q.answer), where).toBe(false);
  if (q.format !== 'choice') return;
  const options = q.options ?? [];
  expect(options.length, where).toBeGreaterThanOrEqual(MIN_OPTIONS);
  expect(options.length, where).toBeLessThanOrEqual(6);
  const normalized = options.map((o) => normalizeAnswer(o));
  expect(
    normalized.every((o) => o !== ''),
    where,
  ).toBe(true);
  expect(new Set(options.map(foldTight)).size, where).toBe(options.length);
  // Exactly one option is right, and it is the one marked correct.
  expect(q.correct, where).toBeGreaterThanOrEqual(0);
  expect(options[q.correct ?? -1], where).toBe(q.answer);
  expect(
    options.filter((o) => foldTight(o) === foldTight(q.answer)),
    where,
  ).toHaveLength(1);
  // A blank's wrong options are never words printed elsewhere in its line.
  if (q.kind === 'cloze') {
    const line = q.stem.split('\n').slice(1).join('\n');
    for (const option of options)
      if (option !== q.answer) expect(leaksWord(line, option), `${where} / ${option}`).toBe(false);
  }
}

describe('questions from the shipped notes', () => {
  it('keep every multiple-choice and typed rule, for any seed, in study and exam mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('study', 'exam'),
        (seed, mode) => {
          for (const q of questionsFor(seed, mode as 'study' | 'exam')) checkQuestion(q);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('give four options whenever the deck has enough candidates', () => {
    const choice = questionsFor(7, 'exam').filter((q) => q.format === 'choice');
    // which-* cards come only from lines that name neither their heading nor a
    // sibling (issue 13): fewer, better questions than the one-per-line of old.
    expect(choice.length).toBeGreaterThan(60);
    // A heading with only two children gives "which is NOT" two children and one outsider.
    const twoChildren = new Set(
      cards.filter((c) => c.kind === 'list-children' && c.items?.length === 2).map((c) => c.id),
    );
    // EC2's instance suffixes d / n / a are single letters: no term cards (round 3, PSEUDO-TERM).
    const threeTerms = new Set(
      cards.filter((c) => c.kind === 'term' && c.topic === 'EC2').map((c) => c.id),
    );
    expect(threeTerms.size).toBe(0);
    for (const q of choice) {
      const expected = twoChildren.has(q.cardId) || threeTerms.has(q.cardId) ? 3 : OPTION_COUNT;
      // which-* offer the sibling headings there are (no close relative): three or more options.
      // A cloze offers only names of its answer's shape: three options when there are no more.
      // A term offers only its nearest relatives of its own kind of name: three when there are no more.
      if (
        q.kind === 'which-fact' ||
        q.kind === 'which-heading' ||
        q.kind === 'cloze' ||
        (q.kind === 'term' && !threeTerms.has(q.cardId))
      )
        expect(q.options?.length).toBeGreaterThanOrEqual(3);
      else expect(q.options?.length, `${q.kind} ${q.path.join(' › ')}`).toBe(expected);
      if (threeTerms.has(q.cardId)) expect([...(q.options ?? [])].sort()).toEqual(['a', 'd', 'n']);
    }
  });

  it('only make multiple choice in exam mode', () => {
    const exam = questionsFor(3, 'exam');
    expect(exam.every((q) => q.format === 'choice')).toBe(true);
    const kinds = new Set(exam.map((q) => q.kind));
    for (const kind of ['which-heading', 'which-fact', 'term', 'cloze'])
      expect(kinds).toContain(kind);
    expect(kinds).not.toContain('recall');
  });

  it('mix multiple choice, typed and recall in study mode', () => {
    const formats = new Set(questionsFor(3, 'study').map((q) => q.format));
    expect(formats).toEqual(new Set(['choice', 'typed', 'recall']));
  });

  it('are the same for the same seed and shuffled differently for other seeds', () => {
    const a = questionsFor(42, 'exam');
    expect(questionsFor(42, 'exam')).toEqual(a);
    const b = questionsFor(43, 'exam');
    const differentOrder = a.filter((q, i) => q.options?.join('|') !== b[i]?.options?.join('|'));
    expect(differentOrder.length).toBeGreaterThan(a.length / 2);
    const positions = new Set(a.map((q) => q.correct));
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });

  it('take distractors from the nearest relatives first', () => {
    const card = cards.find((c) => c.kind === 'which-heading' && c.answer === '汎用');
    if (!card) throw new Error('card missing');
    const siblings = [
      'メモリ最適化',
      'コンピューティング最適化',
      'ストレージ最適化',
      'グラフィカルインスタンス',
      '追加機能',
    ];
    for (let seed = 0; seed < 20; seed++) {
      const q = makeQuestion(card, index, createRng(seed), 'exam', sayEn);
      for (const option of q?.options ?? []) {
        if (option !== '汎用') expect(siblings).toContain(option);
      }
    }
  });

  it('give the whole section as the explanation', () => {
    const card = cards.find((c) => c.kind === 'recall' && c.path.at(-1) === 'Private IP');
    const q = card && makeQuestion(card, index, createRng(1), 'study', sayEn);
    expect(q?.explanation).toEqual({
      path: ['EC2', 'IP', 'Private IP'],
      lines: ['必ず割り当てられる', 'Stop Startしても同じIPが割り振られる'],
    });
  });
});

describe('questions from small notes', () => {
  it('fall back to recall in study, and to nothing in exams, when there are too few options', () => {
    const { cards: few, index: small } = buildFrom({
      'one.md': '# Solo\n## Only\nただ一つの事実です\n',
    });
    for (const card of few) {
      expect(makeQuestion(card, small, createRng(1), 'exam', sayEn)).toBeUndefined();
      expect(makeQuestion(card, small, createRng(1), 'study', sayEn)?.format).toBe('recall');
    }
  });

  it('make no which-heading card of a topic or of too few headings (no "name it", no "Explain: …")', () => {
    const { cards: two } = buildFrom({
      's3.md': '# S3\nAmazon S3 stores objects in buckets.\n## Classes\nStandard is the default.\n',
      'vpc.md': '# VPC\nA VPC is a private network in one Region.\n',
    });
    expect(two.filter((c) => c.kind === 'which-heading' || c.kind === 'which-fact')).toEqual([]);
  });
});
