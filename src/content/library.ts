/**
 * Opens a folder of notes: its topics and cards at once, its section tree on
 * demand, through the parsed-deck cache.
 *
 * A warm start stats the note files (reading and hashing only those changed,
 * see RACY_MS) and parses only the
 * small cards cache; the parser (remark), the card builder and the section
 * tree are loaded only when a command needs them or a file changed.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageRef } from '../errors.js';
import { version } from '../version.js';
import {
  CACHE_FORMAT,
  type CardsCache,
  type CardsEntry,
  cachePath,
  cardsEntryName,
  cardsKey,
  decodeCards,
  decodeIndex,
  encodeCards,
  encodeIndex,
  type FileEntry,
  fileEntryName,
  filesFolder,
  hashText,
  type IndexCache,
  type IndexedNote,
  type NotesCache,
  readCache,
  writeCache,
} from './cache.js';
import { buildDeck, type DeckIndex, indexDeck } from './deck.js';
import { LIMITS, listNotes, type NoteFile, readNote } from './load.js';
import {
  type Card,
  type Deck,
  type Diagnostic,
  type ParsedFile,
  type Section,
  sectionRef,
  walk,
} from './model.js';
import type { Parsed, ParseJob } from './parallel.js';

export interface TopicRef {
  title: string;
  file: string;
}

export interface Structure {
  deck: Deck;
  index: DeckIndex;
}

/** A note file as read: whether it gave text at all (cards are counted by `Card.file`). */
export interface NoteInfo {
  file: string;
  /** False when the file could not be read or is not UTF-8 text (`check` says why). */
  readable: boolean;
  /** Nothing but white space. */
  empty: boolean;
}

export interface Library {
  dir: string;
  /** How many note files were read. */
  files: number;
  /** The note files, in note order. */
  notes: NoteInfo[];
  /** Topics in note order. */
  topics: TopicRef[];
  /** Every card of the notes, in note order. */
  cards: Card[];
  /** The cards the notes make that `whyLeftOut` left out, each with its reason, in note order. */
  leftOut: LeftOutCard[];
  /** The section tree and its index, for questions, checks and exports. */
  structure(): Promise<Structure>;
  /** What the limits left out or cut (links out of the folder, too many files, too long a note). */
  notices: Diagnostic[];
}

/** A card left out because no question can be made of it, and why (a word of quiz's whyNotAsked). */
export interface LeftOutCard {
  card: Card;
  reason: string;
}

interface Read {
  note: NoteFile;
  /** The note's text when readable: read now, or on demand when the notes index vouched for it. */
  text: (() => string) | undefined;
  empty: boolean;
  code: 'read-error' | 'not-text';
  reason: string | undefined;
  hash: string;
  /** The note was cut at the size limit at this line. */
  cutAtLine: number | undefined;
}

/**
 * A note whose size, modification and change times are those of the notes
 * index is not read nor hashed again, unless it was modified within
 * RACY_MS before the index was written (an edit in the same clock tick,
 * keeping the size, would go unseen: such notes are always read, as git does).
 */
const RACY_MS = 3_000;

function readFresh(note: NoteFile): Read {
  const read = readNote(note);
  if (!read.ok) {
    return {
      note,
      text: undefined,
      empty: false,
      code: read.code,
      reason: read.reason,
      hash: `unreadable:${read.code}:${read.reason}`,
      cutAtLine: undefined,
    };
  }
  const text = read.text;
  return {
    note,
    text: () => text,
    empty: text.trim() === '',
    code: 'read-error',
    reason: undefined,
    hash: hashText(text),
    cutAtLine: read.cutAtLine,
  };
}

function fromIndex(note: NoteFile, entry: IndexedNote): Read {
  let text: string | undefined;
  return {
    note,
    text: entry.readable
      ? () => {
          if (text === undefined) {
            const read = readNote(note);
            text = read.ok ? read.text : '';
          }
          return text;
        }
      : undefined,
    empty: entry.empty,
    code: entry.code,
    reason: entry.reason,
    hash: entry.hash,
    cutAtLine: entry.cutAtLine,
  };
}

