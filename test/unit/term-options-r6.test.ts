/**
 * Issue 13, round 6: the wrong options of a term card are its nearest
 * relatives in the notes (WEAK-DISTRACTORS, plausibility 1.08): in a long
 * glossary the names whose own meaning speaks of the same things come first,
 * names of the same head word come first (a time among times, a count among
 * counts), a name that is one word of another's camel case is another thing
 * (Latency beside PulpLatency), and a name whose meaning says the same is no
 * wrong option. Fixtures written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/content/model.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function optionsOf(name: string, answer: string): string[][] {
  const { cards, index } = buildFrom({ [name]: fixture(`quality/${name}`) });
  const card = cards.find((c) => c.kind === 'term' && c.answer === answer) as Card;
  expect(card).toBeDefined();
  return SEEDS.map((seed) => {
    const q = makeQuestion(card, index, createRng(seed), 'exam', sayEn);
    expect(q?.format).toBe('choice');
    return [...(q?.options ?? [])];
  });
}

describe('wrong options of a term card (round 6)', () => {
  it('offer the name whose meaning is nearest in a long glossary', () => {
    // Both are fences with allow rules: the one a learner hesitates over.
    for (const options of optionsOf('term-options-r6-en.md', 'Open gate'))
      expect(options).toContain('Guard post');
    for (const options of optionsOf('term-options-r6-en.md', 'Guard post'))
      expect(options).toContain('Open gate');
    // Both speak of 検出結果.
    for (const options of optionsOf('term-options-r6-ja.md', 'ディテクト'))
      expect(options).toContain('ハブ');
  });

  it('offer a time among times and a count among counts, one camel-case word being another thing', () => {
    for (const file of ['term-options-r6-en.md', 'term-options-r6-ja.md']) {
      for (const options of optionsOf(file, 'PulpLatency')) expect(options).toContain('Latency');
      for (const options of optionsOf(file, 'Latency')) expect(options).toContain('PulpLatency');
      for (const options of optionsOf(file, 'CrateHitCount')) {
        expect(options).toContain('CrateMissCount');
        expect(options).toContain('Count');
      }
    }
  });
});
