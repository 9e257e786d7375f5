/**
 * The parsed-deck cache: each note file's parse result, in an entry file of
 * its own (FileEntry), and beside it the cards made of that file alone
 * (CardsEntry), keyed by its path, size, modification time and content
 * hash, and the cards of the whole deck,
 * keyed by every file's hash and the awsquiz version. A changed file is
 * re-parsed alone. A cache that is corrupt, foreign, from another version or
 * unwritable is ignored, never an error: it only ever saves time.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../ground/cache-dir.js';
import { writeAtomically } from '../ground/dir.js';
import { type Card, type Diagnostic, joinItems, type ParsedFile } from './model.js';

/**
 * Bump when the shape of cached data changes, or what parsing or card making
 * gives for the same text (released versions also differ by `version`).
 */
export const CACHE_FORMAT = 18;

/**
 * One note's entry in the files cache: a file of its own in the files
 * folder (filesFolder, fileEntryName), so that after one note is edited only
 * its entry is written again, not the parse results and cards of them all.
 */
export interface FileEntry {
  format: number;
  version: string;
  /** The content folder this cache belongs to. */
  dir: string;
  /** The note, as Card.file names it. */
  file: string;
  size: number;
  mtimeMs: number;
  hash: string;
  parsed: ParsedFile;
}

/**
 * The cards made of one note alone, and per card what the worker told of
 * whyLeftOut (null: only the whole deck can tell), when a worker's work made
 * them (library.ts OpenOptions.worker): a file of its own beside the note's
 * FileEntry (cardsEntryName), read only when cards are made, so that a warm
 * run that needs the section tree does not parse them too.
 */
export interface CardsEntry {
  format: number;
  version: string;
  dir: string;
  file: string;
  /** hashText of the note the cards were made from. */
  hash: string;
  cards: EncodedCards;
  reasons: (string | null)[];
}

/** What reading a note gave, by its size and times: a warm start reads no unchanged note. */
export interface IndexedNote {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  /** hashText of the text, or `unreadable:code:reason`. */
  hash: string;
  readable: boolean;
  empty: boolean;
  code: 'read-error' | 'not-text';
  reason: string | undefined;
  cutAtLine: number | undefined;
}

export interface NotesCache {
  format: number;
  version: string;
  dir: string;
  files: Record<string, IndexedNote>;
}

/** What the cards cache and the index beside it both start with. */
interface DeckCacheHead {
  format: number;
  version: string;
  dir: string;
  /** cardsKey() of the files the cards were made from. */
  key: string;
  /** What the shape limits cut while parsing (told on stderr at every run). */
  limits: Diagnostic[];
  topics: { title: string; file: string }[];
}

/** The cards of the whole deck and its topics: all a read-only command needs. */
export interface CardsCache extends DeckCacheHead {
  cards: EncodedCards;
  /** The cards left out because no question can be made of them, each with why (issue 13). */
  leftOut?: { cards: EncodedCards; reasons: string[] };
}

/**
 * What `topics` needs of the cards of the whole deck, without their texts:
 * each card's id and topic (the cards cache is ~40 times larger). Kept
 * beside the cards cache, with the same key.
 */
export interface IndexCache extends DeckCacheHead {
  /** The cards' topic titles, each once. */
  names: string[];
  /** Per card, in note order: its id, and its topic as a position in `names`. */
  ids: string[];
  topicOf: number[];
}

export function encodeIndex(
  cards: readonly Pick<Card, 'id' | 'topic'>[],
): Pick<IndexCache, 'names' | 'ids' | 'topicOf'> {
  const names: string[] = [];
  const at = new Map<string, number>();
  const topicOf = cards.map((card) => {
    let n = at.get(card.topic);
    if (n === undefined) {
      n = names.push(card.topic) - 1;
      at.set(card.topic, n);
    }
    return n;
  });
  return { names, ids: cards.map((card) => card.id), topicOf };
}

/** Decodes a cached index; undefined when malformed, so that the caller opens the cards. */
export function decodeIndex(
  cache: Partial<IndexCache>,
): { id: string; topic: string }[] | undefined {
  const { names, ids, topicOf } = cache;
  if (!Array.isArray(names) || !Array.isArray(ids) || !Array.isArray(topicOf)) return undefined;
  if (ids.length !== topicOf.length) return undefined;
  const out: { id: string; topic: string }[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const topic = names[topicOf[i] ?? -1];
    if (typeof id !== 'string' || typeof topic !== 'string') return undefined;
    out[i] = { id, topic };
  }
  return out;
}

/**
 * Cards without repetition: a table of sections (a card's topic, file, path
 * and section key) and one tuple per card, leaving out a prompt that is the
 * heading path and an answer that is the source line or the list of items.
 * On the 100-file corpus this halves the cache and its parse time.
 */
export interface EncodedCards {
  kinds: string[];
  /** [topic, file, path, section key] */
  sections: [string, string, string[], string][];
  /** [id, kind, section, line, source, prompt | 0, answer | 0 (source) | 1 (items), accept | 0, items | 0] */
  cards: [
    string,
    number,
    number,
    number,
    string,
    string | 0,
    string | 0 | 1,
    string[] | 0,
    string[] | 0,
  ][];
}

