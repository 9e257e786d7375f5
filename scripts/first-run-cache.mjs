/**
 * Writes the build's code cache for a first run, dist/first-run-<key>.bin
 * (see src/boot.ts firstRunCachePath): the bundle is loaded as bin/awsquiz.js
 * loads it, without a cache, then runs what a first run does (`export` of
 * the shipped notes in an empty data folder: read, parse, card, judge and
 * ask every note; then `topics` and `stats`), and V8's data for all the
 * code that ran is kept. Run by scripts/bundle.mjs in a process of its own
 * (its output is not shown); a cache that cannot be made is only time not
 * saved.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const { bundleKey, firstRunCachePath, loadBundle, writeCodeCache } = createRequire(import.meta.url)(
  join(DIST, 'boot.cjs'),
);

const file = join(DIST, 'cli.cjs');
const key = bundleKey(readFileSync(file, 'utf8'));
for (const name of readdirSync(DIST)) {
  if (/^first-run-.*\.bin$/.test(name)) rmSync(join(DIST, name));
}
if (key === undefined) throw new Error('dist/cli.cjs has no key line');

const data = mkdtempSync(join(tmpdir(), 'awsquiz-first-run-'));
for (const name of ['AWSQUIZ_CONTENT', 'AWSQUIZ_PROGRESS', 'LC_ALL', 'LC_MESSAGES']) {
  delete process.env[name];
}
Object.assign(process.env, { AWSQUIZ_DATA_DIR: data, NO_COLOR: '1', LANG: 'en_US.UTF-8' });
try {
  const loaded = loadBundle(file, data);
  for (const args of [['export'], ['topics'], ['stats']]) {
    const code = await loaded.bundle.main(['node', 'awsquiz', ...args]);
    if (code !== 0) throw new Error(`awsquiz ${args.join(' ')} exited ${code}`);
  }
  const cache = loaded.codeCache();
  if (!cache || !writeCodeCache(firstRunCachePath(file, key), cache))
    throw new Error('the code cache could not be made or written');
} finally {
  rmSync(data, { recursive: true, force: true });
}
