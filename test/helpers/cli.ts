import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { buildSync } from 'esbuild';
import { main } from '../../src/cli.js';
import { cachePath, filesFolder } from '../../src/content/cache.js';
import { shippedContentDir } from '../../src/content/load.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'awsquiz.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** A fresh folder inside this test run's own (global-setup.ts removes it at the end). */
export function tempDir(prefix = 'awsquiz-test-'): string {
  return mkdtempSync(join(process.env.AWSQUIZ_TEST_TMP ?? tmpdir(), prefix));
}

/**
 * The shipped notes' parse cache files, by name, each kept from the first run that wrote it.
 * A run given no data folder gets a fresh one holding these, as a user's folder holds them
 * after the first run: parsing the shipped notes afresh for each of the ~150 runs was most
 * of the integration tests' time. Building the cache cold, and warm giving the same as
 * cold, are tested with their own folders (test/unit/cache.test.ts, "warm cache" in
 * test/integration/cli.test.ts).
 */
const shippedCache = new Map<string, string>();
const SHIPPED_CACHE = [
  basename(filesFolder(shippedContentDir(), { AWSQUIZ_DATA_DIR: tmpdir() })),
  ...(['cards', 'notes'] as const).map((kind) =>
    basename(cachePath(shippedContentDir(), { AWSQUIZ_DATA_DIR: tmpdir() }, kind)),
  ),
];

/** A fresh data folder with the shipped notes' parse cache in it, as far as one was made. */
function freshDataDir(): string {
  const dir = tempDir();
  // The files cache is a folder of entries, the others files.
  for (const [name, from] of shippedCache) cpSync(from, join(dir, name), { recursive: true });
  return dir;
}

/** Keeps the shipped notes' cache files a run wrote in its fresh data folder. */
function keepCache(dataDir: string | undefined): void {
  if (dataDir === undefined || shippedCache.size === SHIPPED_CACHE.length) return;
  for (const name of SHIPPED_CACHE) {
    const path = join(dataDir, name);
    if (!shippedCache.has(name) && existsSync(path)) shippedCache.set(name, path);
  }
}

function testEnv(options: {
  env?: Record<string, string | undefined>;
  dataDir?: string;
}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: 'en_US.UTF-8',
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    COLUMNS: undefined,
    AWSQUIZ_CONTENT: undefined,
    AWSQUIZ_DATA_DIR: options.dataDir ?? freshDataDir(),
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as Record<string, string>;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (npm test builds dist/ first) with no TTY, an empty stdin,
 * English messages and a private data dir unless the test says otherwise.
 * For what only a real process shows (exit codes, bundling); runCli covers the rest.
 */
export function runBinary(
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; dataDir?: string } = {},
): CliResult {
  const env = testEnv(options);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tempDir('awsquiz-cwd-'),
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    // An export of all the fixtures is well over spawnSync's default 1 MB of output.
    maxBuffer: 64 * 1024 * 1024,
  });
  if (options.dataDir === undefined && options.env?.AWSQUIZ_DATA_DIR === undefined)
    keepCache(env.AWSQUIZ_DATA_DIR);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user mistake must never show a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.*:\d+:\d+\)/.test(text) || /^\s+at /m.test(text);
}

/**
 * A stream that keeps what is written to it; not a terminal. Like process.stdout it is
 * never ended: Inquirer pipes each prompt's output into it and ends the pipe after.
 */
class Sink extends Writable {
  text = '';
  override end(): this {
    return this;
  }
  override _write(chunk: Buffer | string, _encoding: string, callback: () => void): void {
    this.text += String(chunk);
    callback();
  }
}

/**
 * Runs the CLI in this process, as runBinary does in a child: no TTY, the given stdin,
 * English messages, NO_COLOR and a private data dir unless the test says otherwise.
 * The clock is `now` when given (a fake clock), else the system's.
 */
export async function runCli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    input?: string;
    dataDir?: string;
    now?: () => Date;
  } = {},
): Promise<CliResult> {
  const env = testEnv(options);
  const stdout = new Sink();
  const stderr = new Sink();
  const stdin = Readable.from([options.input ?? '']);
  const status = await main(['node', 'awsquiz', ...args], {
    env,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    now: options.now ?? (() => new Date()),
  });
  if (options.dataDir === undefined && options.env?.AWSQUIZ_DATA_DIR === undefined)
    keepCache(env.AWSQUIZ_DATA_DIR);
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** A running in-process CLI on a fake terminal: keys in, screen text out. */
export interface FakeTerminalRun {
  /** Sends keys as a terminal would (`\r` is Enter). */
  send(keys: string): void;
  /** Everything written so far, escape sequences removed. */
  output(): string;
  /** Resolves once the output matches, or fails after `timeout` ms. */
  waitFor(pattern: string | RegExp, timeout?: number): Promise<string>;
  done: Promise<CliResult>;
}

const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

/** runCli on a terminal: stdin and stdout are TTYs of 80 × 40, keys come from send(). */
export function startCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; dataDir?: string; now?: () => Date } = {},
): FakeTerminalRun {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode() {
      return stdin;
    },
  });
  const stdout = Object.assign(new Sink(), { isTTY: true, columns: 80, rows: 40 });
  const stderr = new Sink();
  const done = main(['node', 'awsquiz', ...args], {
    env: testEnv(options),
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    now: options.now ?? (() => new Date()),
  }).then((status) => {
    stdin.end();
    return { status, stdout: stdout.text, stderr: stderr.text };
  });
  const output = () => stdout.text.replace(ANSI, '');
  return {
    send: (keys) => stdin.write(keys),
    output,
    // Generous: a loaded 2-core CI machine can take seconds to reach a screen.
    async waitFor(pattern, timeout = 15_000) {
      const end = performance.now() + timeout;
      for (;;) {
        const text = output();
        if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
        if (performance.now() > end) {
          throw new Error(`timed out waiting for ${String(pattern)}; output:\n${text}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    done,
  };
}

let writerScript: string | undefined;

/**
 * How to start test/helpers/writer.ts (a second awsquiz process for the
 * store's two-writers tests): the helper bundled from the sources by esbuild
 * once a test file, run by node, which starts in about half the time tsx
 * takes to load it (0.6 s against 1.25 s for 200 answers).
 */
export function writerCommand(): string[] {
  if (writerScript === undefined) {
    const out = join(tempDir('awsquiz-writer-'), 'writer.mjs');
    buildSync({
      entryPoints: [join(ROOT, 'test', 'helpers', 'writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: out,
      logLevel: 'warning',
    });
    writerScript = out;
  }
  return [writerScript];
}
