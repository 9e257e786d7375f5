/**
 * Opens a folder of notes: its topics and cards at once, its section tree on
 * demand, through the parsed-deck cache.
 *
 * A warm start reads and hashes the note files (cheap) and parses only the
 * small cards cache; the parser (remark), the card builder and the section
 * tree are loaded only when a command needs them or a file changed.
 */
import { version } from '../version.js';
import {
  CACHE_FORMAT,
  type CachedFile,
  type CardsCache,
  cachePath,
  cardsKey,
  decodeCards,
  encodeCards,
  type FilesCache,
  hashText,
  readCache,
  writeCache,
} from './cache.js';
import { buildDeck, type DeckIndex, indexDeck } from './deck.js';
import { listNotes, type NoteFile, readNote } from './load.js';
import type { Card, Deck, ParsedFile } from './model.js';

export interface TopicRef {
  title: string;
  file: string;
}

export interface Structure {
  deck: Deck;
  index: DeckIndex;
}

export interface Library {
  dir: string;
  /** How many note files were read. */
  files: number;
  /** Topics in note order. */
  topics: TopicRef[];
  /** Every card of the notes, in note order. */
  cards: Card[];
  /** The section tree and its index, for questions, checks and exports. */
  structure(): Promise<Structure>;
}

interface Read {
  note: NoteFile;
  text: string | undefined;
  reason: string | undefined;
  hash: string;
}

function unreadable(read: Read): ParsedFile {
  return {
    file: read.note.file,
    topics: [],
    diagnostics: [
      {
        file: read.note.file,
        line: 1,
        severity: 'error',
        code: 'read-error',
        subject: read.reason ?? '',
      },
    ],
  };
}

/** Parse results for every file: from the files cache where the file is unchanged, else parsed now. */
async function parseAll(reads: Read[], dir: string, env: NodeJS.ProcessEnv): Promise<ParsedFile[]> {
  const path = cachePath(dir, env, 'files');
  const cache = readCache<FilesCache>(path, version(), dir);
  const files: Record<string, CachedFile> = {};
  const out: ParsedFile[] = [];
  let parse: ((file: string, text: string) => ParsedFile) | undefined;
  let changed = !cache || Object.keys(cache.files ?? {}).length !== reads.length;
  for (const read of reads) {
    if (read.text === undefined) {
      out.push(unreadable(read));
      continue;
    }
    const hit = cache?.files?.[read.note.file];
    if (
      hit &&
      hit.hash === read.hash &&
      hit.size === read.note.size &&
      hit.mtimeMs === read.note.mtimeMs
    ) {
      files[read.note.file] = hit;
      out.push(hit.parsed);
      continue;
    }
    parse ??= (await import('./parse.js')).parseMarkdown;
    const parsed = parse(read.note.file, read.text);
    files[read.note.file] = {
      size: read.note.size,
      mtimeMs: read.note.mtimeMs,
      hash: read.hash,
      parsed,
    };
    out.push(parsed);
    changed = true;
  }
  if (changed) writeCache(path, { format: CACHE_FORMAT, version: version(), dir, files });
  return out;
}

export async function openLibrary(dir: string, env: NodeJS.ProcessEnv): Promise<Library> {
  const reads: Read[] = listNotes(dir).map((note) => {
    const read = readNote(note);
    return read.ok
      ? { note, text: read.text, reason: undefined, hash: hashText(read.text) }
      : { note, text: undefined, reason: read.reason, hash: `unreadable:${read.reason}` };
  });
  const key = cardsKey(
    version(),
    reads.map((r) => ({ file: r.note.file, hash: r.hash })),
  );
  let structure: Promise<Structure> | undefined;
  const load = () => {
    structure ??= parseAll(reads, dir, env).then((parsed) => {
      const deck = buildDeck(parsed);
      return { deck, index: indexDeck(deck) };
    });
    return structure;
  };

  const cardsPath = cachePath(dir, env, 'cards');
  const cached = readCache<CardsCache>(cardsPath, version(), dir);
  if (cached?.key === key && Array.isArray(cached.topics) && Array.isArray(cached.cards?.cards)) {
    try {
      const cards = decodeCards(cached.cards);
      return { dir, files: reads.length, topics: cached.topics, cards, structure: load };
    } catch {
      // A damaged cache: build the cards again below.
    }
  }
  const { deck, index } = await load();
  const cards = (await import('./cards.js')).buildCards(deck, index);
  const topics = deck.topics.map((topic) => ({ title: topic.title, file: topic.file }));
  writeCache(cardsPath, {
    format: CACHE_FORMAT,
    version: version(),
    dir,
    key,
    topics,
    cards: encodeCards(cards),
  });
  return { dir, files: reads.length, topics, cards, structure: load };
}