/** Reads every note, or takes what the notes index says of the unchanged ones; writes the index when something changed. */
function readAll(notes: NoteFile[], dir: string, env: NodeJS.ProcessEnv): Read[] {
  const path = cachePath(dir, env, 'notes');
  const index = readCache<NotesCache>(path, version(), dir);
  let written = 0;
  try {
    written = statSync(path).mtimeMs;
  } catch {
    // no index yet
  }
  const files: Record<string, IndexedNote> = {};
  let changed = !index || Object.keys(index.files ?? {}).length !== notes.length;
  const reads = notes.map((note) => {
    const entry = index?.files?.[note.file];
    const same =
      entry !== undefined &&
      note.ctimeMs !== undefined &&
      entry.size === note.size &&
      entry.mtimeMs === note.mtimeMs &&
      entry.ctimeMs === note.ctimeMs &&
      note.mtimeMs < written - RACY_MS &&
      note.ctimeMs < written - RACY_MS;
    const read = same ? fromIndex(note, entry) : readFresh(note);
    const next: IndexedNote = {
      size: note.size,
      mtimeMs: note.mtimeMs,
      ctimeMs: note.ctimeMs ?? -1,
      hash: read.hash,
      readable: read.text !== undefined,
      empty: read.empty,
      code: read.code,
      reason: read.reason,
      cutAtLine: read.cutAtLine,
    };
    // A note read within RACY_MS of the last index is written again, so that it is trusted next time.
    if (!same) changed = true;
    files[note.file] = next;
    return read;
  });
  if (changed) writeCache(path, { format: CACHE_FORMAT, version: version(), dir, files });
  return reads;
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
        code: read.code,
        subject: read.reason ?? '',
      },
    ],
  };
}

/**
 * Parse results for every file: from the files cache where the file is
 * unchanged, else parsed now (in parallel workers when there is much to parse, see parallel.ts).
 * `onProgress` is told how far parsing got once it has taken a second.
 */
async function parseAll(
  reads: Read[],
  dir: string,
  env: NodeJS.ProcessEnv,
  onProgress?: (done: number, total: number) => void,
  /** Filled with the cards a worker made of a file alone, by file. */
  madeCards?: Map<string, Card[]>,
  /** The worker (see OpenOptions.worker), and where to put the reasons it tells, by file. */
  worker?: Worker & { reasons: Map<string, (string | undefined)[]> },
  /** Cards are being made (the notes changed): the entries of notes gone are removed too. */
  carding = false,
): Promise<ParsedFile[]> {
  const folder = filesFolder(dir, env);
  const out: (ParsedFile | undefined)[] = [];
  const misses: { at: number; read: Read; text: string; name: string }[] = [];
  /** The entries of the notes read now, by name: any other in the folder is of a note gone. */
  const entries = new Set<string>();
  for (const read of reads) {
    if (read.text === undefined) {
      out.push(unreadable(read));
      continue;
    }
    const name = fileEntryName(read.note.file);
    const cardsName = cardsEntryName(name);
    entries.add(name);
    entries.add(cardsName);
    const hit = readCache<FileEntry>(join(folder, name), version(), dir);
    if (
      hit?.parsed &&
      hit.file === read.note.file &&
      hit.hash === read.hash &&
      hit.size === read.note.size &&
      hit.mtimeMs === read.note.mtimeMs
    ) {
      out.push(hit.parsed);
      if (worker && madeCards) {
        const own = readCache<CardsEntry>(join(folder, cardsName), version(), dir);
        if (own?.file === read.note.file && own.hash === read.hash)
          takeMade(read.note.file, own, madeCards, worker.reasons);
      }
      continue;
    }
    misses.push({ at: out.length, read, text: read.text(), name });
    out.push(undefined);
  }
  if (misses.length > 0) {
    const started = performance.now();
    let shown = false;
    /** A miss's answer: kept now, as it comes (a first run stopped half way keeps what was done). */
    const take = (miss: (typeof misses)[number], made: Parsed) => {
      const result = made.parsed;
      if (made.cards) madeCards?.set(result.file, made.cards);
      if (made.reasons) worker?.reasons.set(result.file, made.reasons);
      out[miss.at] = result;
      // Written before separateSections changes the parse results in place.
      writeCache(join(folder, miss.name), {
        format: CACHE_FORMAT,
        version: version(),
        dir,
        file: miss.read.note.file,
        size: miss.read.note.size,
        mtimeMs: miss.read.note.mtimeMs,
        hash: miss.read.hash,
        parsed: result,
      });
      if (made.cards && made.reasons) {
        writeCache(join(folder, cardsEntryName(miss.name)), {
          format: CACHE_FORMAT,
          version: version(),
          dir,
          file: miss.read.note.file,
          hash: miss.read.hash,
          cards: encodeCards(made.cards),
          reasons: made.reasons.map((reason) => reason ?? null),
        });
      }
    };
    await (await import('./parallel.js')).parseMany(
      misses.map((miss) => ({ file: miss.read.note.file, text: miss.text })),
      (done, total, at, answer) => {
        const miss = at === undefined ? undefined : misses[at];
        if (miss && answer) take(miss, answer);
        if (!shown && performance.now() - started < 1000) return;
        shown = true;
        onProgress?.(done, total);
      },
      {
        ...(worker ? { worker: worker.script, here: worker.job } : {}),
        // For the tests only: workers over a small folder (test/integration/cold-workers.test.ts).
        ...(Number(env.AWSQUIZ_TEST_PARALLEL_FROM) > 0
          ? { from: Number(env.AWSQUIZ_TEST_PARALLEL_FROM) }
          : {}),
      },
    );
  }
  if (carding) pruneEntries(folder, entries, misses.length > 0);
  return out.filter((parsed): parsed is ParsedFile => parsed !== undefined);
}

