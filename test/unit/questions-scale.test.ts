import { describe, expect, it } from 'vitest';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, CONTENT, readDir } from '../helpers/deck.js';

describe('question making at scale', () => {
  it('stays near-linear: every question of 20 copies of the shipped notes in a few seconds', () => {
    const notes = readDir(CONTENT);
    const files: Record<string, string> = {};
    for (let n = 1; n <= 20; n++) {
      for (const [name, text] of Object.entries(notes)) {
        files[`${String(n).padStart(2, '0')}-${name}`] = text.replace(/^# /gm, `# ${n}-`);
      }
    }
    const { cards, index } = buildFrom(files);
    expect(cards.length).toBeGreaterThan(3_500);
    const rng = createRng(1);
    const started = performance.now();
    let made = 0;
    for (const card of cards) {
      if (makeQuestion(card, index, rng, 'exam') ?? makeQuestion(card, index, rng, 'study'))
        made += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    expect(made).toBe(cards.length);
    // About 1 s here; quadratic scanning took over a minute. Generous for slow CI.
    expect(seconds).toBeLessThan(10);
  }, 120_000);
});
