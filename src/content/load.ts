/**
 * Finds and reads the note files: the only module that reads notes from disk.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../version.js';
import { sanitize } from './sanitize.js';

export interface NoteFile {
  /** Absolute path. */
  path: string;
  /** Relative to the content root, forward slashes: the name used in cards and messages. */
  file: string;
  size: number;
  mtimeMs: number;
}

/** The notes shipped with awsquiz, found next to the installed package (not the working directory). */
export function shippedContentDir(): string {
  return join(packageRoot(), 'content');
}

/**
 * --content wins, then AWSQUIZ_CONTENT, then the shipped notes. An empty
 * --content is a mistake (a variable that expanded to nothing), never a quiet
 * fall-back to the shipped notes; an empty AWSQUIZ_CONTENT counts as unset.
 */
export function contentDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option !== undefined && option.trim() === '')
    throw new UsageError({ key: 'error.emptyContent' });
  const chosen = option ?? (env.AWSQUIZ_CONTENT?.trim() ? env.AWSQUIZ_CONTENT : undefined);
  return chosen ? resolve(chosen) : shippedContentDir();
}

const NOTE = /\.(md|markdown)$/i;

/** Whether a path is a folder, following links; false for a broken link. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a broken link
  }
}

/** The .md files under root, searched recursively, sorted by relative path. */
export function listNotes(root: string): NoteFile[] {
  let rootStat: ReturnType<typeof statSync>;
  try {
    rootStat = statSync(root);
  } catch {
    throw new UsageError({ key: 'error.contentMissing', params: { dir: root } });
  }
  if (rootStat.isFile()) {
    // A single file is a folder of one.
    if (!NOTE.test(root)) throw new UsageError({ key: 'error.noContent', params: { dir: root } });
    return [
      {
        path: root,
        file: displayName(root.split(sep).pop() ?? root),
        size: rootStat.size,
        mtimeMs: rootStat.mtimeMs,
      },
    ];
  }
  const found: NoteFile[] = [];
  // Folders by their real path: a linked folder is read once, and a link to a
  // folder above (ln -s . loop) never loops.
  const visited = new Set<string>();
  const visit = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      const real = realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) visit(path);
      else if (NOTE.test(entry.name)) {
        try {
          const stat = statSync(path);
          if (!stat.isFile()) continue;
          const file = displayName(relative(root, path).split(sep).join('/'));
          found.push({ path, file, size: stat.size, mtimeMs: stat.mtimeMs });
        } catch {
          // Vanished or unreadable: readNote reports it.
        }
      }
    }
  };
  visit(root);
  if (found.length === 0) throw new UsageError({ key: 'error.noContent', params: { dir: root } });
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A file's name as shown in topics, cards and messages: nothing a terminal would act on. */
function displayName(file: string): string {
  return sanitize(file);
}

export type ReadResult =
  | { ok: true; text: string }
  | {
      ok: false;
      /** 'read-error': the file system refused (the reason is its error code); 'not-text': not UTF-8 text. */
      code: 'read-error' | 'not-text';
      reason: string;
    };

export function readNote(note: NoteFile): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(note.path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, code: 'read-error', reason };
  }
  return decodeNote(bytes);
}

/**
 * Note bytes → text. UTF-8 (with or without a byte order mark), or UTF-16
 * that starts with its byte order mark. Anything else (Latin-1, UTF-16
 * without a mark, binary files) is not read at all rather than read as
 * mojibake: the reason names the line of the first byte that is not UTF-8
 * text (a NUL byte counts, as no text file holds one).
 */
export function decodeNote(bytes: Uint8Array): ReadResult {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'be'
        : '';
  let text: string;
  try {
    if (utf16 === 'be') {
      if (bytes.length % 2 !== 0) throw new TypeError('odd number of bytes');
      const swapped = new Uint8Array(bytes.length);
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        swapped[i] = bytes[i + 1] ?? 0;
        swapped[i + 1] = bytes[i] ?? 0;
      }
      text = new TextDecoder('utf-16le', { fatal: true }).decode(swapped);
    } else {
      text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
    }
  } catch {
    const line = utf16 ? 1 : lineOf(bytes, firstInvalidUtf8(bytes));
    return { ok: false, code: 'not-text', reason: String(line) };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return { ok: false, code: 'not-text', reason: String(text.slice(0, nul).split('\n').length) };
  }
  return { ok: true, text };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const at = (i: number) => bytes[i] ?? -1;
  const tail = (i: number, low = 0x80, high = 0xbf) => at(i) >= low && at(i) <= high;
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf && tail(i + 1)) i += 2;
    else if (
      b >= 0xe0 &&
      b <= 0xef &&
      tail(i + 1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) &&
      tail(i + 2)
    )
      i += 3;
    else if (
      b >= 0xf0 &&
      b <= 0xf4 &&
      tail(i + 1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf) &&
      tail(i + 2) &&
      tail(i + 3)
    )
      i += 4;
    else return i;
  }
  return 0;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
