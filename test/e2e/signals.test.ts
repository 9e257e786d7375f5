/**
 * Issue 11 item 5: a session ended by the terminal closing (SIGHUP), by
 * SIGTERM or by Ctrl+C as a signal keeps every answer and ends cleanly: no
 * stack, no crash, exit 129 / 143 / 130 (before: EIO stack and exit 139).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';
import { saved } from '../helpers/saved.js';

const wrapper = join(ROOT, 'test', 'helpers', 'record-exit.cjs');
const tmux = (...args: string[]) =>
  execFileSync('tmux', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function waitFor(test: () => boolean, ms = 8000, show?: () => string): void {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out\n${show?.() ?? ''}`);
    pause(50);
  }
}

/** A study session in a terminal of its own, started at once; `ready` answers two questions. */
function session(name: string) {
  const dir = tempDir();
  const out = join(dir, 'run');
  const command = `AWSQUIZ_DATA_DIR='${dir}' NO_COLOR=1 LANG=en_US.UTF-8 '${process.execPath}' '${wrapper}' '${out}' '${BIN}' study --new 20; sleep 30`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', command);
  const screen = () => tmux('capture-pane', '-p', '-S', '-300', '-t', name);
  /** Answers until `next` shows (a recall card takes two Enters), each saved before it does. */
  const reach = (next: string) => {
    waitFor(
      () => screen().includes(next.replace(/\d+/, (n) => String(Number(n) - 1))),
      8000,
      screen,
    );
    for (let i = 0; i < 6 && !screen().includes(next); i++) {
      tmux('send-keys', '-t', name, 'Enter');
      for (let j = 0; j < 5 && !screen().includes(next); j++) pause(50);
    }
    waitFor(() => screen().includes(next), 8000, screen);
  };
  const pid = () => Number(readFileSync(`${out}.pid`, 'utf8'));
  const result = () => {
    waitFor(() => existsSync(`${out}.rc`));
    return {
      rc: readFileSync(`${out}.rc`, 'utf8'),
      stderr: readFileSync(`${out}.err`, 'utf8'),
      answers: saved(dir).log.length,
    };
  };
  const close = () => {
    try {
      tmux('kill-session', '-t', name);
    } catch {
      // Gone already.
    }
  };
  return { pid, screen, reach, result, close };
}

// The three sessions run side by side, each answering two questions before its signal.
describe('a session ended from outside', () => {
  it('closing the terminal (SIGHUP), SIGTERM or Ctrl+C as a signal: answers kept, no stack, exit 129 / 143 / 130 (Ctrl+C with the summary)', () => {
    const hup = session(`awsquiz-sig-hup-${process.pid}`);
    const term = session(`awsquiz-sig-term-${process.pid}`);
    const int = session(`awsquiz-sig-int-${process.pid}`);
    const runs = [hup, term, int];
    try {
      for (const next of ['card 2/', 'card 3/']) for (const run of runs) run.reach(next);
      hup.close();
      process.kill(term.pid(), 'SIGTERM');
      process.kill(int.pid(), 'SIGINT');
      expect(hup.result()).toEqual({ rc: '129 null', stderr: '', answers: 2 });
      expect(term.result()).toEqual({ rc: '143 null', stderr: '', answers: 2 });
      expect(int.result()).toEqual({ rc: '130 null', stderr: '', answers: 2 });
      expect(int.screen()).toMatch(/Session|answered/);
    } finally {
      for (const run of runs) run.close();
    }
  }, 60_000);
});
