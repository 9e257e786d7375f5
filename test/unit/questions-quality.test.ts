import { describe, expect, it } from 'vitest';
import { foldTight } from '../../src/content/text.js';
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
  it('which-heading: "under X" holds every option; with an option from another topic, no "under X"', () => {
    const byTitle = new Map<string, string[][]>();
    for (const { section } of index.all) {
      const key = foldTight(section.title);
      byTitle.set(key, [...(byTitle.get(key) ?? []), section.path]);
    }
    const under = (title: string, parent: string[]) =>
      (byTitle.get(foldTight(title)) ?? []).some((path) => parent.every((p, i) => path[i] === p));
    let widened = 0;
    for (const q of examQuestions(4).filter(
      (x) => x.kind === 'which-heading' && x.path.length > 1,
    )) {
      const first = q.stem.split('\n')[0] ?? '';
      const parent = /under (.*) does this describe/.exec(first)?.[1]?.split(' › ');
      if (!parent) {
        // Only when an option had to come from another topic: the question names no parent.
        expect(first).toBe('Which heading of your notes does this describe?');
        expect(
          (q.options ?? []).some((o) => !under(o, [q.topic])),
          q.path.join(' › '),
        ).toBe(true);
        continue;
      }
      const outside = (q.options ?? []).filter((o) => !under(o, parent));
      expect(outside, q.path.join(' › ')).toEqual([]);
      if (parent.length < q.path.length - 1) widened += 1;
    }
    expect(widened).toBeGreaterThan(10);
    const publicIp = cards.find((c) => c.kind === 'which-heading' && c.answer === 'Public IP');
    for (let seed = 0; seed < 20 && publicIp; seed++) {
      const q = makeQuestion(publicIp, index, createRng(seed), 'exam');
      const all = (q?.options ?? []).every((o) =>
        ['Public IP', 'Private IP', 'Elastic IP(EIP)'].includes(o),
      );
      expect(q?.stem.split('\n')[0]).toContain(all ? 'under EC2 › IP ' : 'under EC2 ');
    }
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
