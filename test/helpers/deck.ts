import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCards } from '../../src/content/cards.js';
import { buildDeck, type DeckIndex, indexDeck } from '../../src/content/deck.js';
import type { Card, Deck } from '../../src/content/model.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { makeQuestion } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { FIXTURES, ROOT } from './cli.js';
import { sayEn } from './say.js';

export const CONTENT = join(ROOT, 'content');

export interface Built {
  deck: Deck;
  index: DeckIndex;
  cards: Card[];
}

/** Parses named markdown texts (file name → text) into a deck with cards. */
export function buildFrom(files: Record<string, string>): Built {
  const deck = buildDeck(Object.entries(files).map(([file, text]) => parseMarkdown(file, text)));
  const index = indexDeck(deck);
  return { deck, index, cards: buildCards(deck, index) };
}

export function readDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.md')) out[file] = readFileSync(join(dir, file), 'utf8');
  }
  return out;
}

let shipped: Built | undefined;
export function shippedDeck(): Built {
  shipped ??= buildFrom(readDir(CONTENT));
  return shipped;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** What the learner sees of a deck's cards: each prompt, answer and path, and the options of three draws of its question. */
export function shownTexts(built: Built): string[] {
  return built.cards.flatMap((card) => [
    card.prompt,
    card.answer,
    ...card.path,
    ...[1, 2, 3].flatMap(
      (seed) => makeQuestion(card, built.index, createRng(seed), 'study', sayEn)?.options ?? [],
    ),
  ]);
}