/** A temporary file older than this was left by a run that was killed while writing it. */
const STALE_TEMP_MS = 10 * 60_000;

/**
 * Removes the entries of notes that are gone from the files folder, the
 * temporary files of runs killed while writing one (writeAtomically), and,
 * when entries were written (as the first run of this layout writes all),
 * the one-file cache of earlier versions beside the folder. Never throws:
 * the folder may be missing, shared or not ours to tidy.
 */
function pruneEntries(folder: string, keep: ReadonlySet<string>, wrote: boolean): void {
  try {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (name.endsWith('.json') && !keep.has(name)) unlinkSync(path);
      // Another run's file being written now is left to it.
      else if (name.endsWith('.tmp') && Date.now() - statSync(path).mtimeMs > STALE_TEMP_MS)
        unlinkSync(path);
    }
  } catch {
    // no folder yet, or not ours
  }
  if (!wrote) return;
  try {
    unlinkSync(`${folder}.json`);
  } catch {
    // none left by an earlier version
  }
}

type Worker = NonNullable<OpenOptions['worker']>;

/**
 * The cards and reasons the worker made of an unchanged file, from its cards
 * entry, as if a worker had made them now; nothing when they cannot be read
 * (the file is then carded in the whole deck).
 */
function takeMade(
  file: string,
  made: Partial<CardsEntry>,
  madeCards: Map<string, Card[]>,
  reasons: Map<string, (string | undefined)[]>,
): void {
  if (!made.cards || !Array.isArray(made.reasons)) return;
  try {
    const cards = decodeCards(made.cards);
    if (cards.length !== made.reasons.length) return;
    madeCards.set(file, cards);
    reasons.set(
      file,
      made.reasons.map((reason) => (typeof reason === 'string' ? reason : undefined)),
    );
  } catch {
    // A damaged entry: this file's cards are made again.
  }
}

export interface OpenOptions {
  /**
   * Told once when note files were skipped (unreadable, or not UTF-8 text),
   * as a message for the edge to put in words; by default nobody is told.
   * `check` reports them itself.
   */
  onWarning?: (warning: MessageRef) => void;
  /**
   * Told how many files of how many are parsed, when a first parse has taken
   * more than a second (for a progress line); `done === total` at the end.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * Why a card cannot be asked, or undefined when it can (quiz's
   * whyNotAsked, handed in by the commands): a card that cannot is left out
   * when the cards are made, before they are counted or cached (with its
   * reason, for check), so topics, stats, the study plan and exams all see
   * the same cards (issue 13). Without it every card is kept, and cached
   * apart. Loaded only when cards are made (a warm start loads no question
   * code).
   */
  whyLeftOut?: () => Promise<(card: Card, index: DeckIndex) => string | undefined>;
  /**
   * With whyLeftOut, the work of parsing a changed note: the worker script
   * (a path under dist/) to parse a big cold folder on instead of content's
   * own, and the same work in process for a few files. It answers as
   * content's parse does, and also makes the note's cards from the note
   * alone and tells, per card, what whyLeftOut says of it when the card's
   * file alone decides it (`Parsed.reasons`, see knownReasons), so that
   * whyLeftOut is asked of the other cards only. Both are kept per file in
   * the files cache: after one note is edited, only that note is carded and
   * judged again (see cardsByFile).
   */
  worker?: {
    script: string;
    job: () => Promise<(job: ParseJob) => Parsed>;
  };
}

