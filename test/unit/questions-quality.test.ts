import { describe, expect, it } from 'vitest';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { shippedDeck } from '../helpers/deck.js';

const { cards, index } = shippedDeck();

function examQuestions(seed: number): Question[] {
  const rng = createRng(seed);
  return cards.flatMap((card) => {
    const q = makeQuestion(card, index, rng, 'exam');
    return q ? [q] : [];
  });
}

/** The asked heading's own words (its title and parts, not its ancestors'). */
describe('no option gives itself away', () => {
  it('which-heading: the options are the asked heading\'s siblings, "under X" names their parent', () => {
    let asked = 0;
    for (const q of examQuestions(4).filter((x) => x.kind === 'which-heading')) {
      const first = q.stem.split('\n')[0] ?? '';
      const parent = /under (.*) does this describe/.exec(first)?.[1];
      expect(parent, q.stem).toBe(q.path.slice(0, -1).join(' › '));
      const siblings = index.all
        .filter((l) => l.section.path.slice(0, -1).join(' › ') === parent)
        .map((l) => l.section.title);
      for (const option of q.options ?? []) expect(siblings, q.stem).toContain(option);
      asked += 1;
    }
    expect(asked).toBeGreaterThan(10);
  });
});

describe('the shape of a cloze answer', () => {
  it('tells numbers, names, katakana, identifiers and phrases apart', async () => {
    const { answerShape } = await import('../../src/quiz/questions.js');
    expect(answerShape('5 GB')).toBe('number');
    expect(answerShape('Auto Scaling')).toBe('name');
    expect(answerShape('ディメンション')).toBe('kana');
    expect(answerShape('aws:SourceIp')).toBe('code');
    expect(answerShape('nodeName')).toBe('code');
    expect(answerShape('short-term')).toBe('en');
    expect(answerShape('hours')).toBe('en');
    expect(answerShape('外部ID')).toBe('ja');
  });
});
