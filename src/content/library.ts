/**
 * Opens a folder of notes as a deck with its cards: load → parse → cards.
 */
import { buildCards } from './cards.js';
import { buildDeck, type DeckIndex, indexDeck } from './deck.js';
import { listNotes, readNote } from './load.js';
import type { Card, Deck, ParsedFile } from './model.js';
import { parseMarkdown } from './parse.js';

export interface Library {
  dir: string;
  /** How many note files were read. */
  files: number;
  deck: Deck;
  index: DeckIndex;
  /** Every card of the notes, in note order. */
  cards: Card[];
}

export function openLibrary(dir: string): Library {
  const notes = listNotes(dir);
  const parsed: ParsedFile[] = notes.map((note) => {
    const read = readNote(note);
    if (read.ok) return parseMarkdown(note.file, read.text);
    return {
      file: note.file,
      topics: [],
      diagnostics: [
        { file: note.file, line: 1, severity: 'error', code: 'read-error', subject: read.reason },
      ],
    };
  });
  const deck = buildDeck(parsed);
  const index = indexDeck(deck);
  return { dir, files: notes.length, deck, index, cards: buildCards(deck, index) };
}
