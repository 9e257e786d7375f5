/**
 * The learner's keys in a real terminal, by keystrokes (issue 14): suspend
 * then restart, undo, and the editor opened at the card's line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { EDITED_LINE, fakeEditor, gardenNotes } from '../helpers/learner-notes.js';
import { Terminal } from '../helpers/tmux.js';

const open: Terminal[] = [];
afterAll(() => {
  for (const terminal of open.splice(0)) terminal.close();
});

function start(args: string[], env: Record<string, string>): Terminal {
  const terminal = new Terminal({ args, width: 60, height: 40, env });
  open.push(terminal);
  return terminal;
}

/** The text after the last question header. */
function last(screen: string): string {
  return screen.slice(screen.lastIndexOf('card '));
}

/** A study key on the question on screen (typed questions take `:x` and Enter). */
async function press(terminal: Terminal, key: string): Promise<void> {
  const screen = last(await terminal.waitFor(/x suspend/));
  if (/press Enter to see it|↑↓/.test(screen)) terminal.send(key);
  else {
    terminal.type(`:${key}`);
    terminal.send('Enter');
  }
}

/** Answers card n: recall Good, choice the first option, typed a wrong word. */
async function answer(terminal: Terminal, n: number): Promise<void> {
  const screen = last(await terminal.waitFor(new RegExp(`card ${n}/[\\s\\S]*x suspend`)));
  if (screen.includes('press Enter to see it')) {
    terminal.send('Enter');
    await terminal.waitFor('How well did you know it?');
    terminal.send('Enter');
  } else if (screen.includes('↑↓')) terminal.send('Enter');
  else {
    terminal.type('zzzz');
    terminal.send('Enter');
  }
  await terminal.waitFor(new RegExp(`card ${n + 1}/`));
}

// Each test has terminals and data folders of its own: they run side by side (all closed at the end).
describe.concurrent('the learner’s keys in a real terminal', () => {
  it('x: a suspended card is not asked after a restart', async () => {
    const content = gardenNotes();
    const env = { AWSQUIZ_DATA_DIR: tempDir() };
    const args = ['--content', content, 'study', '--new', '100'];
    const first = start(args, env);
    const planned = Number(/0 due, (\d+) new/.exec(await first.waitFor(/0 due, \d+ new/))?.[1]);
    await press(first, 'x');
    await first.waitFor('Suspended: not asked again');
    first.send('C-c');
    expect(await first.exitCode()).toBe(130);
    const second = start(args, env);
    await second.waitFor(`0 due, ${planned - 1} new`);
    second.send('C-c');
    expect(await second.exitCode()).toBe(130);
  }, 30_000);

  it('u: stats --json reviews goes back by one', async () => {
    const content = gardenNotes();
    const dataDir = tempDir();
    const terminal = start(['--content', content, 'study', '--seed', '4'], {
      AWSQUIZ_DATA_DIR: dataDir,
    });
    await answer(terminal, 1);
    await answer(terminal, 2);
    await press(terminal, 'u');
    await terminal.waitFor(/Last answer taken back[\s\S]*card 2\//);
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const stats = JSON.parse(
      (await runCli(['--content', content, 'stats', '--json'], { dataDir })).stdout,
    );
    expect(stats.reviews).toBe(1);
  }, 30_000);

  it('e: the editor gets the file and line; an edited line changes only its cards', async () => {
    const content = gardenNotes();
    const dataDir = tempDir();
    const { editor, record } = fakeEditor(content);
    type Exported = { cards: { id: string; file: string; line: number }[] };
    const before = JSON.parse((await runCli(['--content', content, 'export'])).stdout) as Exported;
    const terminal = start(['--content', content, 'study', '--order', 'notes'], {
      AWSQUIZ_DATA_DIR: dataDir,
      EDITOR: editor,
      VISUAL: '',
    });
    await press(terminal, 'e');
    await terminal.waitFor(/Notes read again[\s\S]*card 1\//);
    const [lineArg, fileArg] = readFileSync(record, 'utf8').trim().split('\n');
    expect(fileArg).toBe(join(content, '01-garden.md'));
    expect(lineArg).toMatch(/^\+\d+$/);
    const line = Number(lineArg?.slice(1));
    expect(before.cards.some((c) => c.file === '01-garden.md' && c.line === line)).toBe(true);
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const after = JSON.parse((await runCli(['--content', content, 'export'])).stdout) as Exported;
    const kept = new Set(after.cards.map((c) => c.id));
    const changed = before.cards.filter((c) => !kept.has(c.id));
    expect(changed.length).toBeGreaterThan(0);
    for (const card of changed)
      expect(`${card.file}:${card.line}`).toBe(`01-garden.md:${EDITED_LINE}`);
  }, 30_000);
});