/** What the limits on notes left out, as warnings (check shows them with file:line too). */
const LIMIT_WARNING = {
  'outside-link': 'warn.outsideLink',
  'too-many-files': 'warn.tooManyFiles',
  'too-large': 'warn.tooLarge',
  'too-many-headings': 'warn.tooManyHeadings',
  'too-deep': 'warn.tooDeep',
  'too-many-marks': 'warn.tooManyMarks',
} as const;

/** What the shape limits of prepare.ts cut while parsing: told on stderr too (check shows every diagnostic). */
function limitDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code in LIMIT_WARNING);
}

/** The names in a warning: a few, then how many more. */
function nameList(files: string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} (+${files.length - 3})` : shown;
}

/** What `topics` needs of a card: its id and topic, without its texts. */
export type CardEntry = Pick<Card, 'id' | 'topic'>;

/** The notes without the texts of their cards: enough to count cards per topic. */
export type NotesIndex = Pick<Library, 'dir' | 'files' | 'notes' | 'topics' | 'notices'> & {
  /** Every card's id and topic, in note order. */
  entries: readonly CardEntry[];
};

/**
 * Opens a folder of notes as openLibrary does, reading only the small index
 * of the cards (ids and topics) when it is up to date: a warm `topics` over
 * big notes parses no card texts. Otherwise opens the library and writes
 * the index for next time.
 */
export async function openIndex(
  dir: string,
  env: NodeJS.ProcessEnv,
  options: OpenOptions = {},
): Promise<NotesIndex> {
  const opened = await open(dir, env, options, true);
  if ('entries' in opened) return opened;
  // Cards from the cards cache of a run before the index: written now, for next time.
  if (!opened.indexed)
    writeIndex(opened.key, dir, env, opened.limits, opened.library.topics, opened.library.cards);
  return { ...opened.library, entries: opened.library.cards };
}

function writeIndex(
  key: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  limits: Diagnostic[],
  topics: TopicRef[],
  cards: readonly CardEntry[],
): void {
  writeCache(cachePath(dir, env, 'index'), {
    format: CACHE_FORMAT,
    version: version(),
    dir,
    key,
    limits,
    topics,
    ...encodeIndex(cards),
  });
}

export async function openLibrary(
  dir: string,
  env: NodeJS.ProcessEnv,
  options: OpenOptions = {},
): Promise<Library> {
  const opened = await open(dir, env, options, false);
  if ('entries' in opened) throw new Error('openLibrary: an index instead of the cards');
  return opened.library;
}

async function open(
  dir: string,
  env: NodeJS.ProcessEnv,
  options: OpenOptions,
  indexOnly: boolean,
): Promise<NotesIndex | { library: Library; key: string; limits: Diagnostic[]; indexed: boolean }> {
  const notices: Diagnostic[] = [];
  const reads = readAll(listNotes(dir, notices), dir, env);
  for (const read of reads) {
    if (read.cutAtLine !== undefined) {
      notices.push({
        file: read.note.file,
        line: read.cutAtLine,
        severity: 'warning',
        code: 'too-large',
        subject: String(LIMITS.noteBytes / (1024 * 1024)),
      });
    }
  }
  const skipped = reads.filter((read) => read.text === undefined).map((read) => read.note.file);
  if (skipped.length > 0) {
    options.onWarning?.({ key: 'check.skipped', params: { list: nameList(skipped) } });
  }
  const tell = (found: readonly Diagnostic[]) => {
    for (const notice of found) {
      const key = LIMIT_WARNING[notice.code as keyof typeof LIMIT_WARNING];
      if (key) {
        options.onWarning?.({
          key,
          params: { at: `${notice.file}:${notice.line}`, subject: notice.subject },
        });
      }
    }
  };
  tell(notices);
  const notes: NoteInfo[] = reads.map((read) => ({
    file: read.note.file,
    readable: read.text !== undefined,
    empty: read.empty,
  }));
  const key = cardsKey(
    // Cards left out by `whyLeftOut` are another set of cards: cached apart.
    options.whyLeftOut ? `${version()}\u001faskable` : version(),
    reads.map((r) => ({ file: r.note.file, hash: r.hash })),
  );
  let structure: Promise<Structure> | undefined;
  /** Cards made of files alone, by a worker's work now or before (the files cache), by file. */
  const madeCards = new Map<string, Card[]>();
  /** What the worker told of whyLeftOut for the cards of each file (OpenOptions.worker). */
  const madeReasons = new Map<string, (string | undefined)[]>();
  const worker =
    options.whyLeftOut && options.worker ? { ...options.worker, reasons: madeReasons } : undefined;
  let files: ParsedFile[] = [];
  let moved = new Set<string>();
  /** Cards are being made (not only the section tree of cached cards asked for): what the worker made is wanted. */
  let carding = false;
  const load = () => {
    structure ??= parseAll(
      reads,
      dir,
      env,
      options.onProgress,
      madeCards,
      carding ? worker : undefined,
      carding,
    ).then((parsed) => {
      moved = separateSections(parsed);
      files = parsed;
      const deck = buildDeck(parsed);
      return { deck, index: indexDeck(deck) };
    });
    return structure;
  };

  if (indexOnly) {
    const index = readCache<IndexCache>(cachePath(dir, env, 'index'), version(), dir, key);
    const entries =
      index?.key === key && Array.isArray(index.topics) ? decodeIndex(index) : undefined;
    if (index?.topics && entries) {
      tell(Array.isArray(index.limits) ? index.limits : []);
      return { dir, files: reads.length, notes, topics: index.topics, entries, notices };
    }
  }
  const cardsPath = cachePath(dir, env, 'cards');
  const cached = readCache<CardsCache>(cardsPath, version(), dir, key);
  if (cached?.key === key && Array.isArray(cached.topics) && Array.isArray(cached.cards?.cards)) {
    try {
      const cards = decodeCards(cached.cards);
      const left = cached.leftOut;
      const leftOut =
        left && Array.isArray(left.reasons)
          ? decodeCards(left.cards).map((card, i) => ({ card, reason: String(left.reasons[i]) }))
          : [];
      const limits = Array.isArray(cached.limits) ? cached.limits : [];
      tell(limits);
      return {
        library: {
          dir,
          files: reads.length,
          notes,
          topics: cached.topics,
          cards,
          leftOut,
          structure: load,
          notices,
        },
        key,
        limits,
        indexed: false,
      };
    } catch {
      // A damaged cache: build the cards again below.
    }
  }
  carding = true;
  const { deck, index } = await load();
  const { buildCards } = await import('./cards.js');
  const made =
    madeCards.size > 0 ? cardsByFile(files, madeCards, moved, buildCards) : buildCards(deck, index);
  const why = await options.whyLeftOut?.();
  const known =
    why && madeReasons.size > 0
      ? knownReasons(files, madeCards, madeReasons, moved, index)
      : undefined;
  const cards: Card[] = [];
  const leftOut: LeftOutCard[] = [];
  for (const card of made) {
    const reason = known?.has(card) ? known.get(card) : why?.(card, index);
    if (reason === undefined) cards.push(card);
    else leftOut.push({ card, reason });
  }
  const topics = deck.topics.map((topic) => ({ title: topic.title, file: topic.file }));
  const limits = limitDiagnostics(deck.diagnostics);
  tell(limits);
  writeCache(cardsPath, {
    format: CACHE_FORMAT,
    version: version(),
    dir,
    key,
    limits,
    topics,
    cards: encodeCards(cards),
    leftOut: {
      cards: encodeCards(leftOut.map((left) => left.card)),
      reasons: leftOut.map((left) => left.reason),
    },
  });
  writeIndex(key, dir, env, limits, topics, cards);
  return {
    library: { dir, files: reads.length, notes, topics, cards, leftOut, structure: load, notices },
    key,
    limits,
    indexed: true,
  };
}

/**
 * Topics with the same title in several files are one topic, so a section
 * whose heading path (`Notes › Setup`) is already taken, by an earlier file
 * or an earlier topic of the same title, gets an occurrence suffix exactly as
 * a repeated heading under one parent does within a file (`Setup#2`), and a
 * `duplicate-section` warning that names the first place. Otherwise their
 * cards would share ids (the later ones dropped) and the later section's
 * explanations would show the earlier one. Sections whose path is not taken
 * keep their keys, and so their card ids. Works in place on the parse results
 * of one run (the cache is written before).
 */