export function encodeCards(cards: readonly Card[]): EncodedCards {
  const kinds: string[] = [];
  const sections: EncodedCards['sections'] = [];
  const sectionIndex = new Map<string, number>();
  const out: EncodedCards['cards'] = [];
  for (const card of cards) {
    let kind = kinds.indexOf(card.kind);
    if (kind < 0) kind = kinds.push(card.kind) - 1;
    const sectionKey = `${card.file}\u001e${card.section}\u001e${card.path.join('\u001f')}\u001e${card.topic}`;
    let section = sectionIndex.get(sectionKey);
    if (section === undefined) {
      section = sections.push([card.topic, card.file, card.path, card.section]) - 1;
      sectionIndex.set(sectionKey, section);
    }
    const prompt = card.prompt === card.path.join(' › ') ? 0 : card.prompt;
    const answer =
      card.answer === card.source
        ? 0
        : card.items && card.answer === joinItems(card.items)
          ? 1
          : card.answer;
    out.push([
      card.id,
      kind,
      section,
      card.line,
      card.source,
      prompt,
      answer,
      card.accept ?? 0,
      card.items ?? 0,
    ]);
  }
  return { kinds, sections, cards: out };
}

/** Decodes cached cards; throws on anything malformed, so that the caller rebuilds them. */
export function decodeCards(encoded: EncodedCards): Card[] {
  if (
    !Array.isArray(encoded.kinds) ||
    !Array.isArray(encoded.sections) ||
    !Array.isArray(encoded.cards)
  ) {
    throw new Error('malformed cards cache');
  }
  return encoded.cards.map((tuple) => {
    if (!Array.isArray(tuple)) throw new Error('malformed cards cache');
    const [id, kind, sectionIndex, line, source, prompt, answer, accept, items] = tuple;
    const entry = encoded.sections[sectionIndex];
    const kindName = encoded.kinds[kind];
    if (
      typeof id !== 'string' ||
      typeof source !== 'string' ||
      typeof line !== 'number' ||
      typeof kindName !== 'string' ||
      !Array.isArray(entry) ||
      !Array.isArray(entry[2])
    ) {
      throw new Error('malformed cards cache');
    }
    const [topic, file, path, section] = entry;
    const card: Card = {
      id,
      kind: kindName as Card['kind'],
      topic,
      path,
      source,
      prompt: prompt === 0 ? path.join(' › ') : prompt,
      answer: answer === 0 ? source : answer === 1 ? joinItems(items || []) : answer,
      section,
      line,
      file,
    };
    if (accept !== 0) card.accept = accept;
    if (items !== 0) card.items = items;
    return card;
  });
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Cache files per content folder: `kind` is "files" (parse results), "cards", "index" (ids and topics of the cards) or "notes" (the notes index). */
export function cachePath(
  contentDir: string,
  env: NodeJS.ProcessEnv,
  kind: 'cards' | 'notes' | 'index',
): string {
  return join(cacheDir(env), `deck-${kind}-${hashText(contentDir).slice(0, 12)}.json`);
}

/** The folder of the files cache's entries, one a note (FileEntry). */
export function filesFolder(contentDir: string, env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), `deck-files-${hashText(contentDir).slice(0, 12)}`);
}

/** A note's entry in the files folder: named by the hash of its name (a name may hold any character). */
export function fileEntryName(file: string): string {
  return `${hashText(file).slice(0, 16)}.json`;
}

/** The entry of a note's own cards, beside its FileEntry (named by fileEntryName). */
export function cardsEntryName(entryName: string): string {
  return entryName.replace(/\.json$/u, '.cards.json');
}

/** Reads a cache file; anything unreadable, corrupt, foreign or from another version is no cache. */
export function readCache<T extends { format: number; version: string; dir: string }>(
  path: string,
  version: string,
  dir: string,
  /** Only a cache with this key is wanted (the cards cache and its index): another is not read past its head. */
  key?: string,
): Partial<T> | undefined {
  try {
    if (key !== undefined) {
      const head = headKey(path);
      if (head !== undefined && head !== key) return undefined;
    }
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<T>;
    if (typeof data !== 'object' || data === null) return undefined;
    if (data.format !== CACHE_FORMAT || data.version !== version || data.dir !== dir)
      return undefined;
    if (key !== undefined && (data as { key?: unknown }).key !== key) return undefined;
    return data;
  } catch {
    return undefined;
  }
}

/**
 * What writeCache writes first: format, version, dir (JSON strings, so no
 * quote inside is bare), then the key.
 */
const HEAD =
  /^\{"format":\d+,"version":"(?:[^"\\]|\\.)*","dir":"(?:[^"\\]|\\.)*","key":"([^"\\]*)"/u;
const HEAD_BYTES = 16_384;

/**
 * The key of a cache file, read from its head alone: after one note is
 * edited the cards cache (megabytes for big notes) has another key, and
 * reading and parsing all of it only to find that cost ~100 ms for 100
 * files. Undefined when the head is not laid out as writeCache lays it out
 * (then the whole file is read and its key compared after).
 */
function headKey(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, head, 0, HEAD_BYTES, 0);
    // A character cut at the end of the head does not matter: the key comes before it.
    const match = HEAD.exec(head.toString('utf8', 0, read));
    return match ? match[1] : undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes atomically (temp + rename); silently does nothing where it cannot write. */
export function writeCache(
  path: string,
  cache: FileEntry | CardsEntry | CardsCache | NotesCache | IndexCache,
): void {
  writeAtomically(path, () => JSON.stringify(cache));
}

/** The key of a deck's cards: the version and every file's name and hash, in order. */
export function cardsKey(version: string, files: { file: string; hash: string }[]): string {
  return hashText([version, ...files.map((f) => `${f.file}\u001f${f.hash}`)].join('\u001e'));
}
