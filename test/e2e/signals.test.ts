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

function session(name: string) {
  const dir = tempDir();
  const out = join(dir, 'run');
  const command = `AWSQUIZ_DATA_DIR='${dir}' NO_COLOR=1 LANG=en_US.UTF-8 '${process.execPath}' '${wrapper}' '${out}' '${BIN}' study --new 20; sleep 30`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', command);
  const screen = () => tmux('capture-pane', '-p', '-S', '-300', '-t', name);
  waitFor(() => screen().includes('card 1/'), 8000, screen);
  // Two answers, each saved before the next question shows.
  for (const next of ['card 2/', 'card 3/']) {
    for (let i = 0; i < 6 && !screen().includes(next); i++) {
      tmux('send-keys', '-t', name, 'Enter');
      pause(250);
    }
    waitFor(() => screen().includes(next));
  }
  const pid = Number(readFileSync(`${out}.pid`, 'utf8'));
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
  return { pid, screen, result, close };
}

describe('a session ended from outside', () => {
  it('closing the terminal (SIGHUP): answers kept, no stack, exit 129', () => {
    const run = session(`awsquiz-sig-hup-${process.pid}`);
    run.close();
    const { rc, stderr, answers } = run.result();
    expect(rc).toBe('129 null');
    expect(stderr).toBe('');
    expect(answers).toBe(2);
  }, 30_000);

  it('SIGTERM: answers kept, exit 143', () => {
    const run = session(`awsquiz-sig-term-${process.pid}`);
    try {
      process.kill(run.pid, 'SIGTERM');
      const { rc, stderr, answers } = run.result();
      expect(rc).toBe('143 null');
      expect(stderr).toBe('');
      expect(answers).toBe(2);
    } finally {
      run.close();
    }
  }, 30_000);

  it('Ctrl+C arriving as a signal still prints the summary, exit 130', () => {
    const run = session(`awsquiz-sig-int-${process.pid}`);
    try {
      process.kill(run.pid, 'SIGINT');
      const { rc, stderr, answers } = run.result();
      expect(rc).toBe('130 null');
      expect(stderr).toBe('');
      expect(answers).toBe(2);
      expect(run.screen()).toMatch(/Session|answered/);
    } finally {
      run.close();
    }
  }, 30_000);
});