export function separateSections(files: ParsedFile[]): Set<string> {
  /** Files with a section whose key changed here. */
  const moved = new Set<string>();
  /** Parent key + child title → how many so far, and the first one. */
  const seen = new Map<string, { count: number; first: Section; parent: Section }>();
  /** Topic key → the first topic section with a body. */
  const topicBodies = new Map<string, Section>();
  for (const parsed of files) {
    const report = (section: Section, first: Section) => {
      const diagnostic: Diagnostic = {
        file: section.file,
        line: section.line,
        severity: 'warning',
        code: 'duplicate-section',
        subject: `${section.path.join(' › ')}\u001f${first.file}:${first.line}`,
      };
      parsed.diagnostics.push(diagnostic);
    };
    const visit = (parent: Section) => {
      for (const child of parent.children) {
        const slot = `${sectionRef(parent)}\u001e${child.title}`;
        const entry = seen.get(slot);
        const count = (entry?.count ?? 0) + 1;
        if (entry) {
          entry.count = count;
          // The parser already reported a repeat under the same parent.
          if (entry.parent !== parent) report(child, entry.first);
        } else {
          seen.set(slot, { count, first: child, parent });
        }
        const key = [...parent.key, count === 1 ? child.title : `${child.title}#${count}`];
        if (key.length !== child.key.length || key.some((segment, i) => segment !== child.key[i]))
          moved.add(parsed.file);
        child.key = key;
        visit(child);
      }
    };
    for (const topic of parsed.topics) {
      if (topic.blocks.length > 0) {
        const ref = sectionRef(topic);
        const first = topicBodies.get(ref);
        if (first) report(topic, first);
        else topicBodies.set(ref, topic);
      }
      visit(topic);
    }
  }
  return moved;
}

