import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'awsquiz.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function tempDir(prefix = 'awsquiz-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (npm test builds dist/ first) with no TTY, an empty stdin,
 * English messages and a private data dir unless the test says otherwise.
 */
export function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; dataDir?: string } = {},
): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: 'en_US.UTF-8',
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    AWSQUIZ_CONTENT: undefined,
    AWSQUIZ_DATA_DIR: options.dataDir ?? tempDir(),
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tempDir('awsquiz-cwd-'),
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    // An export of all the fixtures is well over spawnSync's default 1 MB of output.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user mistake must never show a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.*:\d+:\d+\)/.test(text) || /^\s+at /m.test(text);
}
