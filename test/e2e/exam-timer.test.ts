import { afterEach, describe, expect, it } from 'vitest';
import { type Terminal, terminalsFor } from '../helpers/tmux.js';

const start = terminalsFor(afterEach);

/** Lines of the screen that start with this text. */
function count(text: string, prefix: string): number {
  return text.split('\n').filter((line) => line.startsWith(prefix)).length;
}

/** Waits until what was printed matches, all runs of spaces and line breaks as one space: a narrow window wraps the results. */
async function waitPrinted(terminal: Terminal, pattern: RegExp, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const printed = terminal.printed().replace(/\s+/g, ' ');
    if (pattern.test(printed)) return printed;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${printed}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Seed 3 draws a question at 8 that takes 14 lines at 40 columns: taller than a 15-line window
// once the key hints are under it. At 20×10 every question is taller than the window.
const EXAM = ['exam', '--random', '20', '--seed', '3', '--time', '3'];
// The binary's clock runs 20 times as fast (test only, see cli.ts): the 3 minutes last 9 s,
// and every quarter-second tick of the countdown shows another second, so it redraws each time.
const FAST = { AWSQUIZ_TEST_CLOCK_RATE: '20' };

// The one test that waits for the timer: in a file of its own, so it runs beside the others.
describe('the exam timer in a small window', () => {
  it('keeps a timed exam question on screen at 40×15 and 20×10 as the timer redraws it, leaves no copies in the scrollback, and ends the exam when time runs out', async () => {
    const wide = start(EXAM, 40, 15, FAST);
    const narrow = start(EXAM, 20, 10, FAST);
    await wide.waitFor('Question 1/20');
    for (let n = 1; n < 8; n++) {
      wide.send('Enter');
      await wide.waitFor(`Question ${n + 1}/20`);
    }
    await narrow.waitFor('Question 1/20');
    // A minute of exam time (about 3 s, a dozen redraws) has passed on both.
    for (const terminal of [wide, narrow]) await terminal.waitFor(/⏱ [01]:\d\d/, 20_000);
    for (const [terminal, header] of [
      [wide, 'Question 8/20'],
      [narrow, 'Question 1/20'],
    ] as const) {
      const screen = terminal.screen();
      expect(screen, screen).toMatch(/^\? \S/m);
      expect(screen, screen).toMatch(/^❯ 1\./m);
      expect(count(terminal.scrollback(), header)).toBeLessThanOrEqual(2);
    }
    // Moving to the last option scrolls the list: the question line and the choice stay.
    const last = /1–(\d)/.exec(narrow.screen())?.[1] ?? '2';
    narrow.send(last);
    const moved = await narrow.waitFor(new RegExp(`^❯ ${last}\\.`, 'm'));
    expect(moved).toMatch(/^\? \S/m);
    expect(moved).toMatch(/↑\s?\d/);
    // Time runs out with no key pressed: the exam ends by itself, unanswered counting as wrong.
    for (const [terminal, unanswered] of [
      [wide, 13],
      [narrow, 20],
    ] as const) {
      const results = await waitPrinted(terminal, /missed cards? now\? \(Y\/n\)/);
      expect(results).toContain(`Time's up: unanswered questions count as wrong (${unanswered}).`);
      expect(results).toContain('Time 3:00 (limit 3:00)');
      terminal.type('n');
      terminal.send('Enter');
      expect(await terminal.exitCode()).toBe(0);
    }
  }, 60_000);
});