/**
 * The deck's cards from the cards of each file alone, in note order, a card
 * id seen in an earlier file kept once (as buildCards does over the deck).
 * A file's cards depend on no other file but through its section keys
 * (separateSections): a file whose keys moved, or that no worker made cards
 * of, gets them made here. Lets the cards of a cold start be made on the
 * parse workers, in parallel.
 */
export function cardsByFile(
  files: readonly ParsedFile[],
  made: ReadonlyMap<string, Card[]>,
  moved: ReadonlySet<string>,
  buildCards: (deck: Deck) => Card[],
): Card[] {
  const seen = new Set<string>();
  const out: Card[] = [];
  for (const file of files) {
    const ready = moved.has(file.file) ? undefined : made.get(file.file);
    for (const card of ready ?? buildCards(buildDeck([file]))) {
      if (seen.has(card.id)) continue;
      seen.add(card.id);
      out.push(card);
    }
  }
  return out;
}

/**
 * What the workers told of whyLeftOut for the cards they made (by card, the
 * reason or undefined when it is asked), for the files where it holds in the
 * whole deck: made by a worker, no section key changed by separateSections,
 * and every section the one the deck's index finds under its key, so that
 * each card is located (section, topic, parent) as in its file alone, which
 * is all a file-local verdict reads (quiz's fileVerdict). The cards of other
 * files, and those a worker could not decide, are left to whyLeftOut.
 */
export function knownReasons(
  files: readonly ParsedFile[],
  made: ReadonlyMap<string, readonly Card[]>,
  reasons: ReadonlyMap<string, readonly (string | undefined)[]>,
  moved: ReadonlySet<string>,
  index: DeckIndex,
): Map<Card, string | undefined> {
  const known = new Map<Card, string | undefined>();
  for (const file of files) {
    const cards = made.get(file.file);
    const told = reasons.get(file.file);
    if (!cards || !told || told.length !== cards.length || moved.has(file.file)) continue;
    if (!locatedAsAlone(file, index)) continue;
    cards.forEach((card, i) => {
      const reason = told[i];
      if (reason !== undefined) known.set(card, reason === '' ? undefined : reason);
    });
  }
  return known;
}

/** Every section of the file is the one the deck's index finds under its key (no topic of an earlier file has its title). */
function locatedAsAlone(file: ParsedFile, index: DeckIndex): boolean {
  let alone = true;
  for (const topic of file.topics)
    walk(topic, (section) => {
      if (index.byRef.get(sectionRef(section))?.section !== section) alone = false;
    });
  return alone;
}
