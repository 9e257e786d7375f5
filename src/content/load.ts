/**
 * Finds and reads the note files: the only module that reads notes from disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { t } from '../ui/i18n.js';
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

/** --content wins, then AWSQUIZ_CONTENT, then the shipped notes. */
export function contentDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = option ?? env.AWSQUIZ_CONTENT;
  return chosen ? resolve(chosen) : shippedContentDir();
}

const NOTE = /\.(md|markdown)$/i;

/** The .md files under root, searched recursively, sorted by relative path. */
export function listNotes(root: string): NoteFile[] {
  let rootStat: ReturnType<typeof statSync>;
  try {
    rootStat = statSync(root);
  } catch {
    throw new UsageError(t('error.contentMissing', { dir: root }));
  }
  if (rootStat.isFile()) {
    // A single file is a folder of one.
    if (!NOTE.test(root)) throw new UsageError(t('error.noContent', { dir: root }));
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
  const visit = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
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
  if (found.length === 0) throw new UsageError(t('error.noContent', { dir: root }));
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A file's name as shown in topics, cards and messages: nothing a terminal would act on. */
function displayName(file: string): string {
  return sanitize(file);
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export function readNote(note: NoteFile): ReadResult {
  try {
    return { ok: true, text: readFileSync(note.path, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, reason };
  }
}
