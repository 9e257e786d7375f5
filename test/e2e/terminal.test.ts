import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/layout.js';
import { tempDir } from '../helpers/cli.js';
import { shippedDeck } from '../helpers/deck.js';
import { simulate } from '../helpers/simulate.js';
import { Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterAll(() => {
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

// Each test has terminals and data folders of its own: they run side by side (all closed at the end).
describe.concurrent('in a real terminal', () => {
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

  for (const [width, lang] of [
    [80, 'en_US.UTF-8'],
    [40, 'ja_JP.UTF-8'],
  ] as const) {
    it(`shows stats after some days of study at ${width} columns (${lang})`, async () => {
      const dataDir = tempDir();
      const progress = simulate(shippedDeck().cards, { days: 20, now: new Date(), skip: [2] });
      writeFileSync(join(dataDir, 'progress.json'), JSON.stringify(progress));
      const terminal = new Terminal({
        args: ['stats'],
        width,
        height: 120,
        env: { AWSQUIZ_DATA_DIR: dataDir, LANG: lang },
      });
      open.push(terminal);
      expect(await terminal.exitCode()).toBe(0);
      const screen = terminal.screen();
      for (const line of screen.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(screen).toContain(
        lang.startsWith('ja') ? '今後14日間の復習予定' : 'Due in the next 14 days',
      );
      expect(screen).toContain(lang.startsWith('ja') ? '苦手なカード' : 'Weakest cards');
      expect(screen).toMatch(/█/);
      expect(screen).not.toMatch(/…{2}/);
    });
  }
});
