/**
 * Finds and reads the note files: the only module that reads notes from disk.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../version.js';
import type { Diagnostic } from './model.js';
import { sanitize } from './sanitize.js';

export interface NoteFile {
  /** Absolute path. */
  path: string;
  /** Relative to the content root, forward slashes: the name used in cards and messages. */
  file: string;
  size: number;
  mtimeMs: number;
  /** Change time (metadata too): with size and mtime, what says a note is unchanged. */
  ctimeMs?: number;
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

/**
 * Limits that keep every run bounded whatever the notes folder holds (README,
 * "Limits"): past them files are left out or cut, and told, never silently.
 */
export const LIMITS = {
  /** Note files read; the rest (in walk order) are left out. */
  files: 5_000,
  /** Folder entries looked at while searching, notes or not. */
  entries: 100_000,
  /** Bytes of one note; the rest of it, from the first whole line past this, is not read. */
  noteBytes: 2 * 1024 * 1024,
} as const;

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** Whether a path is a folder, following links; false for a broken link. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a broken link
  }
}

/**
 * The note files under root, sorted by relative path. Links are followed
 * only to places inside the notes folder (a link to / or to $HOME is not a
 * way out of it); at most LIMITS.files files and LIMITS.entries folder
 * entries. What is left out is told in `notices` (file and line 1).
 */
export function listNotes(root: string, notices: Diagnostic[] = []): NoteFile[] {
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
        ctimeMs: rootStat.ctimeMs,
      },
    ];
  }
  const found: NoteFile[] = [];
  const realRoot = realpathSync(root);
  const shown = (path: string) => displayName(relative(root, path).split(sep).join('/')) || '.';
  const notice = (path: string, code: Diagnostic['code'], subject: string) =>
    notices.push({ file: shown(path), line: 1, severity: 'warning', code, subject });
  // Folders by their real path: a linked folder is read once, and a link to a
  // folder above (ln -s . loop) never loops.
  const visited = new Set<string>();
  let entriesSeen = 0;
  let full = false;
  const visit = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      const real = realpathSync(dir);
      if (!isInside(realRoot, real)) {
        notice(dir, 'outside-link', real);
        return;
      }
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (full) return;
      entriesSeen += 1;
      if (found.length >= LIMITS.files || entriesSeen > LIMITS.entries) {
        full = true;
        notice(root, 'too-many-files', String(LIMITS.files));
        return;
      }
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) visit(path);
      else if (NOTE.test(entry.name)) {
        try {
          const stat = statSync(path);
          if (!stat.isFile()) continue;
          found.push({
            path,
            file: shown(path),
            size: stat.size,
            mtimeMs: stat.mtimeMs,
            ctimeMs: stat.ctimeMs,
          });
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
  | {
      ok: true;
      text: string;
      /** The note was longer than LIMITS.noteBytes: the first line not read. */
      cutAtLine?: number;
    }
  | {
      ok: false;
      /** 'read-error': the file system refused (the reason is its error code); 'not-text': not UTF-8 text. */
      code: 'read-error' | 'not-text';
      reason: string;
    };

/** Reads at most `limit + 1` bytes: enough to know the file is longer than the limit. */
function readHead(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(limit + 1);
    let length = 0;
    for (;;) {
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Where to cut `bytes` to at most `limit`: after the last newline (of the file's encoding). */
function cutPoint(bytes: Uint8Array, limit: number): number {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    for (let i = limit - 2 - (limit % 2); i >= 2; i -= 2) {
      if (le ? bytes[i] === 0x0a && bytes[i + 1] === 0 : bytes[i] === 0 && bytes[i + 1] === 0x0a) {
        return i + 2;
      }
    }
    return limit - (limit % 2);
  }
  const newline = bytes.lastIndexOf(0x0a, limit - 1);
  return newline >= 0 ? newline + 1 : limit;
}

export function readNote(note: NoteFile, limit: number = LIMITS.noteBytes): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readHead(note.path, limit);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, code: 'read-error', reason };
  }
  if (bytes.length <= limit) return decodeNote(bytes);
  const kept = bytes.subarray(0, cutPoint(bytes, limit));
  const read = decodeNote(kept);
  if (!read.ok) return read;
  return { ...read, cutAtLine: read.text.split('\n').length + (read.text.endsWith('\n') ? 0 : 1) };
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
