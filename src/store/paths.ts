/**
 * Where progress lives: `$AWSQUIZ_DATA_DIR`, else env-paths' per-user config
 * folder with the suffix "nodejs" (`~/.config/awsquiz-nodejs` on Linux), the
 * folder conf used when it kept the file, so progress saved by any earlier
 * awsquiz is found where it was. An empty variable counts as unset.
 */
import { join } from 'node:path';
import envPaths from 'env-paths';

const PROJECT = 'awsquiz';
export const PROGRESS_FILE = 'progress.json';

export function dataDir(env: NodeJS.ProcessEnv): string {
  if (env.AWSQUIZ_DATA_DIR) return env.AWSQUIZ_DATA_DIR;
  return envPaths(PROJECT, { suffix: 'nodejs' }).config;
}

export function progressPath(env: NodeJS.ProcessEnv): string {
  return join(dataDir(env), PROGRESS_FILE);
}
