import { afterEach, describe, expect, it } from 'vitest';
import { terminalsFor } from '../helpers/tmux.js';

const start = terminalsFor(afterEach);

/** Lines of the screen that start with this text. */
function count(text: string, prefix: string): number {
  return text.split('\n').filter((line) => line.startsWith(prefix)).length;
}

// Seed 3 draws a question at 8 that takes 14 lines at 40 columns: taller than a 15-line window
// once the key hints are under it. At 20×10 every question is taller than the window.
const EXAM = ['exam', '--random', '20', '--seed', '3', '--time', '5'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The one test that waits for the real timer: in a file of its own, so it runs beside the others.
describe('the exam timer in a small window', () => {
  it('keeps a timed exam question on screen at 40×15 and 20×10, and its timer leaves no copies in the scrollback (30 s)', async () => {
    const wide = start(EXAM, 40, 15);
    const narrow = start(EXAM, 20, 10);
    await wide.waitFor('Question 1/20');
    for (let n = 1; n < 8; n++) {
      wide.send('Enter');
      await wide.waitFor(`Question ${n + 1}/20`);
    }
    await narrow.waitFor('Question 1/20');
    await sleep(30_000);
    for (const [terminal, header] of [
      [wide, 'Question 8/20'],
      [narrow, 'Question 1/20'],
    ] as const) {
      const screen = terminal.screen();
      expect(screen, screen).toMatch(/^\? \S/m);
      expect(screen, screen).toMatch(/^❯ 1\./m);
      expect(screen, screen).toMatch(/⏱ 4:[23]\d/);
      expect(count(terminal.scrollback(), header)).toBeLessThanOrEqual(2);
    }
    // Moving to the last option scrolls the list: the question line and the choice stay.
    const last = /1–(\d)/.exec(narrow.screen())?.[1] ?? '2';
    narrow.send(last);
    const moved = await narrow.waitFor(new RegExp(`^❯ ${last}\\.`, 'm'));
    expect(moved).toMatch(/^\? \S/m);
    expect(moved).toMatch(/↑\s?\d/);
  }, 60_000);
});
