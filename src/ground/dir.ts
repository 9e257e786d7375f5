/**
 * Creating the data and cache folders. Node's `mkdirSync(…, { recursive: true })`
 * never returns when a parent refuses to hold new entries with ENOENT (a path
 * under /proc, for one): it creates the parent again and again. So we find
 * the nearest folder that exists and create each missing level once; any
 * failure is thrown as it is.
 */
import {
  mkdirSync,
  renameSync,
  statSync,
  unlinkSync,
  type WriteFileOptions,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function ensureDir(path: string): void {
  const missing: string[] = [];
  let dir = resolve(path);
  for (;;) {
    let folder: boolean;
    try {
      folder = statSync(dir).isDirectory();
    } catch (error) {
      const parent = dirname(dir);
      if (code(error) !== 'ENOENT' || parent === dir) throw error;
      missing.push(dir);
      dir = parent;
      continue;
    }
    if (folder) break;
    throw Object.assign(new Error(`ENOTDIR: not a directory, '${dir}'`), { code: 'ENOTDIR' });
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
    }
  }
}

/**
 * Writes a file that only ever saves time (a cache): its folder made as
 * needed, the bytes to a temporary file beside it, then renamed over it, so a
 * reader sees the old file or the whole new one. Never throws: a file that
 * cannot be made (or whose bytes cannot be made) is not written, and false
 * says so. Progress, which must not be lost, has its own writer (store/write.ts).
 */
export function writeAtomically(
  path: string,
  bytes: () => string | NodeJS.ArrayBufferView,
  options?: WriteFileOptions,
): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    ensureDir(dirname(path));
    writeFileSync(temp, bytes(), options);
    renameSync(temp, path);
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // never made
    }
    return false;
  }
}
