import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundleKey,
  codeCachePath,
  firstRunCachePath,
  loadBundle,
  readCodeCache,
  writeCodeCache,
} from '../../src/boot.js';
import { tempDir } from '../helpers/cli.js';

const KEY = '0123456789abcdef0123456789abcdef';

/** A stand-in for dist/cli.cjs: main answers the number of arguments and whether it got its URL. */
function bundle(body = '', key: string | null = KEY): string {
  const file = join(tempDir('awsquiz-bundle-'), 'cli.cjs');
  const head = key === null ? '' : `// awsquiz-bundle ${key}\n`;
  writeFileSync(
    file,
    `${head}"use strict";\n${body}\nexports.main = async (argv) => argv.length * 10 + (__awsquizUrl.startsWith('file:') && typeof require === 'function' ? 1 : 0);\n`,
  );
  return file;
}

const argv = ['node', 'awsquiz', 'topics'];

/** Two runs: the first leaves its mark, the second the cache. */
function cacheOf(file: string, dir: string): void {
  loadBundle(file, dir).save();
  loadBundle(file, dir).save();
}

describe('the code cache of the bundled CLI', () => {
  it('is marked by the first run, made by the second and taken by the next', async () => {
    const file = bundle();
    const dir = tempDir();
    const path = codeCachePath(dir, KEY);
    const first = loadBundle(file, dir);
    expect(first.cached).toBe(false);
    expect(await first.bundle.main(argv)).toBe(31);
    first.save();
    expect(readdirSync(dir)).toEqual([path.slice(dir.length + 1)]);
    expect(readCodeCache(path)).toBe('pending');
    const second = loadBundle(file, dir);
    expect(second.cached).toBe(false);
    expect(await second.bundle.main(argv)).toBe(31);
    second.save();
    expect(readCodeCache(path)).toBeInstanceOf(Buffer);
    const third = loadBundle(file, dir);
    expect(third.cached).toBe(true);
    expect(await third.bundle.main(argv)).toBe(31);
    const kept = readFileSync(path);
    third.save(); // nothing to do: the cache was taken
    expect(readFileSync(path).equals(kept)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('reads the key the build wrote, and none from a bundle without one', () => {
    expect(bundleKey(`// awsquiz-bundle ${KEY}\n"use strict";`)).toBe(KEY);
    expect(bundleKey('"use strict";\n// awsquiz-bundle 0123456789abcdef\n')).toBeUndefined();
    const file = bundle('', null);
    const dir = tempDir();
    const loaded = loadBundle(file, dir);
    loaded.save();
    expect(loaded.cached).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ignores a corrupt, cut or foreign cache file and makes it again', async () => {
    const file = bundle();
    const dir = tempDir();
    cacheOf(file, dir);
    const path = codeCachePath(dir, KEY);
    const good = readFileSync(path);
    expect(readCodeCache(path)).toBeInstanceOf(Buffer);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    for (const bad of [
      flipped,
      good.subarray(0, good.length - 1),
      good.subarray(0, 30),
      Buffer.from('{}'),
    ]) {
      writeFileSync(path, bad);
      expect(readCodeCache(path)).toBeUndefined();
      const loaded = loadBundle(file, dir);
      expect(loaded.cached).toBe(false);
      expect(await loaded.bundle.main(argv)).toBe(31);
      loaded.save();
      expect(readCodeCache(path)).toBe('pending');
      cacheOf(file, dir);
      expect(loadBundle(file, dir).cached).toBe(true);
    }
    expect(readCodeCache(join(dir, 'missing.bin'))).toBeUndefined();
  });

  it('runs no cache file another user could have written', () => {
    const file = bundle();
    const dir = tempDir();
    cacheOf(file, dir);
    const path = codeCachePath(dir, KEY);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadBundle(file, dir).cached).toBe(true);
    chmodSync(path, 0o620);
    expect(readCodeCache(path)).toBeUndefined();
    expect(loadBundle(file, dir).cached).toBe(false);
  });

  it("runs a first run from the build's cache beside the bundle, then makes the user's own", async () => {
    const file = bundle('const rules = (n) => n + 1;');
    // The build's cache: made after a run of the bundle, beside it, named by its key.
    const build = loadBundle(file, tempDir());
    expect(await build.bundle.main(argv)).toBe(31);
    const data = build.codeCache();
    expect(data).toBeInstanceOf(Buffer);
    const shipped = firstRunCachePath(file, KEY);
    expect(writeCodeCache(shipped, data ?? Buffer.alloc(0))).toBe(true);
    const dir = tempDir();
    const path = codeCachePath(dir, KEY);
    const first = loadBundle(file, dir);
    expect(first.cached).toBe(true);
    expect(await first.bundle.main(argv)).toBe(31);
    first.save();
    // Its mark, not a cache made from the build's (which would hold all of it).
    expect(readCodeCache(path)).toBe('pending');
    const second = loadBundle(file, dir);
    expect(second.cached).toBe(false);
    second.save();
    expect(readCodeCache(path)).toBeInstanceOf(Buffer);
    expect(loadBundle(file, dir).cached).toBe(true);
    // Not one that others than the bundle's owner could write, nor one of another key or damaged.
    const fresh = () => loadBundle(file, tempDir()).cached;
    expect(fresh()).toBe(true);
    chmodSync(shipped, 0o620);
    expect(fresh()).toBe(false);
    chmodSync(shipped, 0o600);
    // Beside a bundle of another key, a cache named by this key is not its own.
    const otherKey = bundle('const rules = (n) => n + 1;', 'f'.repeat(32));
    writeCodeCache(firstRunCachePath(otherKey, KEY), data ?? Buffer.alloc(0));
    expect(loadBundle(otherKey, tempDir()).cached).toBe(false);
    writeFileSync(shipped, readFileSync(shipped).subarray(0, 100));
    expect(fresh()).toBe(false);
  });

  it('makes a new cache when V8 rejects the one kept for another source', async () => {
    const dir = tempDir();
    cacheOf(bundle('const a = 1;'), dir);
    const before = readFileSync(codeCachePath(dir, KEY));
    // The same key (a hand-edited bundle) but other code: V8 checks the source and refuses.
    const other = bundle('const longer = [1, 2, 3].map((n) => n * 2);');
    const loaded = loadBundle(other, dir);
    expect(loaded.cached).toBe(false);
    expect(await loaded.bundle.main(argv)).toBe(31);
    loaded.save();
    expect(readFileSync(codeCachePath(dir, KEY)).equals(before)).toBe(false);
    expect(loadBundle(other, dir).cached).toBe(true);
  });

  it('removes the caches of other builds when it writes its own', () => {
    const dir = tempDir();
    const old = codeCachePath(dir, 'ffffffffffffffff');
    writeFileSync(old, 'old');
    writeFileSync(join(dir, 'progress.json'), '{}');
    cacheOf(bundle(), dir);
    expect(readdirSync(dir).sort()).toEqual(
      [codeCachePath(dir, KEY).slice(dir.length + 1), 'progress.json'].sort(),
    );
  });

  it('never fails on a folder it cannot write, and leaves no temporary file', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'a-file'), 'not a folder');
    const dir = join(parent, 'a-file', 'cache');
    const loaded = loadBundle(bundle(), dir);
    expect(await loaded.bundle.main(argv)).toBe(31);
    expect(() => loaded.save()).not.toThrow();
    expect(writeCodeCache(codeCachePath(dir, KEY), Buffer.from('data'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['a-file']);
  });
});
