/**
 * The user's cache folder: `$AWSQUIZ_DATA_DIR` if set (tests), else the
 * platform's cache folder. Kept in ground so that the start-up code
 * (boot.ts, the CLI's code cache) and the deck cache (content/cache.ts) agree.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.AWSQUIZ_DATA_DIR) return env.AWSQUIZ_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'awsquiz');
  if (process.platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'awsquiz', 'Cache');
  }
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'awsquiz');
}
