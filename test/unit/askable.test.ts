/**
 * A card no question can be made of is not made (issue 13): whyNotAsked
 * decides it once, the library leaves it out before counting, check tells
 * it with its reason, and every card kept is asked whatever the rng.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { openLibrary } from '../../src/content/library.js';
import { makeQuestion, whyNotAsked } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { buildFrom, readDir, shippedDeck } from '../helpers/deck.js';
import { sayEn, sayJa } from '../helpers/say.js';

const CONTENT = join(FIXTURES, 'quality', 'unaskable');

describe('a card whose stem gives its answer away', () => {
  const built = buildFrom(readDir(CONTENT));
  const find = (answer: string, kind: string) => {
    const card = built.cards.find((c) => c.answer === answer && c.kind === kind);
    if (!card) throw new Error(`no ${kind} card ${answer}`);
    return card;
  };
  // "recover the table …" is half of the "Item Recovery" to type; 検出 in the clue is the
  // part of 異常検出 no other heading of its kind has.
  const leaks = [find('Item Recovery', 'term'), find('異常検出', 'which-heading')];

  it('is not made at all when one clue line names the heading (cards.ts whyNotClue)', () => {
    // "カスタムメトリクス" names the first part of メトリクスフィルター (round 16).
    expect(
      built.cards.filter((c) => c.answer === 'メトリクスフィルター' && c.kind === 'which-heading'),
    ).toEqual([]);
  });

  it('makes no question, whatever the draw, and is found so once', () => {
    for (const card of leaks) {
      expect(whyNotAsked(card, built.index)).toBe('gives-away');
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        for (const mode of ['study', 'exam'] as const) {
          expect(makeQuestion(card, built.index, createRng(seed), mode, sayEn)).toBeUndefined();
          expect(makeQuestion(card, built.index, createRng(seed), mode, sayJa)).toBeUndefined();
        }
      }
    }
    // A name too long to type with one option beside it has no way to be asked.
    expect(whyNotAsked(find('Point-in-time recovery', 'term'), built.index)).toBe('no-question');
    // Nor has a term alone in its list that the notes give another name for: typed, both
    // names would be right (round 6, SYNONYM), and it has no wrong option to offer.
    const aliased = find('リゾルバー', 'term');
    expect(whyNotAsked(aliased, built.index)).toBe('no-question');
    for (const seed of [1, 2, 3])
      expect(makeQuestion(aliased, built.index, createRng(seed), 'study', sayJa)).toBeUndefined();
  });

  it('is not made by the library the commands open, and check tells why', async () => {
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const whyLeftOut = async () => whyNotAsked;
    for (const pass of ['cold', 'warm']) {
      const library = await openLibrary(CONTENT, env, { whyLeftOut });
      const ids = new Set(library.cards.map((card) => card.id));
      for (const card of leaks) expect(ids.has(card.id), pass).toBe(false);
      // The other cards keep their ids.
      const kept = built.cards.filter((card) => whyNotAsked(card, built.index) === undefined);
      expect([...ids].sort(), pass).toEqual(kept.map((card) => card.id).sort());
      const result = await check(library);
      expect(result.cards).toBe(kept.length);
      const told = new Map(result.notAsked.map(({ card, reason }) => [card.id, reason]));
      expect(library.leftOut.map((left) => left.card.id).sort()).toEqual([...told.keys()].sort());
      for (const card of leaks) expect(told.get(card.id), pass).toBe('gives-away');
      expect(told.size).toBe(built.cards.length - kept.length);
    }
    // Without the test every card is made, and cached apart.
    const every = await openLibrary(CONTENT, env);
    expect(every.cards).toHaveLength(built.cards.length);
  });
});

describe('every card whyNotAsked keeps', () => {
  it('is asked in study from any rng, on the shipped notes and both own sets', () => {
    const decks = [
      shippedDeck(),
      buildFrom(readDir(join(FIXTURES, 'notes-sets', 'ja'))),
      buildFrom(readDir(join(FIXTURES, 'notes-sets', 'en'))),
    ];
    let left = 0;
    for (const { cards, index } of decks) {
      // One rng across the cards, as a study session draws: its state is any state.
      const rng = createRng(42);
      for (const card of cards) {
        if (whyNotAsked(card, index) !== undefined) {
          left += 1;
          continue;
        }
        const question = makeQuestion(card, index, rng, 'study', sayEn);
        expect(question, `${card.file}:${card.line} ${card.kind} ${card.answer}`).toBeDefined();
      }
    }
    // The shipped "Key Pair" cards and the own sets' leaking terms are among them.
    expect(left).toBeGreaterThan(0);
  });
});
