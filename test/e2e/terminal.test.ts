import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterEach(() => {
  for (const terminal of open.splice(0)) terminal.close();
});

function start(
  args: string[],
  options: { width?: number; env?: Record<string, string> } = {},
): Terminal {
  const terminal = new Terminal({
    args,
    width: options.width ?? 80,
    env: { AWSQUIZ_DATA_DIR: tempDir(), ...options.env },
  });
  open.push(terminal);
  return terminal;
}

describe('in a real terminal', () => {
  it('lists topics at 40 columns', async () => {
    const terminal = start(['topics'], { width: 40 });
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain('EC2');
    expect(screen).toContain('AWS CLI');
  });

  it('shows Japanese help with LANG=ja_JP.UTF-8', async () => {
    const terminal = start(['--help'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toContain('例:');
  });
});
