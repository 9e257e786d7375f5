import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTight } from '../../src/content/text.js';
import { pickDistractors } from '../../src/quiz/distractors.js';
import { createRng, shuffle } from '../../src/quiz/rng.js';

describe('pickDistractors', () => {
  it('never returns the answer, a duplicate or an empty option (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 8 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer(),
        (answer, tiers, count, seed) => {
          const picked = pickDistractors(answer, tiers, count, createRng(seed));
          expect(picked.length).toBeLessThanOrEqual(count);
          const keys = picked.map(foldTight);
          expect(keys.every((k) => k !== '')).toBe(true);
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys).not.toContain(foldTight(answer));
        },
      ),
    );
  });

  it('takes the nearest tier first and only then the next', () => {
    const picked = pickDistractors(
      'A',
      [
        ['B', 'C'],
        ['D', 'E', 'F'],
      ],
      3,
      createRng(1),
    );
    expect(picked.slice(0, 2).sort()).toEqual(['B', 'C']);
    expect(['D', 'E', 'F']).toContain(picked[2]);
  });

  it('treats width and case variants of the answer as the answer', () => {
    expect(pickDistractors('EBS', [['ＥＢＳ', 'ebs', 'E B S', 'EFS']], 3, createRng(1))).toEqual([
      'EFS',
    ]);
  });

  it('prefers options of a similar length within a tier', () => {
    const tier = ['a very long sentence that gives itself away', 'io1', 'st1', 'sc1'];
    for (let seed = 0; seed < 10; seed++) {
      expect(pickDistractors('gp2', [tier], 3, createRng(seed)).sort()).toEqual([
        'io1',
        'sc1',
        'st1',
      ]);
    }
  });

  it('is reproducible with a seed', () => {
    const tiers = [['a', 'b', 'c', 'd', 'e', 'f']];
    expect(pickDistractors('x', tiers, 3, createRng(5))).toEqual(
      pickDistractors('x', tiers, 3, createRng(5)),
    );
    expect(shuffle([1, 2, 3, 4, 5], createRng(9))).toEqual(shuffle([1, 2, 3, 4, 5], createRng(9)));
  });

  it('asks accept only about the candidates it is about to pick, and never returns a rejected one', () => {
    const asked: string[] = [];
    const tier = Array.from({ length: 200 }, (_, i) => `candidate ${i}`);
    const picked = pickDistractors('answer', [tier], 3, createRng(2), [], (text) => {
      asked.push(text);
      return text.endsWith('7');
    });
    expect(picked).toHaveLength(3);
    expect(picked.every((p) => p.endsWith('7'))).toBe(true);
    // Not every candidate: only until three were accepted.
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(asked.length).toBeLessThan(150);
  });
});
