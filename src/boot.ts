/**
 * Start-up: runs the bundled CLI (dist/cli.cjs, one CommonJS script made by
 * scripts/bundle.mjs) from a V8 code cache. Node 20 has no compile cache for
 * modules (module.enableCompileCache came in 22.1); a vm.Script can take
 * V8's cached data, so the CLI's code is deserialized instead of parsed and
 * compiled again on every run. Measured against the ES-module chunks it
 * replaces: warm `topics` from ~1.75x to ~1.5x a bare `node -e 0`.
 *
 * The cache is made when a run ends (so it holds the functions that run
 * used, not only the top level), and only by the second run of a build: the
 * first run in a cache folder usually parses the notes, and a cache made from
 * it also holds the parser, which warm runs do not use and which makes it
 * twice as large and slower to load (warm `topics` 1.50x against 1.32x). The
 * first run leaves a small mark instead, and runs from the build's cache if
 * there is one (firstRunCachePath: made after a run that parsed the shipped
 * notes, so it holds the parser; a first `export` 0.54 → 0.45 s). The cache
 * is kept in the cache folder,
 * named by the bundle's hash (written by the build on its first line), the
 * Node version and the architecture. It only ever saves time: a missing,
 * corrupt, foreign or rejected cache is ignored (and made again), and a folder
 * that cannot be written is left alone. Written atomically (a temporary file,
 * then rename), readable and writable by the user alone; a cache file that
 * another user owns or could write is not run.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir } from './ground/cache-dir.js';
import { writeAtomically } from './ground/dir.js';

/** What the bundle exports (src/cli.ts). */
export interface Bundle {
  main(argv: readonly string[]): Promise<number>;
}

/** The first line scripts/bundle.mjs writes: the hash of the rest of the file. */
const HEAD = /^\/\/ awsquiz-bundle ([0-9a-f]{16,64})\n/;
/** A cache file: this line, the SHA-1 of the data (20 bytes), then V8's data. */
const MAGIC = Buffer.from('awsquiz-code-cache 1\n');
const SUM = 20;
/** What the first run leaves: the second one makes the cache. */
const PENDING = Buffer.from('awsquiz-code-cache 1 pending\n');
const PREFIX = 'code-';

/** The bundle's own hash, from its first line; undefined when the build did not write one. */
export function bundleKey(source: string): string | undefined {
  return HEAD.exec(source)?.[1];
}

/** Where the code cache of a bundle with this key lives (one per Node version and architecture). */
export function codeCachePath(dir: string, key: string): string {
  return join(dir, `${PREFIX}${process.version}-${process.arch}-${key.slice(0, 16)}.bin`);
}

const sum = (data: Uint8Array): Buffer => createHash('sha1').update(data).digest();

/**
 * V8's data from a cache file; 'pending' for the first run's mark; undefined
 * when missing, cut short or changed in any way, or when it could be written
 * by anyone but `owner` (by default the user running awsquiz).
 */
export function readCodeCache(
  path: string,
  owner: number | undefined = process.getuid?.(),
): Buffer | 'pending' | undefined {
  let file: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // Code runs from this file: only one the owner alone can write (the data folder may be shared).
    const stat = fstatSync(fd);
    if (owner !== undefined && (stat.uid !== owner || (stat.mode & 0o022) !== 0)) return undefined;
    file = readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (file.equals(PENDING)) return 'pending';
  const start = MAGIC.length + SUM;
  if (file.length <= start || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = file.subarray(start);
  return sum(data).equals(file.subarray(MAGIC.length, start)) ? data : undefined;
}

/**
 * Writes a cache file atomically and removes the caches of other builds
 * beside it. Never throws: a cache that cannot be written is simply not kept.
 */
export function writeCodeCache(path: string, data: Uint8Array | 'pending'): boolean {
  const file = () => (data === 'pending' ? PENDING : Buffer.concat([MAGIC, sum(data), data]));
  if (!writeAtomically(path, file, { flag: 'wx', mode: 0o600 })) return false;
  const dir = dirname(path);
  try {
    const mine = basename(path);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name.endsWith('.bin') && name !== mine)
        unlinkSync(join(dir, name));
    }
  } catch {
    // another run removed them first, or the folder is not ours to tidy
  }
  return true;
}

/**
 * The build's cache for a first run (scripts/first-run-cache.mjs), beside the
 * bundle: made after a run that parsed and carded the shipped notes, so it
 * holds the parser and the card rules too (a first run usually parses the
 * notes). Named by the bundle's key, as the user's caches are.
 */
export function firstRunCachePath(bundleFile: string, key: string): string {
  return join(dirname(bundleFile), `first-run-${key.slice(0, 16)}.bin`);
}

/** The owner of a file: undefined where files have none to compare, -1 (nobody) when it cannot be read. */
function ownerOf(path: string): number | undefined {
  if (!process.getuid) return undefined;
  try {
    return statSync(path).uid;
  } catch {
    return -1;
  }
}

export interface Loaded {
  bundle: Bundle;
  /** Whether V8 took the cached code. */
  cached: boolean;
  /** V8's data for the code run so far (the build's first-run cache); undefined when it cannot be made. */
  codeCache(): Buffer | undefined;
  /**
   * Keeps the cache when there was none to take: the first run's mark, or on a
   * later run V8's data for the code run so far. Call when the run ends; never throws.
   */
  save(): void;
}

/** Compiles and runs the bundle's top level, from the cache in `dir` when one fits. */
export function loadBundle(file: string, dir: string): Loaded {
  const source = readFileSync(file, 'utf8');
  const key = bundleKey(source);
  const path = key === undefined ? undefined : codeCachePath(dir, key);
  const found = path === undefined ? undefined : readCodeCache(path);
  let cachedData = found === 'pending' ? undefined : found;
  // No cache of the user's yet (a first run): the build's, when its owner is the bundle's.
  if (found === undefined && key !== undefined) {
    const first = readCodeCache(firstRunCachePath(file, key), ownerOf(file));
    if (first instanceof Buffer) cachedData = first;
  }
  // The same wrapper Node gives a CommonJS module, plus the URL the bundle uses for import.meta.url.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __awsquizUrl) {${source}\n})`,
    cachedData === undefined ? { filename: file } : { filename: file, cachedData },
  );
  const module = { exports: {} as Bundle };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    pathToFileURL(file).href,
  );
  const cached = cachedData !== undefined && script.cachedDataRejected !== true;
  const codeCache = (): Buffer | undefined => {
    try {
      return script.createCachedData();
    } catch {
      return undefined;
    }
  };
  return {
    bundle: module.exports,
    cached,
    codeCache,
    save() {
      if (path === undefined) return;
      // A first run leaves its mark, also one that ran from the build's cache: a cache made
      // from that would hold all it holds, and the second run makes the user's own.
      if (found === undefined) {
        writeCodeCache(path, 'pending');
        return;
      }
      if (cached) return;
      const data = codeCache();
      if (data) writeCodeCache(path, data);
    },
  };
}

/**
 * bin/awsquiz.js: runs dist/cli.cjs with process.argv; resolves to the exit
 * code. The cache is kept when the process exits, also through process.exit
 * (a closed terminal, a closed pipe), so that an interactive run that is ended
 * leaves it too.
 */
export function run(argv: readonly string[], bundleFile: string): Promise<number> {
  const loaded = loadBundle(bundleFile, cacheDir(process.env));
  process.once('exit', () => loaded.save());
  return loaded.bundle.main(argv);
}
