/**
 * Drives the real awsquiz binary in a real terminal (tmux), by keystrokes,
 * and reads the screen as a user would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir } from './cli.js';

let counter = 0;
let anchored = false;

function tmux(args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * tmux's server exits when its last session closes, and a new session created
 * at that moment can fail ("server exited unexpectedly"). An idle session kept
 * for the life of this test process keeps the server up between terminals.
 */
function anchor(): void {
  if (anchored) return;
  anchored = true;
  const name = `awsquiz-e2e-anchor-${process.pid}`;
  // It ends by itself soon after this process does.
  tmux([
    'new-session',
    '-d',
    '-s',
    name,
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
  ]);
  process.on('exit', () => {
    try {
      tmux(['kill-session', '-t', name]);
    } catch {
      // already gone
    }
  });
}

function newSession(args: string[]): void {
  for (let attempt = 0; ; attempt++) {
    try {
      anchor();
      tmux(['new-session', ...args]);
      return;
    } catch (error) {
      anchored = false;
      if (attempt >= 3) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface TerminalOptions {
  args: string[];
  env?: Record<string, string>;
  width?: number;
  height?: number;
}

export class Terminal {
  readonly name: string;
  private readonly exitFile: string;

  constructor(options: TerminalOptions) {
    counter += 1;
    this.name = `awsquiz-e2e-${process.pid}-${counter}`;
    const dir = tempDir('awsquiz-tmux-');
    this.exitFile = join(dir, 'exit-code');
    const env = {
      LANG: 'en_US.UTF-8',
      TERM: 'xterm-256color',
      NO_COLOR: '1',
      ...options.env,
    };
    const exports = Object.entries(env)
      .map(([key, value]) => `export ${key}=${shellQuote(value)};`)
      .join(' ');
    const command = [process.execPath, BIN, ...options.args].map(shellQuote).join(' ');
    // The shell stays open after awsquiz exits, so the screen can still be read; the exit code goes to a file.
    const script = join(dir, 'run.sh');
    writeFileSync(
      script,
      // A trap handler (not "ignore", which awsquiz would inherit) keeps this shell alive when
      // Ctrl+C reaches the whole process group as SIGINT, so it can still record the exit code.
      `trap 'true' INT; unset LC_ALL LC_MESSAGES AWSQUIZ_CONTENT FORCE_COLOR; ${exports} ${command}; echo $? > ${shellQuote(this.exitFile)}; sleep 600\n`,
    );
    newSession([
      '-d',
      '-s',
      this.name,
      '-x',
      String(options.width ?? 80),
      '-y',
      String(options.height ?? 40),
      `bash ${shellQuote(script)}`,
    ]);
  }

  /** The visible screen as text (trailing spaces trimmed). */
  screen(): string {
    return tmux(['capture-pane', '-p', '-t', this.name])
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  }

  /** Everything printed so far, including what scrolled off the screen. */
  scrollback(): string {
    return tmux(['capture-pane', '-p', '-S', '-10000', '-t', this.name])
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  }

  /** Everything printed so far, with the lines the terminal wrapped joined again (as printed). */
  printed(): string {
    return tmux(['capture-pane', '-p', '-J', '-S', '-10000', '-t', this.name])
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  }

  /** Resizes the window, as a learner dragging its edge. */
  resize(width: number, height = 40): void {
    tmux(['resize-window', '-t', this.name, '-x', String(width), '-y', String(height)]);
  }

  /** Sends keys by tmux name: 'Enter', 'Down', 'C-c', or literal text with literal=true. */
  send(keys: string, literal = false): void {
    tmux(['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), keys]);
  }

  type(text: string): void {
    this.send(text, true);
  }

  /** Waits until the screen matches, or throws with the screen it saw. */
  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${String(pattern)}; screen was:\n${last}`);
  }

  /** Waits for awsquiz to exit and returns its exit code. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (existsSync(this.exitFile)) {
        const text = readFileSync(this.exitFile, 'utf8').trim();
        if (text) return Number(text);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`awsquiz did not exit; screen was:\n${this.screen()}`);
  }

  close(): void {
    try {
      tmux(['kill-session', '-t', this.name]);
    } catch {
      // already gone
    }
  }
}

/**
 * A starter of terminals with a fresh data folder each (and any other environment
 * given), for one test file: every terminal it started is closed by the hook given
 * (afterAll where the file's tests run concurrently, afterEach otherwise).
 */
export function terminalsFor(hook: (close: () => void) => void) {
  const open: Terminal[] = [];
  hook(() => {
    for (const terminal of open.splice(0)) terminal.close();
  });
  return (
    args: string[],
    width: number,
    height: number,
    env: Record<string, string> = {},
  ): Terminal => {
    const terminal = new Terminal({
      args,
      width,
      height,
      env: { AWSQUIZ_DATA_DIR: tempDir(), ...env },
    });
    open.push(terminal);
    return terminal;
  };
}
