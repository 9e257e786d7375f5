import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;
let cachedVersion: string | undefined;

/**
 * The installed package's folder: the nearest folder above this module with
 * awsquiz's package.json. Works from src/ (tsx), dist/ and the bundle alike.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    const found = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string })
      : undefined;
    if (found?.name === 'awsquiz') {
      root = dir;
      // Kept: version() would read the same file again at every start.
      cachedVersion = found.version;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('awsquiz: cannot find its own package.json');
    dir = parent;
  }
}

/** awsquiz's version, from its package.json (read once, with the package's folder). */
export function version(): string {
  packageRoot();
  return cachedVersion as string;
}
