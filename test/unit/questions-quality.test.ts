import { describe, expect, it } from 'vitest';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import type { Question } from '../../src/quiz/types.js';
import { buildFrom, shippedDeck } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const { cards, index } = shippedDeck();

function examQuestions(seed: number): Question[] {
  const rng = createRng(seed);
  return cards.flatMap((card) => {
    const q = makeQuestion(card, index, rng, 'exam', sayEn);
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

describe('cloze options', () => {
  it('come from the asked topic only: no key term of another topic is a wrong option', () => {
    const { cards: own, index: small } = buildFrom({
      'a.md': [
        '# Storage',
        '## Blocks',
        'Block disks can be shared by several hosts with **Gemini Share** enabled.',
        '## Files',
        'Shared file systems are reached in each zone through **Harbor Points** only.',
        '## Objects',
        'Buckets keep every revision of a key with **Object Versioning** turned on.',
        '## Archive',
        'Archives are kept unchangeable for years with **Glacier Lock** policies.',
        '',
      ].join('\n'),
      'b.md': [
        '# Compute',
        '## Fleet',
        'Instances scale out through **Launch Templates** when load grows.',
        '## Spot',
        'Spare capacity is sold through **Capacity Pools** at a discount.',
        '',
      ].join('\n'),
    });
    const compute = new Set(['Launch Templates', 'Capacity Pools']);
    let asked = 0;
    for (const card of own.filter((c) => c.kind === 'cloze' && c.topic === 'Storage')) {
      for (let seed = 0; seed < 5; seed++) {
        const q = makeQuestion(card, small, createRng(seed), 'exam', sayEn);
        if (!q?.options) continue;
        for (const option of q.options) expect(compute.has(option), option).toBe(false);
        asked += 1;
      }
    }
    expect(asked).toBeGreaterThan(0);
  });
});
