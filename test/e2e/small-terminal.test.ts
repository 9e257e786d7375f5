import { afterAll, describe, expect, it } from 'vitest';
import { type Terminal, terminalsFor } from '../helpers/tmux.js';

const start = terminalsFor(afterAll);

/** Waits until the terminal has printed this, on screen or in the scrollback. */
async function printed(terminal: Terminal, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 200 && !pattern.test(terminal.scrollback()); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(terminal.scrollback()).toMatch(pattern);
}

/** Lines of the screen that start with this text. */
function count(text: string, prefix: string): number {
  return text.split('\n').filter((line) => line.startsWith(prefix)).length;
}

const EXAM = ['exam', '--random', '20', '--seed', '3', '--time', '5'];

// Each test has terminals and data folders of its own: they run side by side (all closed at the end).
describe.concurrent('small windows', () => {
  for (const [width, height] of [
    [40, 15],
    [20, 10],
  ] as const) {
    it(`studies at ${width}×${height} with the header, the question line and the choice on screen`, async () => {
      const terminal = start(['study', 'api', '--seed', '3', '--order', 'notes'], width, height);
      let drawn = 0;
      for (let n = 1; n <= 3; n++) {
        // Printed, if not on screen: a typed question taller than the window scrolls.
        await printed(terminal, new RegExp(`^card ${n}/`, 'm'));
        const asked = await terminal.waitFor(/see it|^❯ \d\.|Your answer/m);
        if (asked.includes('Your answer')) {
          // A typed question is printed once above its input line (not redrawn), so in a
          // window shorter than it, it scrolls like any printed text.
          terminal.type('zzzz');
          terminal.send('Enter');
          continue;
        }
        drawn += 1;
        expect(asked).toMatch(new RegExp(`^card ${n}/`, 'm'));
        expect(asked).toMatch(/^\? \S/m);
        terminal.send('Enter');
        if (asked.includes('see it')) {
          const shown = await terminal.waitFor(/\[3 Good\]/);
          expect(shown).toMatch(new RegExp(`^card ${n}/`, 'm'));
          expect(shown).toMatch(/^\? \S/m);
          terminal.send('Enter');
        }
      }
      expect(drawn).toBeGreaterThanOrEqual(2);
      await printed(terminal, /^card 4\//m);
      terminal.send('C-c');
      expect(await terminal.exitCode()).toBe(130);
    }, 30_000);
  }

  it('draws the question again for the new size after a resize 80 → 40 → 80, leaving no piece of the old layout', async () => {
    const terminal = start(EXAM, 80, 24);
    const first = await terminal.waitFor('Question 1/20');
    const question = /^\? .*$/m.exec(first)?.[0] ?? '';
    expect(question).not.toBe('');
    terminal.resize(40, 24);
    const narrow = await terminal.waitFor(/Question 1\/20 · answered 0 · flagged 0\n⏱/);
    expect(count(narrow, 'Question 1/20')).toBe(1);
    expect(count(narrow, '? ')).toBe(1);
    expect(count(narrow, '❯ ')).toBe(1);
    for (const line of narrow.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
    terminal.resize(80, 24);
    const back = await terminal.waitFor(/Question 1\/20 · answered 0 · flagged 0 · ⏱/);
    expect(count(back, 'Question 1/20')).toBe(1);
    expect(count(back, '? ')).toBe(1);
    expect(count(back, '❯ ')).toBe(1);
    // The question is one line again, as it was drawn at 80 columns at first.
    expect(back).toContain(question);
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
  }, 30_000);
});
