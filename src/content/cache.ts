/**
 * The parsed-deck cache: each note file's parse result, keyed by its path,
 * size, modification time and content hash, and the cards of the whole deck,
 * keyed by every file's hash and the awsquiz version. A changed file is
 * re-parsed alone. A cache that is corrupt, foreign, from another version or
 * unwritable is ignored, never an error: it only ever saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Card, ParsedFile } from './model.js';

/** Bump when the shape of cached data changes. */
export const CACHE_FORMAT = 1;

export interface CachedFile {
  size: number;
  mtimeMs: number;
  hash: string;
  parsed: ParsedFile;
}

/** Parse results per file. */
export interface FilesCache {
  format: number;
  version: string;
  /** The content folder this cache belongs to. */
  dir: string;
  files: Record<string, CachedFile>;
}

/** The cards of the whole deck and its topics: all a read-only command needs. */
export interface CardsCache {
  format: number;
  version: string;
  dir: string;
  /** cardsKey() of the files the cards were made from. */
  key: string;
  topics: { title: string; file: string }[];
  cards: Card[];
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** AWSQUIZ_DATA_DIR if set (tests), else the user's cache folder. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.AWSQUIZ_DATA_DIR) return env.AWSQUIZ_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'awsquiz');
  if (process.platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'awsquiz', 'Cache');
  }
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'awsquiz');
}

/** Cache files per content folder: `kind` is "files" (parse results) or "cards". */
export function cachePath(
  contentDir: string,
  env: NodeJS.ProcessEnv,
  kind: 'files' | 'cards',
): string {
  return join(cacheDir(env), `deck-${kind}-${hashText(contentDir).slice(0, 12)}.json`);
}

/** Reads a cache file; anything unreadable, corrupt, foreign or from another version is no cache. */
export function readCache<T extends { format: number; version: string; dir: string }>(
  path: string,
  version: string,
  dir: string,
): Partial<T> | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<T>;
    if (typeof data !== 'object' || data === null) return undefined;
    if (data.format !== CACHE_FORMAT || data.version !== version || data.dir !== dir)
      return undefined;
    return data;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp + rename); silently does nothing where it cannot write. */
export function writeCache(path: string, cache: FilesCache | CardsCache): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(temp, JSON.stringify(cache));
    renameSync(temp, path);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
  }
}

/** The key of a deck's cards: the version and every file's name and hash, in order. */
export function cardsKey(version: string, files: { file: string; hash: string }[]): string {
  return hashText([version, ...files.map((f) => `${f.file}\u001f${f.hash}`)].join('\u001e'));
}
